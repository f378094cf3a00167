import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The algorithm (sha256 or sm3) recorded beside every hash: a report's content hash, a published
 * revision's, each audit entry's, and the chain head's (so an append knows when the configured
 * algorithm changed and marks the switch). Existing rows were made with sha256.
 */
export class HashAlgorithm1796342213673 implements MigrationInterface {
    name = 'HashAlgorithm1796342213673'

    public async up(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['report', 'report_revision', 'audit_entry', 'audit_head']) {
            await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "hashAlgorithm" varchar(16) NOT NULL DEFAULT ('sha256')`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['report', 'report_revision', 'audit_entry', 'audit_head']) {
            await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "hashAlgorithm"`);
        }
    }
}
