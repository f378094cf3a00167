import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 责任追究 cases record the responsible person, the 整改期限 and the agency's 整改情况 */
export class CaseRecord1796343133827 implements MigrationInterface {
    name = 'CaseRecord1796343133827'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`accountability_case\` ADD \`responsiblePerson\` varchar(100) NULL, ADD \`rectifyBy\` varchar(10) NULL, ADD \`response\` text NULL, ADD \`respondedAt\` datetime(3) NULL, ADD \`respondedByName\` varchar(200) NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`accountability_case\` DROP COLUMN \`respondedByName\`, DROP COLUMN \`respondedAt\`, DROP COLUMN \`response\`, DROP COLUMN \`rectifyBy\`, DROP COLUMN \`responsiblePerson\``);
    }
}
