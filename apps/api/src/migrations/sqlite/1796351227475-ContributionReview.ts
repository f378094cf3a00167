import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contribution's state (已分配/已交付/已接受/已退回) and the preparer's review of it: who accepted or
 * sent it back, when, and the comment of a send-back. Delivered rows are 已交付.
 */
export class ContributionReview1796351227475 implements MigrationInterface {
    name = 'ContributionReview1796351227475'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "contribution" ADD COLUMN "status" varchar(16) NOT NULL DEFAULT ('ASSIGNED')`);
        await queryRunner.query(`ALTER TABLE "contribution" ADD COLUMN "reviewComment" text`);
        await queryRunner.query(`ALTER TABLE "contribution" ADD COLUMN "reviewedById" varchar(36)`);
        await queryRunner.query(`ALTER TABLE "contribution" ADD COLUMN "reviewedAt" datetime(3)`);
        await queryRunner.query(`UPDATE "contribution" SET "status" = 'DELIVERED' WHERE "deliveredAt" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const column of ['reviewedAt', 'reviewedById', 'reviewComment', 'status']) {
            await queryRunner.query(`ALTER TABLE "contribution" DROP COLUMN "${column}"`);
        }
    }
}
