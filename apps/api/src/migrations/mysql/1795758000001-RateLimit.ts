import type { MigrationInterface, QueryRunner } from 'typeorm';

/** the anonymous public API's per-IP fixed-window counters (shared by every API instance) */
export class RateLimit1795758000001 implements MigrationInterface {
    name = 'RateLimit1795758000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`rate_limit_bucket\` (\`key\` varchar(191) NOT NULL, \`windowStart\` int NOT NULL, \`count\` int NOT NULL, PRIMARY KEY (\`key\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`rate_limit_bucket\``);
    }
}
