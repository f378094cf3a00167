import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit list's filters: by action (and action group), agency and person, newest
 * first. Each filter column leads an index ending in id, so a page comes in id order without a sort.
 * The new indexes are made before the old ones go, so the filters never lose their index.
 */
export class AuditFilters1795758412001 implements MigrationInterface {
    name = 'AuditFilters1795758412001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX \`IDX_audit_entry_agency_id\` ON \`audit_entry\` (\`agencyId\`, \`id\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_audit_entry_actor_id\` ON \`audit_entry\` (\`actorId\`, \`id\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_audit_entry_action_id\` ON \`audit_entry\` (\`action\`, \`id\`)`);
        await queryRunner.query(`DROP INDEX \`IDX_audit_entry_agency\` ON \`audit_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_audit_entry_actor\` ON \`audit_entry\``);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX \`IDX_audit_entry_actor\` ON \`audit_entry\` (\`actorId\`)`);
        await queryRunner.query(`CREATE INDEX \`IDX_audit_entry_agency\` ON \`audit_entry\` (\`agencyId\`)`);
        await queryRunner.query(`DROP INDEX \`IDX_audit_entry_action_id\` ON \`audit_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_audit_entry_actor_id\` ON \`audit_entry\``);
        await queryRunner.query(`DROP INDEX \`IDX_audit_entry_agency_id\` ON \`audit_entry\``);
    }
}
