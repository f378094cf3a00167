import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The initial schema on SQLite. Generated with `typeorm migration:generate` against an empty file,
 * then tidied: foreign keys written into CREATE TABLE (instead of TypeORM's table rebuilds) and the
 * single audit chain head row inserted.
 */
export class Initial1795756412474 implements MigrationInterface {
  name = 'Initial1795756412474';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "agency" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(32) NOT NULL, "parentId" varchar(36), "region" varchar(100), "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, CONSTRAINT "FK_c94c8b0e5b04209ae1f2778f814" FOREIGN KEY ("parentId") REFERENCES "agency" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_agency_code" ON "agency" ("code")`);
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" bigint PRIMARY KEY NOT NULL, "at" datetime(3) NOT NULL, "actorId" varchar(36), "actorName" varchar(200), "agencyId" varchar(36), "reportId" varchar(36), "action" varchar(64) NOT NULL, "targetType" varchar(32), "targetId" varchar(64), "detail" json, "requestId" varchar(64), "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_at" ON "audit_entry" ("at")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_actor" ON "audit_entry" ("actorId")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_agency" ON "audit_entry" ("agencyId")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_report" ON "audit_entry" ("reportId")`);
    await queryRunner.query(`CREATE TABLE "audit_head" ("id" integer PRIMARY KEY NOT NULL, "lastId" bigint NOT NULL DEFAULT (0), "lastHash" varchar(64) NOT NULL DEFAULT (''))`);
    await queryRunner.query(`CREATE TABLE "reporting_cycle" ("id" varchar(36) PRIMARY KEY NOT NULL, "year" integer NOT NULL, "format" varchar(8) NOT NULL, "deadline" varchar(10) NOT NULL, "requiresPreReview" boolean NOT NULL DEFAULT (0), "open" boolean NOT NULL DEFAULT (1), "createdAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_reporting_cycle_year" ON "reporting_cycle" ("year")`);
    await queryRunner.query(`CREATE TABLE "report" ("id" varchar(36) PRIMARY KEY NOT NULL, "agencyId" varchar(36) NOT NULL, "agencyName" varchar(200) NOT NULL, "year" integer NOT NULL, "format" varchar(8) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('DRAFT'), "revision" integer NOT NULL DEFAULT (1), "contentHash" varchar(64) NOT NULL, "overview" text NOT NULL, "problems" text NOT NULL, "other" text NOT NULL, "errorCount" integer NOT NULL DEFAULT (0), "warningCount" integer NOT NULL DEFAULT (0), "validation" json, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, CONSTRAINT "UQ_report_agency_year" UNIQUE ("agencyId", "year"), CONSTRAINT "FK_1ae89cb7cb27a7269c0f2c13394" FOREIGN KEY ("agencyId") REFERENCES "agency" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "IDX_report_year_status" ON "report" ("year", "status")`);
    await queryRunner.query(`CREATE TABLE "report_cell" ("reportId" varchar(36) NOT NULL, "key" varchar(64) NOT NULL, "value" decimal(18,4), CONSTRAINT "FK_e8a3943a5e4525bd71f5fdc4672" FOREIGN KEY ("reportId") REFERENCES "report" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("reportId", "key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_report_cell_key" ON "report_cell" ("key")`);
    await queryRunner.query(`CREATE TABLE "user" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "agencyId" varchar(36) NOT NULL, "roles" text NOT NULL, "active" boolean NOT NULL DEFAULT (1), "tokenVersion" integer NOT NULL DEFAULT (0), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, CONSTRAINT "FK_ffe98999bc6a1edce7af102f74c" FOREIGN KEY ("agencyId") REFERENCES "agency" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_user_username" ON "user" ("username")`);
    await queryRunner.query(`CREATE INDEX "IDX_user_agencyId" ON "user" ("agencyId")`);
    await queryRunner.query(`INSERT INTO "audit_head" ("id", "lastId", "lastHash") VALUES (1, 0, '')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "user"`);
    await queryRunner.query(`DROP TABLE "report_cell"`);
    await queryRunner.query(`DROP TABLE "report"`);
    await queryRunner.query(`DROP TABLE "reporting_cycle"`);
    await queryRunner.query(`DROP TABLE "audit_head"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP TABLE "agency"`);
  }
}
