/**
 * Plain-HTTP downloads (linkable):
 *   GET /download/reports/:revisionId.(html|docx|xlsx)  a current published revision (anonymous)
 *   GET /download/open-data/:year.(csv|json)            all published cells of a year (anonymous)
 *   GET /download/county/:year/summary.(xlsx|csv)       the county summary (county admin, Bearer token)
 * Published data only: a draft, a superseded or an unknown id is 404. Anonymous callers share the
 * public API's per-IP rate limit (429 with Retry-After).
 */
import { httpStatusOf } from '@touming/domain/contract';
import { cellDefinition } from '@touming/domain/formats';
import { renderHtml } from '@touming/domain/render';
import { reportTitle } from '@touming/domain/report';
import type { Express, Request, Response } from 'express';
import type { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Api } from '../../app';
import { errorCode } from '../../common/errors';
import { REPORT_HTML_CSP } from '../../http/security-headers';
import { CountyService } from '../county/county.service';
import { openDataRows, OPEN_DATA_COLUMNS, toCsv } from '../public/open-data';
import { PublicRateLimiter } from '../public/rate-limit';
import { findCurrentRevision } from '../revisions/revision.repository';
import { reportDocx } from './report-docx';
import { tablesXlsx } from './report-xlsx';

const TYPES = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
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

export function mountDownloads(app: Express, api: Api, dataSource: DataSource): void {
  const limiter = api.container.get(PublicRateLimiter);

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
      if (status && status < 500) fail(res, status, (error as GraphQLError).message);
      else fail(res, 500, '服务器内部错误');
    }
  };

  app.get(
    '/download/reports/:file',
    guarded(async (req, res) => {
      const m = /^([\w-]{1,64})\.(html|docx|xlsx)$/.exec(String(req.params.file));
      if (!m) return fail(res, 404, '不支持的下载格式（html、docx、xlsx）');
      if (!(await admit(req, res))) return;
      const revision = await findCurrentRevision(dataSource.manager, m[1]);
      if (!revision) return fail(res, 404, '没有这份已公开的报告');
      const ext = m[2] as 'html' | 'docx' | 'xlsx';
      const title = reportTitle(revision.content);
      if (ext === 'html') return send(res, ext, `${title}.html`, renderHtml(revision.content, { standalone: true }));
      if (ext === 'docx') return send(res, ext, `${title}.docx`, await reportDocx(revision.content));
      return send(res, ext, `${title}（表格）.xlsx`, await tablesXlsx(revision.content));
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
    '/download/county/:year/:file',
    guarded(async (req, res) => {
      const m = /^summary\.(xlsx|csv)$/.exec(String(req.params.file));
      const year = Number(req.params.year);
      if (!m || !Number.isInteger(year)) return fail(res, 404, '不支持的下载格式（xlsx、csv）');
      const ctx = await api.contextFor(req.headers.authorization, { ip: req.ip });
      const county = api.container.get(CountyService);
      const summary = await county.summary(ctx, year, null);
      const { content } = await county.summedContent(ctx, year, null);
      const name = `全县政府信息公开工作年度报告汇总-${year}`;
      if (m[1] === 'csv') {
        const rows = summary.cells.map((c) => ({ ...c, label: cellDefinition(content.format, c.key)?.label ?? c.label }));
        return send(res, 'csv', `${name}.csv`, toCsv(COUNTY_CSV_COLUMNS.map((c) => c.key), rows as unknown as Array<Record<string, unknown>>, COUNTY_CSV_COLUMNS.map((c) => c.header)));
      }
      const statusRows = [
        ...summary.included.map((s) => [s.agencyName, '已计入', s.publishedAt ? s.publishedAt.toISOString().slice(0, 10) : null]),
        ...summary.notPublished.map((s) => [s.agencyName, '未计入：' + (s.note ?? '尚未公开'), null]),
        ...summary.missing.map((s) => [s.agencyName, '未计入：' + (s.note ?? '未报送'), null]),
      ];
      const xlsx = await tablesXlsx({ ...content, agency: '全县汇总' }, [{ name: '汇总说明', columns: ['单位', '情况', '公开日期'], rows: statusRows }]);
      return send(res, 'xlsx', `${name}.xlsx`, xlsx);
    }),
  );
}
