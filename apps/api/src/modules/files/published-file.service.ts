import { IMPORTER_VERSION, type ImportResult } from '@touming/domain/import';
import { fileNameProblem, PUBLISHED_FILE_LIMITS, publishedFileKind, sourceUrlProblem, type PublishedFileKind } from '@touming/domain/files';
import { can } from '@touming/domain/permissions';
import { checkYear } from '../cycles/cycle.service';
import { authorize, requireUser } from '../../common/authorize';
import { actorOf, type RequestContext } from '../../common/context';
import { badInput, conflict, notFound } from '../../common/errors';
import { Injectable } from '../../common/injectable';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/dialect';
import { withTransaction } from '../../db/transaction';
import { pageOf, type ListOptions } from '../../common/list';
import { appendAudit } from '../audit/audit.service';
import { findAgency } from '../agencies/agency.repository';
import { ReportService } from '../reports/report.service';
import type { ImportResult as ImportResultType } from '../reports/report.types';
import { FileStore, sha256Of } from './file-store';
import { parsePublishedFile, type ParseOutcome } from './parse-file';
import { PublishedFile, PublishedFileParse } from './published-file.entity';

export interface UploadInput {
  fileName: string;
  bytes: Buffer;
  agencyId: string;
  year?: number | null;
  sourceUrl?: string | null;
}

export interface PublishedFileFilter {
  agencyId?: string | null;
  year?: number | null;
}

/**
 * The library of published files: upload (kept once per content hash, parsed once per importer
 * version), list, read, download and import into a report. Whoever may import an agency's report may
 * upload its files; whoever may read its reports may read them.
 */
@Injectable()
export class PublishedFileService {
  constructor(
    private readonly reports: ReportService,
    readonly store: FileStore,
  ) {}

  async upload(ctx: RequestContext, input: UploadInput): Promise<{ file: PublishedFile; duplicate: boolean }> {
    await authorize(ctx, 'report.import', { agencyId: input.agencyId, targetType: 'PublishedFile' });
    const user = requireUser(ctx);
    const nameProblem = fileNameProblem(input.fileName);
    if (nameProblem) throw badInput(nameProblem, { field: 'fileName' });
    const urlProblem = sourceUrlProblem(input.sourceUrl);
    if (urlProblem) throw badInput(urlProblem, { field: 'sourceUrl' });
    if (input.year !== null && input.year !== undefined) checkYear(input.year);
    if (input.bytes.length === 0) throw badInput('文件是空的');
    if (input.bytes.length > PUBLISHED_FILE_LIMITS.maxBytes) throw badInput(`文件过大（最大 ${PUBLISHED_FILE_LIMITS.maxBytes / 1024 / 1024} MB）`);
    const detected = publishedFileKind(input.fileName, input.bytes.subarray(0, 8192));
    if ('refused' in detected) throw badInput(detected.refused, { field: 'file' });
    if (!(await findAgency(ctx.manager, input.agencyId))) throw notFound('单位不存在');

    const sha256 = sha256Of(input.bytes);
    const existing = await ctx.manager.findOneBy(PublishedFile, { sha256 });
    if (existing) return { file: this.visibleDuplicate(ctx, existing), duplicate: true };

    const outcome = await this.parsed(ctx, sha256, detected.kind, input.bytes);
    const file = Object.assign(new PublishedFile(), {
      id: newId(),
      sha256,
      byteSize: input.bytes.length,
      kind: detected.kind,
      fileName: input.fileName,
      agencyId: input.agencyId,
      year: input.year ?? outcome.result?.detectedYear ?? null,
      sourceUrl: input.sourceUrl || null,
      uploadedById: user.id,
      uploadedAt: new Date(),
      storage: this.store.kind,
      importStatus: outcome.status,
      importMessage: outcome.message ?? null,
      parserVersion: IMPORTER_VERSION,
      reportId: null,
    });
    try {
      await withTransaction(ctx, async (tx) => {
        await this.store.put(tx.manager, sha256, input.bytes);
        await tx.manager.insert(PublishedFile, file);
        await appendAudit(tx, {
          action: 'file.upload',
          targetType: 'PublishedFile',
          targetId: file.id,
          agencyId: file.agencyId,
          detail: { fileName: file.fileName, fileKind: file.kind, sha256, byteSize: file.byteSize, sourceUrl: file.sourceUrl, importStatus: file.importStatus, year: file.year },
        });
      });
    } catch (error) {
      // the same file uploaded at the same moment by someone else: it is that asset
      if (!isUniqueViolation(error)) throw error;
      const winner = await ctx.manager.findOneBy(PublishedFile, { sha256 });
      if (!winner) throw error;
      return { file: this.visibleDuplicate(ctx, winner), duplicate: true };
    }
    return { file, duplicate: false };
  }

  /** an existing asset for its own people; someone else learns only that the library has it */
  private visibleDuplicate(ctx: RequestContext, file: PublishedFile): PublishedFile {
    if (!can(actorOf(ctx), 'report.read', file.agencyId)) throw conflict('文件库中已有内容完全相同的文件（由其他单位上传）');
    return file;
  }

  /** the importer's reading of these bytes, from the cache when this importer version read them before */
  private async parsed(ctx: RequestContext, sha256: string, kind: PublishedFileKind, bytes: Buffer): Promise<ParseOutcome> {
    const cached = await ctx.manager.findOneBy(PublishedFileParse, { sha256, parserVersion: IMPORTER_VERSION });
    if (cached) return JSON.parse(cached.outcome) as ParseOutcome;
    const outcome = await parsePublishedFile(kind, bytes);
    try {
      await ctx.manager.insert(PublishedFileParse, { sha256, parserVersion: IMPORTER_VERSION, outcome: JSON.stringify(outcome), parsedAt: new Date() });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return outcome;
  }

  async get(ctx: RequestContext, id: string): Promise<PublishedFile | null> {
    requireUser(ctx);
    const file = await ctx.manager.findOneBy(PublishedFile, { id });
    if (!file) return null;
    await authorize(ctx, 'report.read', { agencyId: file.agencyId, targetType: 'PublishedFile', targetId: id });
    return file;
  }

  /** the parse result of a file (cached per importer version), for the console's preview */
  async parseResult(ctx: RequestContext, file: PublishedFile): Promise<ImportResult | null> {
    const bytes = await this.store.get(ctx.manager, file.sha256, file.storage);
    if (!bytes) return null;
    return (await this.parsed(ctx, file.sha256, file.kind as PublishedFileKind, bytes)).result ?? null;
  }

  async bytes(ctx: RequestContext, id: string): Promise<{ file: PublishedFile; bytes: Buffer }> {
    const file = await this.get(ctx, id);
    if (!file) throw notFound('文件库中没有这个文件');
    const bytes = await this.store.get(ctx.manager, file.sha256, file.storage);
    if (!bytes) throw notFound('文件内容不在存储中（FILES_DIR 是否已挂载？）');
    return { file, bytes };
  }

  async list(ctx: RequestContext, filter: PublishedFileFilter | null | undefined, options: ListOptions | null | undefined) {
    const user = requireUser(ctx);
    const page = pageOf(options, ['uploadedAt', 'fileName', 'year'], 'uploadedAt');
    const qb = ctx.manager.createQueryBuilder(PublishedFile, 'f');
    // one agency's people see their agency's files; the county office everyone's
    const agencyId = filter?.agencyId ?? (can(actorOf(ctx), 'county.summary') ? null : user.agencyId);
    if (agencyId) {
      await authorize(ctx, 'report.read', { agencyId, targetType: 'PublishedFile' });
      qb.andWhere('f.agencyId = :agencyId', { agencyId });
    }
    if (filter?.year) qb.andWhere('f.year = :year', { year: filter.year });
    const [items, totalItems] = await qb
      .orderBy(`f.${page.sort}`, page.order)
      .addOrderBy('f.id', 'ASC')
      .skip(page.skip)
      .take(page.take)
      .getManyAndCount();
    return { items, totalItems };
  }

  /** the file's reading into its agency's report of the year (a draft is replaced), linked to the file */
  async importIntoReport(ctx: RequestContext, id: string, year?: number | null): Promise<ImportResultType> {
    const { file, bytes } = await this.bytes(ctx, id);
    const outcome = await this.parsed(ctx, file.sha256, file.kind as PublishedFileKind, bytes);
    if (!outcome.result) throw badInput(outcome.message ?? '无法识别此文件的内容');
    return this.reports.importParsed(
      ctx,
      file.agencyId,
      year ?? file.year ?? null,
      outcome.result,
      { source: 'file', fileId: file.id, fileName: file.fileName, sha256: file.sha256 },
      async (tx, report) => {
        await tx.manager.update(PublishedFile, { id: file.id }, { reportId: report.id, ...(file.year === null ? { year: report.year } : {}) });
      },
    );
  }
}
