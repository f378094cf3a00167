import type { MigrationInterface, QueryRunner } from 'typeorm';

/** the anonymous public API's per-IP fixed-window counters (shared by every API instance) */
export class RateLimit1795758000000 implements MigrationInterface {
    name = 'RateLimit1795758000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "rate_limit_bucket" ("key" varchar(191) PRIMARY KEY NOT NULL, "windowStart" integer NOT NULL, "count" integer NOT NULL)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "rate_limit_bucket"`);
    }
}
