import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';

/**
 * A published report file kept in the library: the file as the agency published it (PDF, DOCX, a web
 * page, text), recognised by its SHA-256 (the same file uploaded again is the same asset), with where it
 * came from, who uploaded it, whether it imported cleanly and the report it produced. The bytes live in
 * published_file_content (the database) or under FILES_DIR, addressed by the hash.
 */
@ObjectType({ description: '公开文件库中的文件' })
@Entity('published_file')
@Index('IDX_published_file_sha256', ['sha256'], { unique: true })
@Index('IDX_published_file_agency_year', ['agencyId', 'year'])
export class PublishedFile {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field({ description: '文件内容的 SHA-256（十六进制）' })
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  byteSize: number;

  @Field({ description: 'pdf | docx | html | text' })
  @Column({ type: 'varchar', length: 8 })
  kind: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  agencyId: string;

  @Field(() => Int, { nullable: true, description: '报告年度（上传时填写或从文件中识别）' })
  @Column({ type: 'integer', nullable: true })
  year: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  sourceUrl: string | null;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  uploadedById: string;

  @Field()
  @DateTimeColumn()
  uploadedAt: Date;

  @Field({ description: '文件存放处：db 数据库 | dir FILES_DIR 目录' })
  @Column({ type: 'varchar', length: 8 })
  storage: string;

  @Field({ description: 'clean | notes | unplaced | failed | unsupported' })
  @Column({ type: 'varchar', length: 16 })
  importStatus: string;

  @Field(() => String, { nullable: true, description: '无法识别时的原因' })
  @Column({ type: 'text', nullable: true })
  importMessage: string | null;

  @Field({ description: '识别时的导入程序版本' })
  @Column({ type: 'varchar', length: 32 })
  parserVersion: string;

  @Field(() => ID, { nullable: true, description: '由此文件导入的报告' })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  reportId: string | null;
}

/** the bytes of a file kept in the database, by hash (LONGBLOB on MySQL/MariaDB, see the migration) */
@Entity('published_file_content')
export class PublishedFileContent {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'blob' })
  content: Buffer;
}

/** a file's parse result per importer version: the same bytes are never parsed twice by one version */
@Entity('published_file_parse')
export class PublishedFileParse {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  parserVersion: string;

  /** JSON: { result: ImportResult } or { status, message } */
  @Column({ type: 'text' })
  outcome: string;

  @DateTimeColumn()
  parsedAt: Date;
}
