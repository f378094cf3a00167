import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signature records the open scanner findings its signer acknowledged; a finding records the
 * 保密审查员's 请修改 (comment, who, when) sent to the preparer.
 */
export class FindingAcknowledgement1796351366659 implements MigrationInterface {
    name = 'FindingAcknowledgement1796351366659'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "signature" ADD COLUMN "acknowledgedFindings" text`);
        await queryRunner.query(`ALTER TABLE "finding" ADD COLUMN "changeRequestComment" text`);
        await queryRunner.query(`ALTER TABLE "finding" ADD COLUMN "changeRequestedBy" varchar(36)`);
        await queryRunner.query(`ALTER TABLE "finding" ADD COLUMN "changeRequestedByName" varchar(200)`);
        await queryRunner.query(`ALTER TABLE "finding" ADD COLUMN "changeRequestedAt" datetime(3)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const column of ['changeRequestedAt', 'changeRequestedByName', 'changeRequestedBy', 'changeRequestComment']) {
            await queryRunner.query(`ALTER TABLE "finding" DROP COLUMN "${column}"`);
        }
        await queryRunner.query(`ALTER TABLE "signature" DROP COLUMN "acknowledgedFindings"`);
    }
}
