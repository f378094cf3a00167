import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * region_total as a WITHOUT ROWID table: its rows are stored in the order of their primary key, so the
 * upsert a publication makes (its changed keys at every region it counts in) writes one B-tree
 * instead of the table and its primary-key index — the most part of what keeping the totals cost a
 * publication on SQLite (docs/performance.md). MySQL's InnoDB stores every table by its primary key
 * already: it has no counterpart to this migration.
 */
export class RegionTotalClustered1796351870146 implements MigrationInterface {
    name = 'RegionTotalClustered1796351870146'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await this.recreate(queryRunner, ' WITHOUT ROWID');
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await this.recreate(queryRunner, '');
    }

    private async recreate(queryRunner: QueryRunner, options: string): Promise<void> {
        await queryRunner.query(`CREATE TABLE "temporary_region_total" ("regionId" varchar(36) NOT NULL, "year" integer NOT NULL, "format" varchar(8) NOT NULL, "kind" varchar(32) NOT NULL, "key" varchar(64) NOT NULL, "total" decimal(18,4) NOT NULL DEFAULT (0), "filled" integer NOT NULL DEFAULT (0), PRIMARY KEY ("regionId", "year", "format", "kind", "key"))${options}`);
        await queryRunner.query(`INSERT INTO "temporary_region_total"("regionId", "year", "format", "kind", "key", "total", "filled") SELECT "regionId", "year", "format", "kind", "key", "total", "filled" FROM "region_total"`);
        await queryRunner.query(`DROP TABLE "region_total"`);
        await queryRunner.query(`ALTER TABLE "temporary_region_total" RENAME TO "region_total"`);
    }
}
