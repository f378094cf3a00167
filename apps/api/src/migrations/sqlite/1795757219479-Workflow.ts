import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 三级联签, 保密审查, publication, contributions and 责任追究 on SQLite: signatures, warning
 * explanations, rectification requests, reviews, scanner findings, published revisions and their
 * cells, contributions, accountability cases. Generated with TypeORM's schema builder against a
 * database migrated to Initial, then folded by hand so every table is created once with its foreign keys.
 */
export class Workflow1795757219479 implements MigrationInterface {
    name = 'Workflow1795757219479'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "report_revision" ("id" varchar(36) PRIMARY KEY NOT NULL, "reportId" varchar(36) NOT NULL, "agencyId" varchar(36) NOT NULL, "year" integer NOT NULL, "format" varchar(8) NOT NULL, "revisionNo" integer NOT NULL, "contentHash" varchar(64) NOT NULL, "content" text NOT NULL, "correctionNote" text, "publishedAt" datetime(3) NOT NULL, "publishedById" varchar(36) NOT NULL, "isCurrent" boolean NOT NULL DEFAULT (1), CONSTRAINT "UQ_report_revision_no" UNIQUE ("reportId", "revisionNo"), CONSTRAINT "FK_f3e90287d92a03211e8c6c69ac5" FOREIGN KEY ("reportId") REFERENCES "report" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`CREATE INDEX "IDX_report_revision_agency" ON "report_revision" ("agencyId") `);
        await queryRunner.query(`CREATE INDEX "IDX_report_revision_year_current" ON "report_revision" ("year", "isCurrent") `);
        await queryRunner.query(`CREATE TABLE "published_cell" ("revisionId" varchar(36) NOT NULL, "key" varchar(64) NOT NULL, "agencyId" varchar(36) NOT NULL, "year" integer NOT NULL, "format" varchar(8) NOT NULL, "value" decimal(18,4), CONSTRAINT "FK_73a39ff0908a74a5fe415aff6f8" FOREIGN KEY ("revisionId") REFERENCES "report_revision" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("revisionId", "key"))`);
        await queryRunner.query(`CREATE INDEX "IDX_published_cell_year_key" ON "published_cell" ("year", "key") `);
        await queryRunner.query(`CREATE TABLE "signature" ("id" varchar(36) PRIMARY KEY NOT NULL, "reportId" varchar(36) NOT NULL, "revision" integer NOT NULL, "stage" varchar(24) NOT NULL, "signerId" varchar(36) NOT NULL, "signerName" varchar(200) NOT NULL, "contentHash" varchar(64) NOT NULL, "comment" text, "signedAt" datetime(3) NOT NULL, "voidedAt" datetime(3), "voidedBy" varchar(36), "voidReason" varchar(500), CONSTRAINT "FK_674632ba6c547cbf1a9a837c217" FOREIGN KEY ("reportId") REFERENCES "report" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`CREATE INDEX "IDX_signature_report" ON "signature" ("reportId") `);
        await queryRunner.query(`CREATE TABLE "warning_explanation" ("reportId" varchar(36) NOT NULL, "ruleId" varchar(64) NOT NULL, "text" text NOT NULL, "explainedById" varchar(36), "explainedAt" datetime(3) NOT NULL, CONSTRAINT "FK_d835ac996a3aa669bdb4995fb56" FOREIGN KEY ("reportId") REFERENCES "report" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("reportId", "ruleId"))`);
        await queryRunner.query(`CREATE TABLE "rectification_request" ("id" varchar(36) PRIMARY KEY NOT NULL, "reportId" varchar(36) NOT NULL, "agencyId" varchar(36) NOT NULL, "comment" text NOT NULL, "requestedById" varchar(36) NOT NULL, "requestedAt" datetime(3) NOT NULL, "resolvedRevisionId" varchar(36), "resolvedAt" datetime(3), CONSTRAINT "FK_a0421784c0997f7b49bc0a39ee7" FOREIGN KEY ("reportId") REFERENCES "report" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`CREATE INDEX "IDX_rectification_report" ON "rectification_request" ("reportId") `);
        await queryRunner.query(`CREATE TABLE "confidentiality_review" ("id" varchar(36) PRIMARY KEY NOT NULL, "reportId" varchar(36) NOT NULL, "contentHash" varchar(64) NOT NULL, "checks" text NOT NULL, "conclusion" varchar(16), "bases" text NOT NULL, "disclosure" varchar(16), "note" text, "reviewerId" varchar(36) NOT NULL, "reviewerName" varchar(200) NOT NULL, "reviewedAt" datetime(3) NOT NULL, "voidedAt" datetime(3), CONSTRAINT "UQ_confidentiality_review_hash" UNIQUE ("reportId", "contentHash"), CONSTRAINT "FK_467859eaea44a78b39fbab3adfd" FOREIGN KEY ("reportId") REFERENCES "report" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`CREATE INDEX "IDX_confidentiality_review_report" ON "confidentiality_review" ("reportId") `);
        await queryRunner.query(`CREATE TABLE "finding" ("id" varchar(36) PRIMARY KEY NOT NULL, "reportId" varchar(36) NOT NULL, "key" varchar(128) NOT NULL, "kind" varchar(32) NOT NULL, "section" varchar(32) NOT NULL, "spanStart" integer NOT NULL, "spanEnd" integer NOT NULL, "matchText" varchar(255) NOT NULL, "message" varchar(255) NOT NULL, "status" varchar(16) NOT NULL, "dismissReason" text, "dismissedBy" varchar(36), "dismissedAt" datetime(3), "foundAt" datetime(3) NOT NULL, "fixedAt" datetime(3), CONSTRAINT "UQ_finding_report_key" UNIQUE ("reportId", "key"), CONSTRAINT "FK_404a8f6cafe808d04e5653cf519" FOREIGN KEY ("reportId") REFERENCES "report" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`CREATE INDEX "IDX_finding_report_status" ON "finding" ("reportId", "status") `);
        await queryRunner.query(`CREATE TABLE "contribution" ("id" varchar(36) PRIMARY KEY NOT NULL, "reportId" varchar(36) NOT NULL, "agencyId" varchar(36) NOT NULL, "assigneeId" varchar(36) NOT NULL, "target" varchar(64) NOT NULL, "dueDate" varchar(10) NOT NULL, "note" text, "assignedById" varchar(36) NOT NULL, "assignedAt" datetime(3) NOT NULL, "deliveredAt" datetime(3), CONSTRAINT "FK_77c7525adb197607b2340acf8e5" FOREIGN KEY ("reportId") REFERENCES "report" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`CREATE INDEX "IDX_contribution_assignee" ON "contribution" ("assigneeId") `);
        await queryRunner.query(`CREATE INDEX "IDX_contribution_report" ON "contribution" ("reportId") `);
        await queryRunner.query(`CREATE TABLE "accountability_case" ("id" varchar(36) PRIMARY KEY NOT NULL, "agencyId" varchar(36) NOT NULL, "reportId" varchar(36), "year" integer NOT NULL, "kind" varchar(16) NOT NULL, "description" text NOT NULL, "auditEntryIds" text NOT NULL, "status" varchar(16) NOT NULL, "outcome" text, "openedById" varchar(36) NOT NULL, "openedAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "closedAt" datetime(3))`);
        await queryRunner.query(`CREATE INDEX "IDX_accountability_case_year_status" ON "accountability_case" ("year", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_accountability_case_agency" ON "accountability_case" ("agencyId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_accountability_case_agency"`);
        await queryRunner.query(`DROP INDEX "IDX_accountability_case_year_status"`);
        await queryRunner.query(`DROP TABLE "accountability_case"`);
        await queryRunner.query(`DROP INDEX "IDX_contribution_report"`);
        await queryRunner.query(`DROP INDEX "IDX_contribution_assignee"`);
        await queryRunner.query(`DROP TABLE "contribution"`);
        await queryRunner.query(`DROP INDEX "IDX_finding_report_status"`);
        await queryRunner.query(`DROP TABLE "finding"`);
        await queryRunner.query(`DROP INDEX "IDX_confidentiality_review_report"`);
        await queryRunner.query(`DROP TABLE "confidentiality_review"`);
        await queryRunner.query(`DROP INDEX "IDX_rectification_report"`);
        await queryRunner.query(`DROP TABLE "rectification_request"`);
        await queryRunner.query(`DROP TABLE "warning_explanation"`);
        await queryRunner.query(`DROP INDEX "IDX_signature_report"`);
        await queryRunner.query(`DROP TABLE "signature"`);
        await queryRunner.query(`DROP INDEX "IDX_published_cell_year_key"`);
        await queryRunner.query(`DROP TABLE "published_cell"`);
        await queryRunner.query(`DROP INDEX "IDX_report_revision_year_current"`);
        await queryRunner.query(`DROP INDEX "IDX_report_revision_agency"`);
        await queryRunner.query(`DROP TABLE "report_revision"`);
    }
}
