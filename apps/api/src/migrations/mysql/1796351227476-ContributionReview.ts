import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contribution's state (已分配/已交付/已接受/已退回) and the preparer's review of it: who accepted or
 * sent it back, when, and the comment of a send-back. Delivered rows are 已交付.
 */
export class ContributionReview1796351227476 implements MigrationInterface {
    name = 'ContributionReview1796351227476'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`contribution\` ADD \`status\` varchar(16) NOT NULL DEFAULT 'ASSIGNED', ADD \`reviewComment\` text NULL, ADD \`reviewedById\` varchar(36) NULL, ADD \`reviewedAt\` datetime(3) NULL`);
        await queryRunner.query(`UPDATE \`contribution\` SET \`status\` = 'DELIVERED' WHERE \`deliveredAt\` IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`contribution\` DROP COLUMN \`reviewedAt\`, DROP COLUMN \`reviewedById\`, DROP COLUMN \`reviewComment\`, DROP COLUMN \`status\``);
    }
}
