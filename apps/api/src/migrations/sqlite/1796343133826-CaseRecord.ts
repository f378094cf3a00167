import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 责任追究 cases record the responsible person, the 整改期限 and the agency's 整改情况 */
export class CaseRecord1796343133826 implements MigrationInterface {
    name = 'CaseRecord1796343133826'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "accountability_case" ADD COLUMN "responsiblePerson" varchar(100)`);
        await queryRunner.query(`ALTER TABLE "accountability_case" ADD COLUMN "rectifyBy" varchar(10)`);
        await queryRunner.query(`ALTER TABLE "accountability_case" ADD COLUMN "response" text`);
        await queryRunner.query(`ALTER TABLE "accountability_case" ADD COLUMN "respondedAt" datetime(3)`);
        await queryRunner.query(`ALTER TABLE "accountability_case" ADD COLUMN "respondedByName" varchar(200)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const column of ['respondedByName', 'respondedAt', 'response', 'rectifyBy', 'responsiblePerson']) {
            await queryRunner.query(`ALTER TABLE "accountability_case" DROP COLUMN "${column}"`);
        }
    }
}
