import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The initial schema on MySQL/MariaDB (utf8mb4). Generated with `typeorm migration:generate` against an
 * empty database, reviewed; inserts the single audit chain head row. MySQL DDL is not transactional.
 */

export class Initial1795756413018 implements MigrationInterface {
    name = 'Initial1795756413018'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`agency\` (\`id\` varchar(36) NOT NULL, \`code\` varchar(64) NOT NULL, \`name\` varchar(200) NOT NULL, \`kind\` varchar(32) NOT NULL, \`parentId\` varchar(36) NULL, \`region\` varchar(100) NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`UQ_agency_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`audit_entry\` (\`id\` bigint NOT NULL, \`at\` datetime(3) NOT NULL, \`actorId\` varchar(36) NULL, \`actorName\` varchar(200) NULL, \`agencyId\` varchar(36) NULL, \`reportId\` varchar(36) NULL, \`action\` varchar(64) NOT NULL, \`targetType\` varchar(32) NULL, \`targetId\` varchar(64) NULL, \`detail\` json NULL, \`requestId\` varchar(64) NULL, \`prevHash\` varchar(64) NOT NULL, \`hash\` varchar(64) NOT NULL, INDEX \`IDX_audit_entry_at\` (\`at\`), INDEX \`IDX_audit_entry_actor\` (\`actorId\`), INDEX \`IDX_audit_entry_agency\` (\`agencyId\`), INDEX \`IDX_audit_entry_report\` (\`reportId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`audit_head\` (\`id\` int NOT NULL, \`lastId\` bigint NOT NULL DEFAULT '0', \`lastHash\` varchar(64) NOT NULL DEFAULT '', PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`reporting_cycle\` (\`id\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`format\` varchar(8) NOT NULL, \`deadline\` varchar(10) NOT NULL, \`requiresPreReview\` tinyint NOT NULL DEFAULT 0, \`open\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`UQ_reporting_cycle_year\` (\`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`report\` (\`id\` varchar(36) NOT NULL, \`agencyId\` varchar(36) NOT NULL, \`agencyName\` varchar(200) NOT NULL, \`year\` int NOT NULL, \`format\` varchar(8) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'DRAFT', \`revision\` int NOT NULL DEFAULT '1', \`contentHash\` varchar(64) NOT NULL, \`overview\` text NOT NULL, \`problems\` text NOT NULL, \`other\` text NOT NULL, \`errorCount\` int NOT NULL DEFAULT '0', \`warningCount\` int NOT NULL DEFAULT '0', \`validation\` json NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`IDX_report_year_status\` (\`year\`, \`status\`), UNIQUE INDEX \`UQ_report_agency_year\` (\`agencyId\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`report_cell\` (\`reportId\` varchar(36) NOT NULL, \`key\` varchar(64) NOT NULL, \`value\` decimal(18,4) NULL, INDEX \`IDX_report_cell_key\` (\`key\`), PRIMARY KEY (\`reportId\`, \`key\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`user\` (\`id\` varchar(36) NOT NULL, \`username\` varchar(64) NOT NULL, \`displayName\` varchar(100) NOT NULL, \`passwordHash\` varchar(255) NOT NULL, \`agencyId\` varchar(36) NOT NULL, \`roles\` text NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`tokenVersion\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`UQ_user_username\` (\`username\`), INDEX \`IDX_user_agencyId\` (\`agencyId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`agency\` ADD CONSTRAINT \`FK_c94c8b0e5b04209ae1f2778f814\` FOREIGN KEY (\`parentId\`) REFERENCES \`agency\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`report\` ADD CONSTRAINT \`FK_1ae89cb7cb27a7269c0f2c13394\` FOREIGN KEY (\`agencyId\`) REFERENCES \`agency\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`report_cell\` ADD CONSTRAINT \`FK_e8a3943a5e4525bd71f5fdc4672\` FOREIGN KEY (\`reportId\`) REFERENCES \`report\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`user\` ADD CONSTRAINT \`FK_ffe98999bc6a1edce7af102f74c\` FOREIGN KEY (\`agencyId\`) REFERENCES \`agency\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`INSERT INTO \`audit_head\` (\`id\`, \`lastId\`, \`lastHash\`) VALUES (1, 0, '')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`user\` DROP FOREIGN KEY \`FK_ffe98999bc6a1edce7af102f74c\``);
        await queryRunner.query(`ALTER TABLE \`report_cell\` DROP FOREIGN KEY \`FK_e8a3943a5e4525bd71f5fdc4672\``);
        await queryRunner.query(`ALTER TABLE \`report\` DROP FOREIGN KEY \`FK_1ae89cb7cb27a7269c0f2c13394\``);
        await queryRunner.query(`ALTER TABLE \`agency\` DROP FOREIGN KEY \`FK_c94c8b0e5b04209ae1f2778f814\``);
        await queryRunner.query(`DROP INDEX \`IDX_user_agencyId\` ON \`user\``);
        await queryRunner.query(`DROP INDEX \`UQ_user_username\` ON \`user\``);
        await queryRunner.query(`DROP TABLE \`user\``);
        await queryRunner.query(`DROP INDEX \`IDX_report_cell_key\` ON \`report_cell\``);
        await queryRunner.query(`DROP TABLE \`report_cell\``);
        await queryRunner.query(`DROP INDEX \`UQ_report_agency_year\` ON \`report\``);
        await queryRunner.query(`DROP INDEX \`IDX_report_year_status\` ON \`report\``);
        await queryRunner.query(`DROP TABLE \`report\``);
        await queryRunner.query(`DROP INDEX \`UQ_reporting_cycle_year\` ON \`reporting_cycle\``);
        await queryRunner.query(`DROP TABLE \`reporting_cycle\``);
        await queryRunner.query(`DROP TABLE \`audit_head\``);
        await queryRunner.query(`DROP INDEX \`IDX_audit_entry_report\` ON \`audit_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_audit_entry_agency\` ON \`audit_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_audit_entry_actor\` ON \`audit_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_audit_entry_at\` ON \`audit_entry\``);
        await queryRunner.query(`DROP TABLE \`audit_entry\``);
        await queryRunner.query(`DROP INDEX \`UQ_agency_code\` ON \`agency\``);
        await queryRunner.query(`DROP TABLE \`agency\``);
    }

}
