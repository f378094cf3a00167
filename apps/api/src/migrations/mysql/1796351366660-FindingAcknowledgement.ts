import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signature records the open scanner findings its signer acknowledged; a finding records the
 * 保密审查员's 请修改 (comment, who, when) sent to the preparer.
 */
export class FindingAcknowledgement1796351366660 implements MigrationInterface {
    name = 'FindingAcknowledgement1796351366660'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`signature\` ADD \`acknowledgedFindings\` text NULL`);
        await queryRunner.query(`ALTER TABLE \`finding\` ADD \`changeRequestComment\` text NULL, ADD \`changeRequestedBy\` varchar(36) NULL, ADD \`changeRequestedByName\` varchar(200) NULL, ADD \`changeRequestedAt\` datetime(3) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`finding\` DROP COLUMN \`changeRequestedAt\`, DROP COLUMN \`changeRequestedByName\`, DROP COLUMN \`changeRequestedBy\`, DROP COLUMN \`changeRequestComment\``);
        await queryRunner.query(`ALTER TABLE \`signature\` DROP COLUMN \`acknowledgedFindings\``);
    }
}
