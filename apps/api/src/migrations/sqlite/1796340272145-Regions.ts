import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regions as a tree (行政区划 with materialised id paths), every agency's region, and the totals
 * maintained per region at publication. SQLite adds the agency's foreign key by copying the table
 * (as generated); TypeORM runs migrations with foreign_keys off, so the copy keeps every reference.
 */
export class Regions1796340272145 implements MigrationInterface {
    name = 'Regions1796340272145'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "region" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(12) NOT NULL, "name" varchar(50) NOT NULL, "level" varchar(16) NOT NULL, "parentId" varchar(36), "path" varchar(255) NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_region_code" ON "region" ("code") `);
        await queryRunner.query(`CREATE INDEX "IDX_region_path" ON "region" ("path") `);
        await queryRunner.query(`CREATE TABLE "region_total" ("regionId" varchar(36) NOT NULL, "year" integer NOT NULL, "format" varchar(8) NOT NULL, "kind" varchar(32) NOT NULL, "key" varchar(64) NOT NULL, "total" decimal(18,4) NOT NULL DEFAULT (0), "filled" integer NOT NULL DEFAULT (0), PRIMARY KEY ("regionId", "year", "format", "kind", "key"))`);
        await queryRunner.query(`DROP INDEX "UQ_agency_code"`);
        await queryRunner.query(`CREATE TABLE "temporary_agency" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(32) NOT NULL, "parentId" varchar(36), "region" varchar(100), "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "regionId" varchar(36), CONSTRAINT "FK_c94c8b0e5b04209ae1f2778f814" FOREIGN KEY ("parentId") REFERENCES "agency" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_agency"("id", "code", "name", "kind", "parentId", "region", "active", "createdAt", "updatedAt") SELECT "id", "code", "name", "kind", "parentId", "region", "active", "createdAt", "updatedAt" FROM "agency"`);
        await queryRunner.query(`DROP TABLE "agency"`);
        await queryRunner.query(`ALTER TABLE "temporary_agency" RENAME TO "agency"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_agency_code" ON "agency" ("code") `);
        await queryRunner.query(`CREATE INDEX "IDX_agency_region" ON "agency" ("regionId") `);
        await queryRunner.query(`DROP INDEX "UQ_region_code"`);
        await queryRunner.query(`DROP INDEX "IDX_region_path"`);
        await queryRunner.query(`CREATE TABLE "temporary_region" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(12) NOT NULL, "name" varchar(50) NOT NULL, "level" varchar(16) NOT NULL, "parentId" varchar(36), "path" varchar(255) NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, CONSTRAINT "FK_ed0c8098ce6809925a437f42aec" FOREIGN KEY ("parentId") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_region"("id", "code", "name", "level", "parentId", "path", "createdAt", "updatedAt") SELECT "id", "code", "name", "level", "parentId", "path", "createdAt", "updatedAt" FROM "region"`);
        await queryRunner.query(`DROP TABLE "region"`);
        await queryRunner.query(`ALTER TABLE "temporary_region" RENAME TO "region"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_region_code" ON "region" ("code") `);
        await queryRunner.query(`CREATE INDEX "IDX_region_path" ON "region" ("path") `);
        await queryRunner.query(`DROP INDEX "UQ_agency_code"`);
        await queryRunner.query(`DROP INDEX "IDX_agency_region"`);
        await queryRunner.query(`CREATE TABLE "temporary_agency" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(32) NOT NULL, "parentId" varchar(36), "region" varchar(100), "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "regionId" varchar(36), CONSTRAINT "FK_c94c8b0e5b04209ae1f2778f814" FOREIGN KEY ("parentId") REFERENCES "agency" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_523fd3b9978ab6c75dbaba994c7" FOREIGN KEY ("regionId") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_agency"("id", "code", "name", "kind", "parentId", "region", "active", "createdAt", "updatedAt", "regionId") SELECT "id", "code", "name", "kind", "parentId", "region", "active", "createdAt", "updatedAt", "regionId" FROM "agency"`);
        await queryRunner.query(`DROP TABLE "agency"`);
        await queryRunner.query(`ALTER TABLE "temporary_agency" RENAME TO "agency"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_agency_code" ON "agency" ("code") `);
        await queryRunner.query(`CREATE INDEX "IDX_agency_region" ON "agency" ("regionId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_agency_region"`);
        await queryRunner.query(`DROP INDEX "UQ_agency_code"`);
        await queryRunner.query(`ALTER TABLE "agency" RENAME TO "temporary_agency"`);
        await queryRunner.query(`CREATE TABLE "agency" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(32) NOT NULL, "parentId" varchar(36), "region" varchar(100), "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "regionId" varchar(36), CONSTRAINT "FK_c94c8b0e5b04209ae1f2778f814" FOREIGN KEY ("parentId") REFERENCES "agency" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "agency"("id", "code", "name", "kind", "parentId", "region", "active", "createdAt", "updatedAt", "regionId") SELECT "id", "code", "name", "kind", "parentId", "region", "active", "createdAt", "updatedAt", "regionId" FROM "temporary_agency"`);
        await queryRunner.query(`DROP TABLE "temporary_agency"`);
        await queryRunner.query(`CREATE INDEX "IDX_agency_region" ON "agency" ("regionId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_agency_code" ON "agency" ("code") `);
        await queryRunner.query(`DROP INDEX "IDX_region_path"`);
        await queryRunner.query(`DROP INDEX "UQ_region_code"`);
        await queryRunner.query(`ALTER TABLE "region" RENAME TO "temporary_region"`);
        await queryRunner.query(`CREATE TABLE "region" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(12) NOT NULL, "name" varchar(50) NOT NULL, "level" varchar(16) NOT NULL, "parentId" varchar(36), "path" varchar(255) NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "region"("id", "code", "name", "level", "parentId", "path", "createdAt", "updatedAt") SELECT "id", "code", "name", "level", "parentId", "path", "createdAt", "updatedAt" FROM "temporary_region"`);
        await queryRunner.query(`DROP TABLE "temporary_region"`);
        await queryRunner.query(`CREATE INDEX "IDX_region_path" ON "region" ("path") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_region_code" ON "region" ("code") `);
        await queryRunner.query(`DROP INDEX "IDX_agency_region"`);
        await queryRunner.query(`DROP INDEX "UQ_agency_code"`);
        await queryRunner.query(`ALTER TABLE "agency" RENAME TO "temporary_agency"`);
        await queryRunner.query(`CREATE TABLE "agency" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(32) NOT NULL, "parentId" varchar(36), "region" varchar(100), "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, CONSTRAINT "FK_c94c8b0e5b04209ae1f2778f814" FOREIGN KEY ("parentId") REFERENCES "agency" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "agency"("id", "code", "name", "kind", "parentId", "region", "active", "createdAt", "updatedAt") SELECT "id", "code", "name", "kind", "parentId", "region", "active", "createdAt", "updatedAt" FROM "temporary_agency"`);
        await queryRunner.query(`DROP TABLE "temporary_agency"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_agency_code" ON "agency" ("code") `);
        await queryRunner.query(`DROP TABLE "region_total"`);
        await queryRunner.query(`DROP INDEX "IDX_region_path"`);
        await queryRunner.query(`DROP INDEX "UQ_region_code"`);
        await queryRunner.query(`DROP TABLE "region"`);
    }
}
