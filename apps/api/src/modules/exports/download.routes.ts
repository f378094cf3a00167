/**
 * Plain-HTTP downloads (linkable):
 *   GET /download/reports/:revisionId.(html|docx|pdf|xlsx|json)  a published revision (anonymous): the
 *        current one, or one a correction superseded (its file name says so); .json is the canonical
 *        content whose sha256 is the revision's content hash (how the public pages tell people to verify)
 *   GET /download/current/:reportId.(html|docx|pdf|xlsx)           the report as it stands now — a draft,
 *        or whatever state it is in (Bearer token; whoever may read the report)
 *   GET /download/revisions/:revisionId.(html|docx|pdf|xlsx)       any published revision of a report
 *        the caller may read (Bearer token)
 *   GET /download/open-data/:year.(csv|json)                       all published cells of a year (anonymous)
 *   GET /download/county/:year/summary.(xlsx|csv)?scope=&region=&extent=&agency=
 *        a supervising office's compilation, of the scope its 汇总 page shows (Bearer token)
 *   GET /download/compare/:afterId.(html|docx)?before=:id           a 比对报告 (Bearer token; whoever may read both;
 *        without `before`, last year's report of the agency)
 *   GET /download/comparisons/:year.xlsx                           every agency of a year against its previous
 *        year, ranked (county admin, Bearer token)
 * Anonymous routes decide what is public through the public service (drafts and unknown ids are 404)
 * and share the public API's per-IP rate limit (429 with Retry-After). Failures answer JSON
 * { error } in Chinese with the status of their error code; PDF where no Chromium is installed is 503.
 */
import { httpStatusOf } from '@touming/domain/contract';
import { cellDefinition } from '@touming/domain/formats';
import { canonicalReport } from '@touming/domain/hash';
import { dateInChina } from '@touming/domain/render';
import { compilationPlace, compilationTitle } from '@touming/domain/regions';
import { reportTitle } from '@touming/domain/report';
import type { Express, Request, Response } from 'express';
import type { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Api } from '../../app';
import { errorCode } from '../../common/errors';
import { REPORT_HTML_CSP } from '../../http/security-headers';
import { renderComparisonHtml } from '@touming/domain/compare';
import { comparisonBatchXlsx, comparisonDocx } from '../compare/comparison-files';
import { CompareService } from '../compare/compare.service';
import { CountyService } from '../county/county.service';
import { CompilationExtentEnum, CountyScopeKind } from '../county/county.types';
import { countyScopeOfQuery } from './county-download-scope';
import { openDataRows, OPEN_DATA_COLUMNS, toCsv } from '../public/open-data';
import { PublicService } from '../public/public.service';
import { PublicRateLimiter } from '../public/rate-limit';
import { ReportService } from '../reports/report.service';
import { WorkflowFieldsService } from '../workflow/workflow-fields.service';
import { PdfPrinter } from './pdf/pdf-printer';
import { reportFile, reportFileName } from './report-files';
import { tablesXlsx } from './report-xlsx';

const TYPES = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/**
 * The county summary CSV: Chinese column headers for people opening it in Excel; the first column
 * keeps the stable cell key (docs/open-data.md) so a program can still join on it.
 */
export const COUNTY_CSV_COLUMNS: { key: string; header: string }[] = [
  { key: 'key', header: '单元格代码（key）' },
  { key: 'label', header: '项目' },
  { key: 'value', header: '汇总数' },
  { key: 'blanks', header: '空白份数' },
  { key: 'comparableValue', header: '本年同口径数（两年均已公开的单位）' },
  { key: 'previousValue', header: '上年同口径数（同一批单位）' },
  { key: 'change', header: '较上年增减（同口径）' },
];

function send(res: Response, ext: keyof typeof TYPES, filename: string, body: string | Buffer) {
  res.setHeader('Content-Type', TYPES[ext]);
  // an HTML report is shown in the browser but sandboxed: whatever its text, it cannot run as this site
  if (ext === 'html') res.setHeader('Content-Security-Policy', REPORT_HTML_CSP);
  // RFC 6266 / 5987: a Chinese file name for browsers, an ASCII fallback for the rest
  res.setHeader('Content-Disposition', `${ext === 'html' ? 'inline' : 'attachment'}; filename="download.${ext}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.send(body);
}

function fail(res: Response, status: number, message: string) {
  res.status(status).json({ error: message });
}

/** "<id>.<ext>" of a download path, when ext is one of `types` */
function fileOf<T extends string>(file: unknown, types: readonly T[]): { id: string; ext: T } | null {
  const m = /^([\w-]{1,64})\.([a-z]{2,5})$/.exec(String(file));
  return m && (types as readonly string[]).includes(m[2]) ? { id: m[1], ext: m[2] as T } : null;
}

export function mountDownloads(app: Express, api: Api, dataSource: DataSource): void {
  const limiter = api.container.get(PublicRateLimiter);
  const publicService = api.container.get(PublicService);
  const printer = api.container.get(PdfPrinter);

  /**
   * Anonymous callers count against the public limit; false when refused (response sent). Only a
   * valid, unrevoked token exempts a caller: any other Authorization header ("x", an expired or forged
   * token) counts as anonymous.
   */
  const admit = async (req: Request, res: Response): Promise<boolean> => {
    if (req.headers.authorization && (await api.contextFor(req.headers.authorization, { ip: req.ip })).user) return true;
    const d = await limiter.hit(dataSource, req.ip);
    if (d.allowed) return true;
    res.setHeader('Retry-After', String(d.retryAfter));
    fail(res, 429, `请求过于频繁（每 ${d.windowSeconds} 秒最多 ${d.limit} 次），请 ${d.retryAfter} 秒后再试`);
    return false;
  };

  const guarded = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      // a refusal answers with its status and Chinese message; anything else stays hidden
      const status = httpStatusOf(errorCode(error));
      if (status && status !== 500) {
        const retryAfter = (error as GraphQLError).extensions?.retryAfter;
        if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
        fail(res, status, (error as GraphQLError).message);
      } else fail(res, 500, '服务器内部错误');
    }
  };

  app.get(
    '/download/reports/:file',
    guarded(async (req, res) => {
      const file = fileOf(req.params.file, ['html', 'docx', 'pdf', 'xlsx', 'json'] as const);
      if (!file) return fail(res, 404, '不支持的下载格式（html、docx、pdf、xlsx、json）');
      const ctx = await api.contextFor(req.headers.authorization, { ip: req.ip, requestId: res.locals.requestId as string | undefined });
      const revision = await publicService.revision(ctx, file.id);
      if (!revision) return fail(res, 404, '没有这份已公开的报告');
      const version = `第${revision.revisionNo}版${revision.isCurrent ? '' : '，已被更正'}`;
      if (file.ext === 'json') {
        // exactly the bytes the content hash is taken of: its digest (the revision's algorithm) = the hash the page shows
        return send(res, 'json', `${revision.title}（${version}）规范化内容.json`, Buffer.from(canonicalReport(revision.content), 'utf8'));
      }
      const body = await reportFile(file.ext, revision.content, revision.publishedAt, printer);
      return send(res, file.ext, reportFileName(revision.title, version, file.ext), body);
    }),
  );

  app.get(
    '/download/current/:file',
    guarded(async (req, res) => {
      const file = fileOf(req.params.file, ['html', 'docx', 'pdf', 'xlsx'] as const);
      if (!file) return fail(res, 404, '不支持的下载格式（html、docx、pdf、xlsx）');
      const ctx = await api.contextFor(req.headers.authorization, { ip: req.ip, requestId: res.locals.requestId as string | undefined });
      const reports = api.container.get(ReportService);
      const report = await reports.get(ctx, file.id);
      if (!report) return fail(res, 404, '没有这份报告');
      const content = await reports.content(ctx, report);
      // the 落款 of a report not yet published carries the day it is printed
      const body = await reportFile(file.ext, content, dateInChina(new Date()), printer);
      return send(res, file.ext, reportFileName(reportTitle(content), `当前稿，第${report.revision}次保存`, file.ext), body);
    }),
  );

  app.get(
    '/download/revisions/:file',
    guarded(async (req, res) => {
      const file = fileOf(req.params.file, ['html', 'docx', 'pdf', 'xlsx'] as const);
      if (!file) return fail(res, 404, '不支持的下载格式（html、docx、pdf、xlsx）');
      const ctx = await api.contextFor(req.headers.authorization, { ip: req.ip, requestId: res.locals.requestId as string | undefined });
      const revision = await api.container.get(WorkflowFieldsService).revision(ctx, file.id);
      if (!revision) return fail(res, 404, '没有这个公开版本');
      const version = `第${revision.revisionNo}版${revision.isCurrent ? '' : '，已被更正'}`;
      const body = await reportFile(file.ext, revision.content, revision.publishedAt, printer);
      return send(res, file.ext, reportFileName(reportTitle(revision.content), version, file.ext), body);
    }),
  );

  app.get(
    '/download/open-data/:file',
    guarded(async (req, res) => {
      const m = /^(\d{4})\.(csv|json)$/.exec(String(req.params.file));
      if (!m) return fail(res, 404, '不支持的下载格式（csv、json）');
      if (!(await admit(req, res))) return;
      const year = Number(m[1]);
      const rows = await openDataRows(dataSource.manager, year);
      if (m[2] === 'csv') return send(res, 'csv', `政府信息公开年度报告数据-${year}.csv`, toCsv(OPEN_DATA_COLUMNS, rows as unknown as Array<Record<string, unknown>>));
      return send(res, 'json', `政府信息公开年度报告数据-${year}.json`, JSON.stringify({ year, schema: 'touming-open-data/1', rows }, null, 1));
    }),
  );

  app.get(
    '/download/compare/:file',
    guarded(async (req, res) => {
      const file = fileOf(req.params.file, ['html', 'docx'] as const);
      if (!file) return fail(res, 404, '不支持的下载格式（html、docx）');
      const before = typeof req.query.before === 'string' && /^[\w-]{1,64}$/.test(req.query.before) ? req.query.before : null;
      const ctx = await api.contextFor(req.headers.authorization, { ip: req.ip, requestId: res.locals.requestId as string | undefined });
      const { comparison } = await api.container.get(CompareService).compare(ctx, file.id, before);
      const name = `${comparison.after.agency}${comparison.before.year}年与${comparison.after.year}年报告比对`;
      if (file.ext === 'html') return send(res, 'html', `${name}.html`, renderComparisonHtml(comparison));
      return send(res, 'docx', `${name}.docx`, await comparisonDocx(comparison));
    }),
  );

  app.get(
    '/download/comparisons/:file',
    guarded(async (req, res) => {
      const m = /^(\d{4})\.xlsx$/.exec(String(req.params.file));
      if (!m) return fail(res, 404, '不支持的下载格式（xlsx）');
      const year = Number(m[1]);
      const ctx = await api.contextFor(req.headers.authorization, { ip: req.ip });
      const rows = await api.container.get(CompareService).ranked(ctx, year);
      return send(res, 'xlsx', `${year}年度各单位报告与上年比对.xlsx`, await comparisonBatchXlsx(year, rows));
    }),
  );

  app.get(
    '/download/county/:year/:file',
    guarded(async (req, res) => {
      const m = /^summary\.(xlsx|csv)$/.exec(String(req.params.file));
      const year = Number(req.params.year);
      if (!m || !Number.isInteger(year)) return fail(res, 404, '不支持的下载格式（xlsx、csv）');
      const read = countyScopeOfQuery(req.query as Record<string, unknown>);
      if ('problem' in read) return fail(res, 400, `下载参数不正确：${read.problem}`);
      const { scope } = read;
      const ctx = await api.contextFor(req.headers.authorization, { ip: req.ip });
      const county = api.container.get(CountyService);
      const summary = await county.summary(ctx, year, scope, { regions: false });
      const { content } = await county.summedContent(ctx, year, scope);
      const statuses = [...summary.included, ...summary.notPublished, ...summary.missing];
      const place = { regionName: summary.regionName, regionLevel: summary.regionLevel, ownLevel: summary.extent === CompilationExtentEnum.OWN_LEVEL };
      const title = compilationTitle({
        ...place,
        part: scope.kind === CountyScopeKind.DEPARTMENTS || scope.kind === CountyScopeKind.TOWNSHIPS ? scope.kind : null,
        agencyName: scope.kind === CountyScopeKind.LIST ? (statuses[0]?.agencyName ?? null) : null,
      });
      const name = `${title}-${year}`;
      if (m[1] === 'csv') {
        const rows = summary.cells.map((c) => ({ ...c, label: cellDefinition(content.format, c.key)?.label ?? c.label }));
        return send(res, 'csv', `${name}.csv`, toCsv(COUNTY_CSV_COLUMNS.map((c) => c.key), rows as unknown as Array<Record<string, unknown>>, COUNTY_CSV_COLUMNS.map((c) => c.header)));
      }
      const statusRows = [
        ...summary.included.map((s) => [s.agencyName, '已计入', s.publishedAt ? s.publishedAt.toISOString().slice(0, 10) : null]),
        ...summary.notPublished.map((s) => [s.agencyName, '未计入：' + (s.note ?? '尚未公开'), null]),
        ...summary.missing.map((s) => [s.agencyName, '未计入：' + (s.note ?? '未报送'), null]),
      ];
      const xlsx = await tablesXlsx({ ...content, agency: `${compilationPlace(place)}汇总` }, [{ name: '汇总说明', columns: ['单位', '情况', '公开日期'], rows: statusRows }]);
      return send(res, 'xlsx', `${name}.xlsx`, xlsx);
    }),
  );
}
