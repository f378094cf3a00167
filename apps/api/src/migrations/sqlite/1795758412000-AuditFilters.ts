import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit list's filters: by action (and action group), agency and person, newest
 * first. Each filter column leads an index ending in id, so a page comes in id order without a sort
 * (the table's id is not SQLite's rowid).
 */
export class AuditFilters1795758412000 implements MigrationInterface {
    name = 'AuditFilters1795758412000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_audit_entry_agency"`);
        await queryRunner.query(`DROP INDEX "IDX_audit_entry_actor"`);
        await queryRunner.query(`CREATE INDEX "IDX_audit_entry_agency_id" ON "audit_entry" ("agencyId", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_audit_entry_actor_id" ON "audit_entry" ("actorId", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_audit_entry_action_id" ON "audit_entry" ("action", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_audit_entry_action_id"`);
        await queryRunner.query(`DROP INDEX "IDX_audit_entry_actor_id"`);
        await queryRunner.query(`DROP INDEX "IDX_audit_entry_agency_id"`);
        await queryRunner.query(`CREATE INDEX "IDX_audit_entry_actor" ON "audit_entry" ("actorId") `);
        await queryRunner.query(`CREATE INDEX "IDX_audit_entry_agency" ON "audit_entry" ("agencyId") `);
    }
}
