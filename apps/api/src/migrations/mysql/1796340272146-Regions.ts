import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regions as a tree (行政区划 with materialised id paths), every agency's region, and the totals
 * maintained per region at publication (one row per region, year, format, agency kind and cell key).
 */
export class Regions1796340272146 implements MigrationInterface {
    name = 'Regions1796340272146'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`region\` (\`id\` varchar(36) NOT NULL, \`code\` varchar(12) NOT NULL, \`name\` varchar(50) NOT NULL, \`level\` varchar(16) NOT NULL, \`parentId\` varchar(36) NULL, \`path\` varchar(255) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`UQ_region_code\` (\`code\`), INDEX \`IDX_region_path\` (\`path\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`region_total\` (\`regionId\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`format\` varchar(8) NOT NULL, \`kind\` varchar(32) NOT NULL, \`key\` varchar(64) NOT NULL, \`total\` decimal(18,4) NOT NULL DEFAULT '0.0000', \`filled\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`regionId\`, \`year\`, \`format\`, \`kind\`, \`key\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`agency\` ADD \`regionId\` varchar(36) NULL`);
        await queryRunner.query(`CREATE INDEX \`IDX_agency_region\` ON \`agency\` (\`regionId\`)`);
        await queryRunner.query(`ALTER TABLE \`region\` ADD CONSTRAINT \`FK_ed0c8098ce6809925a437f42aec\` FOREIGN KEY (\`parentId\`) REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE \`agency\` ADD CONSTRAINT \`FK_523fd3b9978ab6c75dbaba994c7\` FOREIGN KEY (\`regionId\`) REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`agency\` DROP FOREIGN KEY \`FK_523fd3b9978ab6c75dbaba994c7\``);
        await queryRunner.query(`ALTER TABLE \`region\` DROP FOREIGN KEY \`FK_ed0c8098ce6809925a437f42aec\``);
        await queryRunner.query(`DROP INDEX \`IDX_agency_region\` ON \`agency\``);
        await queryRunner.query(`ALTER TABLE \`agency\` DROP COLUMN \`regionId\``);
        await queryRunner.query(`DROP TABLE \`region_total\``);
        await queryRunner.query(`DROP TABLE \`region\``);
    }
}
