import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The library of published files (see the SQLite migration). The bytes are LONGBLOB and the parse
 * results MEDIUMTEXT here: BLOB and TEXT stop at 64 KB on MySQL/MariaDB, too small for a PDF or for a
 * long report's parsed content.
 */
export class PublishedFiles1796341648031 implements MigrationInterface {
    name = 'PublishedFiles1796341648031'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`published_file\` (\`id\` varchar(36) NOT NULL, \`sha256\` varchar(64) NOT NULL, \`byteSize\` int NOT NULL, \`kind\` varchar(8) NOT NULL, \`fileName\` varchar(200) NOT NULL, \`agencyId\` varchar(36) NOT NULL, \`year\` int NULL, \`sourceUrl\` varchar(2000) NULL, \`uploadedById\` varchar(36) NOT NULL, \`uploadedAt\` datetime(3) NOT NULL, \`storage\` varchar(8) NOT NULL, \`importStatus\` varchar(16) NOT NULL, \`importMessage\` text NULL, \`parserVersion\` varchar(32) NOT NULL, \`reportId\` varchar(36) NULL, INDEX \`IDX_published_file_agency_year\` (\`agencyId\`, \`year\`), UNIQUE INDEX \`IDX_published_file_sha256\` (\`sha256\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`published_file_content\` (\`sha256\` varchar(64) NOT NULL, \`content\` longblob NOT NULL, PRIMARY KEY (\`sha256\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`published_file_parse\` (\`sha256\` varchar(64) NOT NULL, \`parserVersion\` varchar(32) NOT NULL, \`outcome\` mediumtext NOT NULL, \`parsedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`sha256\`, \`parserVersion\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`published_file_parse\``);
        await queryRunner.query(`DROP TABLE \`published_file_content\``);
        await queryRunner.query(`DROP TABLE \`published_file\``);
    }
}
