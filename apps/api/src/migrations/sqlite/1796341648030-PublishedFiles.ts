import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The library of published files: one row per distinct file (unique by SHA-256), the bytes by hash when
 * kept in the database, and each file's parse result per importer version.
 */
export class PublishedFiles1796341648030 implements MigrationInterface {
    name = 'PublishedFiles1796341648030'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "published_file" ("id" varchar(36) PRIMARY KEY NOT NULL, "sha256" varchar(64) NOT NULL, "byteSize" integer NOT NULL, "kind" varchar(8) NOT NULL, "fileName" varchar(200) NOT NULL, "agencyId" varchar(36) NOT NULL, "year" integer, "sourceUrl" varchar(2000), "uploadedById" varchar(36) NOT NULL, "uploadedAt" datetime(3) NOT NULL, "storage" varchar(8) NOT NULL, "importStatus" varchar(16) NOT NULL, "importMessage" text, "parserVersion" varchar(32) NOT NULL, "reportId" varchar(36))`);
        await queryRunner.query(`CREATE INDEX "IDX_published_file_agency_year" ON "published_file" ("agencyId", "year") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_published_file_sha256" ON "published_file" ("sha256") `);
        await queryRunner.query(`CREATE TABLE "published_file_content" ("sha256" varchar(64) PRIMARY KEY NOT NULL, "content" blob NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "published_file_parse" ("sha256" varchar(64) NOT NULL, "parserVersion" varchar(32) NOT NULL, "outcome" text NOT NULL, "parsedAt" datetime(3) NOT NULL, PRIMARY KEY ("sha256", "parserVersion"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "published_file_parse"`);
        await queryRunner.query(`DROP TABLE "published_file_content"`);
        await queryRunner.query(`DROP INDEX "IDX_published_file_sha256"`);
        await queryRunner.query(`DROP INDEX "IDX_published_file_agency_year"`);
        await queryRunner.query(`DROP TABLE "published_file"`);
    }
}
