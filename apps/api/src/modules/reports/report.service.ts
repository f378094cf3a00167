import { checkContributionEdit } from '@touming/domain/contributions';
import { isFormatId, type FormatId } from '@touming/domain/formats';
import { importReport as importReportContent, ReportImportError, type ImportResult as DomainImportResult } from '@touming/domain/import';
import { emptyReport, type ReportContent } from '@touming/domain/report';
import { carryOver, computedTotals, validateReport, type ValidationResult } from '@touming/domain/validation';
import { checkDelete, checkImportOver, isContentEditable } from '@touming/domain/workflow';
import { authorize, requireUser } from '../../common/authorize';
import { listScope } from '../../common/scope';
import type { RequestContext } from '../../common/context';
import { badInput, conflict, notFound } from '../../common/errors';
import { pageOf, type ListOptions } from '../../common/list';
import { isUniqueViolation } from '../../db/dialect';
import { withTransaction } from '../../db/transaction';
import { findAgency } from '../agencies/agency.repository';
import { appendAudit } from '../audit/audit.service';
import { findCycleOfYear } from '../cycles/cycle.repository';
import { checkYear } from '../cycles/cycle.service';
import { buildTables } from '../formats/tables';
import type { ReportTable } from '../formats/format.types';
import { checkCellInput, checkNoDuplicates, checkSectionInput } from './cell-input';
import type { ReportCell } from './report-cell.entity';
import type { Report } from './report.entity';
import { hasRevisions } from '../revisions/revision.repository';
import {
  bumpRevision,
  contentOf,
  deleteReportWithCells,
  diffContent,
  findReport,
  findReportOf,
  insertReportWithCells,
  loadContent,
  loadContentWithPrevious,
  loadPreviousContent,
  loadWithPrevious,
  newReportRow,
  pageReports,
  writeContent,
  type CellChange,
  type SectionChange,
} from './report.repository';
import type { ImportResult, ReportFilter, ReportUpdateInput } from './report.types';
import { importReportFile, ReportFileError } from './report-file';

const SORTABLE = ['year', 'agencyName', 'status', 'createdAt', 'updatedAt', 'errorCount', 'warningCount'] as const;

/**
 * Report fields answered without the content columns (REPORT_CONTENT_COLUMNS): a list page selecting
 * only these (the console's report list, the bench's) reads its 50 rows without the text sections and
 * the stored validation — on the list's CPU profile, decoding and parsing those was the largest share
 * after the response's own writing. A whitelist: any other field, including ones other modules add to
 * Report, reads whole rows.
 */
const LISTING_FIELDS = new Set(['__typename', 'id', 'agencyId', 'agencyName', 'year', 'format', 'status', 'revision', 'contentHash', 'hashAlgorithm', 'errorCount', 'warningCount', 'createdAt', 'updatedAt', 'agency']);

/**
 * Called inside the transaction of every content change (update, import over a draft) after the new
 * content is written: the workflow module voids signatures here.
 */
export type ContentChangeHook = (
  tx: RequestContext,
  report: Report,
  change: { before: ReportContent; after: ReportContent; cells: CellChange[]; sections: SectionChange[] },
) => Promise<void>;

/** decides whether a user without report.edit may make this update (or throws FORBIDDEN) */
export type EditGuard = (ctx: RequestContext, report: Report, input: ReportUpdateInput) => Promise<boolean>;

/** contents already made from a report's loaded cell rows (see ReportService.content) */
const contents = new WeakMap<Report, { rows: ReportCell[]; content: ReportContent }>();

export class ReportService {
  private readonly contentChangeHooks: ContentChangeHook[] = [];

  onContentChange(hook: ContentChangeHook): void {
    this.contentChangeHooks.push(hook);
  }

  private editGuard?: EditGuard;

  /** true from the guard allows an update without report.edit (sub-unit contributions); it may also refuse */
  allowEditWhen(guard: EditGuard): void {
    this.editGuard = guard;
  }

  // ---- reads ---------------------------------------------------------------------------------

  /** `itemFields`: the fields the caller selected on the items, when known (a listing then skips the content columns) */
  async list(ctx: RequestContext, filter: ReportFilter | null | undefined, options: ListOptions | null | undefined, itemFields?: ReadonlySet<string>) {
    await authorize(ctx, 'report.read', { agencyId: filter?.agencyId ?? undefined, targetType: 'Report' });
    const page = pageOf(options, SORTABLE, 'year');
    const { items, totalItems } = await pageReports(
      ctx.manager,
      { scope: listScope(ctx), agencyId: filter?.agencyId, year: filter?.year, status: filter?.status, format: filter?.format },
      page,
      itemFields && [...itemFields].every((f) => LISTING_FIELDS.has(f)) ? 'listing' : 'whole',
    );
    // the agencies come with the page and go into the request's agency loader: Report.agency then
    // costs no query
    for (const report of items) {
      if (report.agencyRef) ctx.loaders.agency.prime(report.agencyId, report.agencyRef);
      delete report.agencyRef;
    }
    return { items, totalItems };
  }

  /** a report the user may read, or null when it does not exist; FORBIDDEN for another agency's */
  async get(ctx: RequestContext, id: string): Promise<Report | null> {
    requireUser(ctx);
    // the report and last year's report of its agency in one statement (an index-merge union of the
    // primary key and the agency/year key): Report.validation and previousYear then need no lookup
    const [report, previous, regionPath] = await loadWithPrevious(ctx.manager, id);
    if (!report) return null;
    ctx.loaders.reportByAgencyYear.prime(`${report.agencyId}:${report.year - 1}`, previous);
    // read with the report: a regional office's check below needs no lookup of its own (knowRegionOf)
    if (!Object.prototype.hasOwnProperty.call(ctx.agencyRegions, report.agencyId)) ctx.agencyRegions[report.agencyId] = regionPath;
    await authorize(ctx, 'report.read', { agencyId: report.agencyId, reportId: report.id, targetType: 'Report', targetId: id });
    return report;
  }

  /** the content through the request's loaders (one query for all reports of a response) */
  async content(ctx: RequestContext, report: Report): Promise<ReportContent> {
    const rows = await ctx.loaders.cellsByReport.load(report.id);
    // report(id) asks for the same content from cells, tables and validation (and last year's for
    // the latter): made once per report object and loaded rows (a cleared loader gives new rows)
    const made = contents.get(report);
    if (made?.rows === rows) return made.content;
    const content = contentOf(report, rows);
    contents.set(report, { rows, content });
    return content;
  }

  async previousYear(ctx: RequestContext, report: Report): Promise<Report | null> {
    return ctx.loaders.reportByAgencyYear.load(`${report.agencyId}:${report.year - 1}`);
  }

  async validation(ctx: RequestContext, report: Report): Promise<ValidationResult> {
    const previous = await this.previousYear(ctx, report);
    const [content, previousContent] = await Promise.all([
      this.content(ctx, report),
      previous ? this.content(ctx, previous) : Promise.resolve(null),
    ]);
    return validateReport(content, { previous: previousContent });
  }

  async tables(ctx: RequestContext, report: Report): Promise<ReportTable[]> {
    const content = await this.content(ctx, report);
    return buildTables(report.format as FormatId, content.cells, computedTotals(content));
  }

  // ---- writes --------------------------------------------------------------------------------

  /** a blank report of the cycle's format, carrying over last year's figures where the format says so */
  async create(ctx: RequestContext, agencyId: string, year: number): Promise<Report> {
    await authorize(ctx, 'report.create', { agencyId, targetType: 'Report' });
    checkYear(year);
    return withTransaction(ctx, async (tx) => {
      const agency = await findAgency(tx.manager, agencyId);
      if (!agency) throw notFound('单位不存在');
      const cycle = await findCycleOfYear(tx.manager, year);
      if (!cycle) throw badInput(`${year}年度的报告周期尚未开启`, { field: 'year' });
      if (!isFormatId(cycle.format)) throw badInput(`报告周期的格式无效：${cycle.format}`);
      const content = emptyReport(cycle.format, year, agency.name);
      const previous = await loadPreviousContent(tx.manager, agencyId, year);
      const carried = previous ? carryOver(previous, cycle.format) : {};
      for (const [key, value] of Object.entries(carried)) {
        if (key in content.cells && value !== null && value !== undefined) content.cells[key] = value;
      }
      const report = newReportRow(agencyId, content, previous);
      await this.insertReport(tx, report, content);
      await appendAudit(tx, {
        action: 'report.create',
        targetType: 'Report',
        targetId: report.id,
        agencyId,
        reportId: report.id,
        detail: { year, format: cycle.format, carriedOver: Object.fromEntries(Object.entries(carried).filter(([, v]) => v != null)) },
      });
      return report;
    });
  }

  private async insertReport(tx: RequestContext, report: Report, content: ReportContent): Promise<void> {
    try {
      await insertReportWithCells(tx.manager, report, content);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`该单位${report.year}年度的报告已存在`);
      throw error;
    }
  }

  /**
   * Save edits. `expectedRevision` must be the revision the editor loaded: otherwise CONFLICT with
   * the current revision and nothing written. Cell- and section-level before/after go to the trail.
   */
  async update(ctx: RequestContext, id: string, expectedRevision: number, input: ReportUpdateInput): Promise<Report> {
    requireUser(ctx);
    const found = await findReport(ctx.manager, id);
    if (!found) throw notFound('报告不存在');
    // a contributor may edit what was assigned to them (the contributions module decides); else report.edit
    const asContributor = Boolean(await this.editGuard?.(ctx, found, input));
    if (!asContributor) {
      await authorize(ctx, 'report.edit', { agencyId: found.agencyId, reportId: id, targetType: 'Report', targetId: id });
    }
    const format = found.format as FormatId;
    const cells = input.cells ?? [];
    const sections = input.sections ?? [];
    checkNoDuplicates(cells.map((c) => c.key), '单元格');
    checkNoDuplicates(sections.map((s) => s.key), '文字部分');
    for (const cell of cells) checkCellInput(format, cell);
    for (const section of sections) checkSectionInput(section);

    return withTransaction(ctx, async (tx) => {
      const now = new Date();
      // the conditional UPDATE is the concurrency check (and the row lock on MySQL)
      if (!(await bumpRevision(tx.manager, id, expectedRevision, now))) {
        const current = await findReport(tx.manager, id);
        if (!current) throw notFound('报告不存在');
        throw conflict(`报告已被他人修改（当前修订号 ${current.revision}，您提交的是 ${expectedRevision}），请刷新后重试`, {
          currentRevision: current.revision,
        });
      }
      // the bumped row and last year's report, then both reports' cells: two statements
      const [bumped, previousRow] = await loadWithPrevious(tx.manager, id);
      const report = bumped!;
      this.assertEditable(report);
      // checked on the row this transaction holds: a submission committed since the guard ran counts
      if (asContributor) {
        const open = checkContributionEdit(report.status);
        if (!open.ok) throw conflict(open.message);
      }
      const [before, previous] = await loadContentWithPrevious(tx.manager, report, previousRow);
      const after: ReportContent = { ...before, cells: { ...before.cells }, sections: { ...before.sections } };
      for (const cell of cells) after.cells[cell.key] = cell.value ?? null;
      for (const section of sections) after.sections[checkSectionInput(section)] = section.text;
      return this.applyContent(tx, report, before, after, 'report.update', { revision: { from: expectedRevision, to: report.revision } }, previous);
    });
  }

  /** published revisions are immutable: a change goes through a correction (更正) */
  assertEditable(report: Report): void {
    if (!isContentEditable(report.status)) throw conflict('已公开的报告不能修改；如需更正，请发起更正');
  }

  private async applyContent(
    tx: RequestContext,
    report: Report,
    before: ReportContent,
    after: ReportContent,
    action: string,
    extra: Record<string, unknown>,
    /** last year's content when the caller already read it */
    previousContent?: ReportContent | null,
  ): Promise<Report> {
    const { cells, sections } = diffContent(before, after);
    const previous = previousContent !== undefined ? previousContent : await loadPreviousContent(tx.manager, report.agencyId, report.year);
    await writeContent(tx.manager, report, after, cells, previous);
    for (const hook of this.contentChangeHooks) await hook(tx, report, { before, after, cells, sections });
    await appendAudit(tx, {
      action,
      targetType: 'Report',
      targetId: report.id,
      agencyId: report.agencyId,
      reportId: report.id,
      detail: { ...extra, cells, sections, contentHash: report.contentHash },
    });
    tx.loaders.cellsByReport.clear(report.id);
    return report;
  }

  /**
   * Import a published report's text or HTML through the domain importer. The year comes from the
   * argument or the source; a draft of that year is replaced (cell-level changes on the trail), any
   * other existing report is a CONFLICT. What could not be placed is returned, never dropped.
   */
  async import(
    ctx: RequestContext,
    agencyId: string,
    args: { year?: number | null; text?: string | null; html?: string | null; fileBase64?: string | null; fileName?: string | null },
  ): Promise<ImportResult> {
    // permission before any file is decoded or parsed: nobody without it makes the server read a PDF
    await authorize(ctx, 'report.import', { agencyId, targetType: 'Report' });
    let imported;
    let source: string;
    if (args.fileBase64) {
      if (args.text?.trim() || args.html?.trim()) throw badInput('请只提供一种内容：文件，或粘贴的文本/HTML', { field: 'fileBase64' });
      const bytes = Buffer.from(args.fileBase64, 'base64');
      const name = args.fileName?.trim() || '';
      try {
        const file = await importReportFile(bytes, name);
        imported = file.result;
        source = file.kind;
      } catch (error) {
        if (error instanceof ReportFileError) throw badInput(`无法导入${name ? `“${name}”` : '文件'}：${error.message}`, { field: 'fileBase64' });
        throw error;
      }
    } else {
      if (!args.text?.trim() && !args.html?.trim()) throw badInput('请提供报告的文本、HTML 或文件');
      source = args.html?.trim() ? 'html' : 'text';
      try {
        imported = importReportContent({ text: args.text ?? undefined, html: args.html ?? undefined });
      } catch (error) {
        if (error instanceof ReportImportError) throw badInput(`无法导入：${error.message}`);
        throw error;
      }
    }
    return this.importParsed(ctx, agencyId, args.year ?? null, imported, { source });
  }

  /**
   * A report the domain importer has read (from text, HTML or a file of the library) into the agency's
   * report of its year: a draft of that year is replaced, any other existing report is a CONFLICT.
   * `onImported` runs in the same transaction (e.g. to link the file it came from).
   */
  async importParsed(
    ctx: RequestContext,
    agencyId: string,
    yearArg: number | null,
    imported: DomainImportResult,
    source: Record<string, unknown>,
    onImported?: (tx: RequestContext, report: Report) => Promise<void>,
  ): Promise<ImportResult> {
    await authorize(ctx, 'report.import', { agencyId, targetType: 'Report' });
    const year = yearArg ?? imported.detectedYear;
    if (!year) throw badInput('无法从原文识别报告年度，请指定年度', { field: 'year' });
    checkYear(year);
    const content: ReportContent = { ...imported.report, year };
    return withTransaction(ctx, async (tx) => {
      const agency = await findAgency(tx.manager, agencyId);
      if (!agency) throw notFound('单位不存在');
      if (!content.agency?.trim()) content.agency = agency.name;
      const existing = await findReportOf(tx.manager, agencyId, year);
      const detail = { ...source, detectedFormat: imported.detectedFormat, detectedYear: imported.detectedYear, unplaced: imported.unplaced.length, notes: imported.notes };
      let report: Report;
      if (existing) {
        const check = checkImportOver({ status: existing.status, format: existing.format, year, importedFormat: content.format });
        if (!check.ok) throw conflict(check.message);
        if (!(await bumpRevision(tx.manager, existing.id, existing.revision, new Date()))) {
          throw conflict('报告已被他人修改，请重试', { currentRevision: existing.revision + 1 });
        }
        const locked = (await findReport(tx.manager, existing.id))!;
        const before = await loadContent(tx.manager, locked);
        report = await this.applyContent(tx, locked, before, content, 'report.import', detail);
      } else {
        const previous = await loadPreviousContent(tx.manager, agencyId, year);
        report = newReportRow(agencyId, content, previous);
        await this.insertReport(tx, report, content);
        await appendAudit(tx, {
          action: 'report.import',
          targetType: 'Report',
          targetId: report.id,
          agencyId,
          reportId: report.id,
          detail: { ...detail, year, format: content.format, cells: Object.fromEntries(Object.entries(content.cells).filter(([, v]) => v != null)) },
        });
      }
      await onImported?.(tx, report);
      return {
        report,
        unplaced: imported.unplaced.map((u) => ({ line: u.line ?? null, text: u.text, reason: u.reason })),
        detectedFormat: imported.detectedFormat,
        detectedYear: imported.detectedYear,
        notes: imported.notes,
      };
    });
  }

  /** drafts only; the whole content goes to the trail so nothing is lost */
  async delete(ctx: RequestContext, id: string): Promise<boolean> {
    requireUser(ctx);
    const found = await findReport(ctx.manager, id);
    if (!found) throw notFound('报告不存在');
    await authorize(ctx, 'report.delete', { agencyId: found.agencyId, reportId: id, targetType: 'Report', targetId: id });
    return withTransaction(ctx, async (tx) => {
      const report = await findReport(tx.manager, id);
      if (!report) throw notFound('报告不存在');
      // a correction draft: its published revisions are the public record and stay
      const check = checkDelete({ status: report.status, publishedBefore: await hasRevisions(tx.manager, id) });
      if (!check.ok) throw conflict(check.message);
      const content = await loadContent(tx.manager, report);
      await deleteReportWithCells(tx.manager, id);
      await appendAudit(tx, {
        action: 'report.delete',
        targetType: 'Report',
        targetId: id,
        agencyId: report.agencyId,
        reportId: id,
        detail: {
          year: report.year,
          format: report.format,
          revision: report.revision,
          contentHash: report.contentHash,
          sections: content.sections,
          cells: Object.fromEntries(Object.entries(content.cells).filter(([, v]) => v != null)),
        },
      });
      return true;
    });
  }
}
