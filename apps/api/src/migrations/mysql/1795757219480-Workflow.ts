import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 三级联签, 保密审查, publication, contributions and 责任追究 on MySQL/MariaDB. Generated with TypeORM's
 * schema builder against a database migrated to Initial; reviewed: MariaDB's spurious "DEFAULT NULL"
 * diffs on the core tables were dropped, only this module's tables and foreign keys remain.
 * MySQL DDL is not transactional.
 */
export class Workflow1795757219480 implements MigrationInterface {
    name = 'Workflow1795757219480'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`report_revision\` (\`id\` varchar(36) NOT NULL, \`reportId\` varchar(36) NOT NULL, \`agencyId\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`format\` varchar(8) NOT NULL, \`revisionNo\` int NOT NULL, \`contentHash\` varchar(64) NOT NULL, \`content\` text NOT NULL, \`correctionNote\` text NULL, \`publishedAt\` datetime(3) NOT NULL, \`publishedById\` varchar(36) NOT NULL, \`isCurrent\` tinyint NOT NULL DEFAULT 1, INDEX \`IDX_report_revision_agency\` (\`agencyId\`), INDEX \`IDX_report_revision_year_current\` (\`year\`, \`isCurrent\`), UNIQUE INDEX \`UQ_report_revision_no\` (\`reportId\`, \`revisionNo\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`published_cell\` (\`revisionId\` varchar(36) NOT NULL, \`key\` varchar(64) NOT NULL, \`agencyId\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`format\` varchar(8) NOT NULL, \`value\` decimal(18,4) NULL, INDEX \`IDX_published_cell_year_key\` (\`year\`, \`key\`), PRIMARY KEY (\`revisionId\`, \`key\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`signature\` (\`id\` varchar(36) NOT NULL, \`reportId\` varchar(36) NOT NULL, \`revision\` int NOT NULL, \`stage\` varchar(24) NOT NULL, \`signerId\` varchar(36) NOT NULL, \`signerName\` varchar(200) NOT NULL, \`contentHash\` varchar(64) NOT NULL, \`comment\` text NULL, \`signedAt\` datetime(3) NOT NULL, \`voidedAt\` datetime(3) NULL, \`voidedBy\` varchar(36) NULL, \`voidReason\` varchar(500) NULL, INDEX \`IDX_signature_report\` (\`reportId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`warning_explanation\` (\`reportId\` varchar(36) NOT NULL, \`ruleId\` varchar(64) NOT NULL, \`text\` text NOT NULL, \`explainedById\` varchar(36) NULL, \`explainedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`reportId\`, \`ruleId\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`rectification_request\` (\`id\` varchar(36) NOT NULL, \`reportId\` varchar(36) NOT NULL, \`agencyId\` varchar(36) NOT NULL, \`comment\` text NOT NULL, \`requestedById\` varchar(36) NOT NULL, \`requestedAt\` datetime(3) NOT NULL, \`resolvedRevisionId\` varchar(36) NULL, \`resolvedAt\` datetime(3) NULL, INDEX \`IDX_rectification_report\` (\`reportId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`confidentiality_review\` (\`id\` varchar(36) NOT NULL, \`reportId\` varchar(36) NOT NULL, \`contentHash\` varchar(64) NOT NULL, \`checks\` text NOT NULL, \`conclusion\` varchar(16) NULL, \`bases\` text NOT NULL, \`disclosure\` varchar(16) NULL, \`note\` text NULL, \`reviewerId\` varchar(36) NOT NULL, \`reviewerName\` varchar(200) NOT NULL, \`reviewedAt\` datetime(3) NOT NULL, \`voidedAt\` datetime(3) NULL, INDEX \`IDX_confidentiality_review_report\` (\`reportId\`), UNIQUE INDEX \`UQ_confidentiality_review_hash\` (\`reportId\`, \`contentHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`finding\` (\`id\` varchar(36) NOT NULL, \`reportId\` varchar(36) NOT NULL, \`key\` varchar(128) NOT NULL, \`kind\` varchar(32) NOT NULL, \`section\` varchar(32) NOT NULL, \`spanStart\` int NOT NULL, \`spanEnd\` int NOT NULL, \`matchText\` varchar(255) NOT NULL, \`message\` varchar(255) NOT NULL, \`status\` varchar(16) NOT NULL, \`dismissReason\` text NULL, \`dismissedBy\` varchar(36) NULL, \`dismissedAt\` datetime(3) NULL, \`foundAt\` datetime(3) NOT NULL, \`fixedAt\` datetime(3) NULL, INDEX \`IDX_finding_report_status\` (\`reportId\`, \`status\`), UNIQUE INDEX \`UQ_finding_report_key\` (\`reportId\`, \`key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`contribution\` (\`id\` varchar(36) NOT NULL, \`reportId\` varchar(36) NOT NULL, \`agencyId\` varchar(36) NOT NULL, \`assigneeId\` varchar(36) NOT NULL, \`target\` varchar(64) NOT NULL, \`dueDate\` varchar(10) NOT NULL, \`note\` text NULL, \`assignedById\` varchar(36) NOT NULL, \`assignedAt\` datetime(3) NOT NULL, \`deliveredAt\` datetime(3) NULL, INDEX \`IDX_contribution_assignee\` (\`assigneeId\`), INDEX \`IDX_contribution_report\` (\`reportId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`accountability_case\` (\`id\` varchar(36) NOT NULL, \`agencyId\` varchar(36) NOT NULL, \`reportId\` varchar(36) NULL, \`year\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`description\` text NOT NULL, \`auditEntryIds\` text NOT NULL, \`status\` varchar(16) NOT NULL, \`outcome\` text NULL, \`openedById\` varchar(36) NOT NULL, \`openedAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`closedAt\` datetime(3) NULL, INDEX \`IDX_accountability_case_year_status\` (\`year\`, \`status\`), INDEX \`IDX_accountability_case_agency\` (\`agencyId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`report_revision\` ADD CONSTRAINT \`FK_f3e90287d92a03211e8c6c69ac5\` FOREIGN KEY (\`reportId\`) REFERENCES \`report\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`published_cell\` ADD CONSTRAINT \`FK_73a39ff0908a74a5fe415aff6f8\` FOREIGN KEY (\`revisionId\`) REFERENCES \`report_revision\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`signature\` ADD CONSTRAINT \`FK_674632ba6c547cbf1a9a837c217\` FOREIGN KEY (\`reportId\`) REFERENCES \`report\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`warning_explanation\` ADD CONSTRAINT \`FK_d835ac996a3aa669bdb4995fb56\` FOREIGN KEY (\`reportId\`) REFERENCES \`report\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`rectification_request\` ADD CONSTRAINT \`FK_a0421784c0997f7b49bc0a39ee7\` FOREIGN KEY (\`reportId\`) REFERENCES \`report\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`confidentiality_review\` ADD CONSTRAINT \`FK_467859eaea44a78b39fbab3adfd\` FOREIGN KEY (\`reportId\`) REFERENCES \`report\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`finding\` ADD CONSTRAINT \`FK_404a8f6cafe808d04e5653cf519\` FOREIGN KEY (\`reportId\`) REFERENCES \`report\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`contribution\` ADD CONSTRAINT \`FK_77c7525adb197607b2340acf8e5\` FOREIGN KEY (\`reportId\`) REFERENCES \`report\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`contribution\` DROP FOREIGN KEY \`FK_77c7525adb197607b2340acf8e5\``);
        await queryRunner.query(`ALTER TABLE \`finding\` DROP FOREIGN KEY \`FK_404a8f6cafe808d04e5653cf519\``);
        await queryRunner.query(`ALTER TABLE \`confidentiality_review\` DROP FOREIGN KEY \`FK_467859eaea44a78b39fbab3adfd\``);
        await queryRunner.query(`ALTER TABLE \`rectification_request\` DROP FOREIGN KEY \`FK_a0421784c0997f7b49bc0a39ee7\``);
        await queryRunner.query(`ALTER TABLE \`warning_explanation\` DROP FOREIGN KEY \`FK_d835ac996a3aa669bdb4995fb56\``);
        await queryRunner.query(`ALTER TABLE \`signature\` DROP FOREIGN KEY \`FK_674632ba6c547cbf1a9a837c217\``);
        await queryRunner.query(`ALTER TABLE \`published_cell\` DROP FOREIGN KEY \`FK_73a39ff0908a74a5fe415aff6f8\``);
        await queryRunner.query(`ALTER TABLE \`report_revision\` DROP FOREIGN KEY \`FK_f3e90287d92a03211e8c6c69ac5\``);
        await queryRunner.query(`DROP INDEX \`IDX_accountability_case_agency\` ON \`accountability_case\``);
        await queryRunner.query(`DROP INDEX \`IDX_accountability_case_year_status\` ON \`accountability_case\``);
        await queryRunner.query(`DROP TABLE \`accountability_case\``);
        await queryRunner.query(`DROP INDEX \`IDX_contribution_report\` ON \`contribution\``);
        await queryRunner.query(`DROP INDEX \`IDX_contribution_assignee\` ON \`contribution\``);
        await queryRunner.query(`DROP TABLE \`contribution\``);
        await queryRunner.query(`DROP INDEX \`UQ_finding_report_key\` ON \`finding\``);
        await queryRunner.query(`DROP INDEX \`IDX_finding_report_status\` ON \`finding\``);
        await queryRunner.query(`DROP TABLE \`finding\``);
        await queryRunner.query(`DROP INDEX \`UQ_confidentiality_review_hash\` ON \`confidentiality_review\``);
        await queryRunner.query(`DROP INDEX \`IDX_confidentiality_review_report\` ON \`confidentiality_review\``);
        await queryRunner.query(`DROP TABLE \`confidentiality_review\``);
        await queryRunner.query(`DROP INDEX \`IDX_rectification_report\` ON \`rectification_request\``);
        await queryRunner.query(`DROP TABLE \`rectification_request\``);
        await queryRunner.query(`DROP TABLE \`warning_explanation\``);
        await queryRunner.query(`DROP INDEX \`IDX_signature_report\` ON \`signature\``);
        await queryRunner.query(`DROP TABLE \`signature\``);
        await queryRunner.query(`DROP INDEX \`IDX_published_cell_year_key\` ON \`published_cell\``);
        await queryRunner.query(`DROP TABLE \`published_cell\``);
        await queryRunner.query(`DROP INDEX \`UQ_report_revision_no\` ON \`report_revision\``);
        await queryRunner.query(`DROP INDEX \`IDX_report_revision_year_current\` ON \`report_revision\``);
        await queryRunner.query(`DROP INDEX \`IDX_report_revision_agency\` ON \`report_revision\``);
        await queryRunner.query(`DROP TABLE \`report_revision\``);
    }
}
