import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 消息 (one row per user and event, with the e-mail copy's status) and users' e-mail addresses */
export class Notifications1796342787882 implements MigrationInterface {
    name = 'Notifications1796342787882'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`notification\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`kind\` varchar(32) NOT NULL, \`title\` varchar(200) NOT NULL, \`body\` text NOT NULL, \`link\` varchar(300) NULL, \`agencyId\` varchar(36) NULL, \`reportId\` varchar(36) NULL, \`actorName\` varchar(200) NULL, \`createdAt\` datetime(3) NOT NULL, \`readAt\` datetime(3) NULL, \`emailStatus\` varchar(16) NULL, \`emailAttempts\` int NOT NULL DEFAULT 0, \`emailError\` text NULL, \`emailSentAt\` datetime(3) NULL, INDEX \`IDX_notification_user_created\` (\`userId\`, \`createdAt\`), INDEX \`IDX_notification_user_read\` (\`userId\`, \`readAt\`), INDEX \`IDX_notification_email\` (\`emailStatus\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`user\` ADD \`email\` varchar(254) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`user\` DROP COLUMN \`email\``);
        await queryRunner.query(`DROP TABLE \`notification\``);
    }
}
