import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Separation of powers on accounts: a password an administrator set must be changed at the next
 * login (mustChangePassword), and the last time an administrator created the account with a signing
 * role or gave it one (adminGrantAt, adminGrantKind) — signatures soon after are called out. Existing
 * accounts (the demo's among them) are neither forced nor flagged. And the content each signature
 * saw (signedContent), so a signer can compare with what they signed before; older signatures have none.
 */
export class SigningSafeguards1796351067361 implements MigrationInterface {
    name = 'SigningSafeguards1796351067361'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`user\` ADD \`mustChangePassword\` tinyint NOT NULL DEFAULT 0, ADD \`adminGrantAt\` datetime(3) NULL, ADD \`adminGrantKind\` varchar(16) NULL`);
        await queryRunner.query(`ALTER TABLE \`signature\` ADD \`signedContent\` text NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`signature\` DROP COLUMN \`signedContent\``);
        await queryRunner.query(`ALTER TABLE \`user\` DROP COLUMN \`adminGrantKind\`, DROP COLUMN \`adminGrantAt\`, DROP COLUMN \`mustChangePassword\``);
    }
}
