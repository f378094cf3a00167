/**
 * The public 信息公开 pages under /gongkai/ — server-rendered HTML, one stylesheet, no script, no
 * login: reports by year and by agency, each report as a page (with its downloads, its 更正说明,
 * its earlier versions marked, and its content hash with how to verify it), the county statistics
 * and the open-data files. Every read goes through the public service, so the public API's rules
 * decide what is shown (published revisions only) and its per-IP rate limit counts each page.
 */
import type { FormatId } from '@touming/domain/formats';
import type { ReportContent } from '@touming/domain/report';
import { NARRATIVE_KEYS } from '@touming/domain/formats';
import type { Express, Request, Response } from 'express';
import type { Api } from '../../../app';
import type { RequestContext } from '../../../common/context';
import { errorCode } from '../../../common/errors';
import { ListOptions, SortOrder } from '../../../common/list';
import { PdfPrinter } from '../../exports/pdf/pdf-printer';
import { PublicService } from '../public.service';
import { PUBLIC_MAX_PAGE_SIZE, type PublicAgency } from '../public.types';
import { GONGKAI_CSS, GONGKAI_CSS_PATH } from './gongkai.css';
import {
  agenciesPage,
  agencyPage,
  BASE,
  errorPage,
  homePage,
  openDataPage,
  paths,
  reportPage,
  STATISTICS_SCOPES,
  statisticsPage,
  yearPage,
  type StatisticsScope,
} from './views';

const ID = /^[\w-]{1,64}$/;
const YEAR = /^\d{4}$/;
/** the site's name (the county government's) is looked up at most this often */
const SITE_NAME_TTL_MS = 5 * 60_000;
const FALLBACK_SITE_NAME = '政府信息公开';

class NotFound extends Error {}

function listOptions(sort: string, order: SortOrder, take: number, skip = 0): ListOptions {
  return Object.assign(new ListOptions(), { sort, order, take, skip });
}

/** the years with published reports, newest first, with how many each has */
function yearsOf(agencies: PublicAgency[]): Array<{ year: number; count: number }> {
  const counts = new Map<number, number>();
  for (const a of agencies) for (const y of a.publishedYears) counts.set(y, (counts.get(y) ?? 0) + 1);
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year);
}

export function mountPublicPages(app: Express, api: Api): void {
  const service = api.container.get(PublicService);
  const printer = api.container.get(PdfPrinter);
  let siteName: { name: string; until: number } | null = null;

  const site = async (ctx: RequestContext): Promise<string> => {
    if (siteName && siteName.until > Date.now()) return siteName.name;
    const government = (await service.agencies(ctx, 'COUNTY_GOVERNMENT', null))[0];
    siteName = { name: government?.name ?? FALLBACK_SITE_NAME, until: Date.now() + SITE_NAME_TTL_MS };
    return siteName.name;
  };

  const html = (res: Response, status: number, body: string) => {
    res.status(status);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    // published pages change only when a report is published or corrected: a minute of caching
    // keeps a busy portal cheap without hiding a correction for long
    res.setHeader('Cache-Control', status === 200 ? 'public, max-age=60' : 'no-store');
    res.send(body);
  };

  /** a page handler: an anonymous context (pages never act for a signed-in user), errors as pages */
  const pageRoute = (handler: (ctx: RequestContext, req: Request) => Promise<string>) => async (req: Request, res: Response) => {
    let ctx: RequestContext | null = null;
    try {
      ctx = await api.contextFor(undefined, { ip: req.ip, requestId: res.locals.requestId as string | undefined });
      html(res, 200, await handler(ctx, req));
    } catch (error) {
      const name = await (ctx ? site(ctx).catch(() => FALLBACK_SITE_NAME) : Promise.resolve(FALLBACK_SITE_NAME));
      const code = errorCode(error);
      if (error instanceof NotFound || code === 'NOT_FOUND') return html(res, 404, errorPage(name, '没有找到这个页面', '您要找的报告或页面不存在，或尚未公开。'));
      if (code === 'TOO_MANY_REQUESTS') {
        const retryAfter = (error as { extensions?: { retryAfter?: number } }).extensions?.retryAfter;
        if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
        return html(res, 429, errorPage(name, '访问过于频繁', (error as Error).message));
      }
      if (code === 'BAD_USER_INPUT') return html(res, 400, errorPage(name, '无法显示这个页面', (error as Error).message));
      // stored content that no longer matches its publication record is withheld, never shown altered
      if (code === 'INTEGRITY_FAILED') return html(res, 503, errorPage(name, '暂时无法提供这份报告', (error as Error).message));
      html(res, 500, errorPage(name, '服务暂时不可用', '服务器内部错误，请稍后再试。'));
    }
  };

  app.get(GONGKAI_CSS_PATH, (_req, res) => {
    res.setHeader('Content-Type', 'text/css; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.send(GONGKAI_CSS);
  });

  app.get(
    `${BASE}/`,
    pageRoute(async (ctx) => {
      const [agencies, latest] = await Promise.all([
        service.agencies(ctx, null, null),
        service.reports(ctx, null, listOptions('publishedAt', SortOrder.DESC, 8)),
      ]);
      return homePage(await site(ctx), { years: yearsOf(agencies), latest: latest.items, agencies });
    }),
  );

  app.get(
    `${BASE}/agencies`,
    pageRoute(async (ctx) => agenciesPage(await site(ctx), await service.agencies(ctx, null, null))),
  );

  app.get(
    `${BASE}/agencies/:id`,
    pageRoute(async (ctx, req) => {
      const id = String(req.params.id);
      if (!ID.test(id)) throw new NotFound();
      const agency = (await service.agencies(ctx, null, null)).find((a) => a.id === id);
      if (!agency || agency.kind === 'COUNTY_OFFICE') throw new NotFound();
      const { items } = await service.reports(ctx, { agency: id }, listOptions('year', SortOrder.DESC, PUBLIC_MAX_PAGE_SIZE));
      return agencyPage(await site(ctx), agency, items);
    }),
  );

  app.get(
    `${BASE}/years/:year`,
    pageRoute(async (ctx, req) => {
      if (!YEAR.test(String(req.params.year))) throw new NotFound();
      const year = Number(req.params.year);
      const pageNo = Math.max(1, Math.min(1000, Number.parseInt(String(req.query.page ?? '1'), 10) || 1));
      const [agencies, list] = await Promise.all([
        service.agencies(ctx, null, null),
        service.reports(ctx, { year }, listOptions('agencyName', SortOrder.ASC, PUBLIC_MAX_PAGE_SIZE, (pageNo - 1) * PUBLIC_MAX_PAGE_SIZE)),
      ]);
      const years = yearsOf(agencies).map((y) => y.year);
      if (!years.includes(year)) throw new NotFound();
      return yearPage(await site(ctx), { year, years, reports: list.items, totalItems: list.totalItems, page: pageNo, pageSize: PUBLIC_MAX_PAGE_SIZE });
    }),
  );

  app.get(
    `${BASE}/reports/:id`,
    pageRoute(async (ctx, req) => {
      const id = String(req.params.id);
      if (!ID.test(id)) throw new NotFound();
      const report = await service.revision(ctx, id);
      if (!report) throw new NotFound();
      const history = await service.history(ctx, report);
      return reportPage(await site(ctx), { report, history, pdfAvailable: printer.available });
    }),
  );

  app.get(
    `${BASE}/statistics`,
    pageRoute(async (ctx) => {
      const years = yearsOf(await service.agencies(ctx, null, null)).map((y) => y.year);
      if (!years.length) return statisticsPage(await site(ctx), { year: new Date().getFullYear() - 1, years, scope: 'compiled', reportCount: 0, content: emptyContent('2021', 0) });
      return statisticsOf(ctx, years[0], 'compiled', years);
    }),
  );

  const statisticsOf = async (ctx: RequestContext, year: number, scope: StatisticsScope, years: number[]) => {
    const stats = await service.statistics(ctx, year, STATISTICS_SCOPES[scope].kinds);
    const content = emptyContent(stats.format, year);
    for (const cell of stats.cells) content.cells[cell.key] = cell.value;
    return statisticsPage(await site(ctx), { year, years, scope, reportCount: stats.reportCount, content });
  };

  app.get(
    `${BASE}/statistics/:year`,
    pageRoute(async (ctx, req) => {
      if (!YEAR.test(String(req.params.year))) throw new NotFound();
      const year = Number(req.params.year);
      const scopeParam = String(req.query.scope ?? 'compiled');
      if (!Object.prototype.hasOwnProperty.call(STATISTICS_SCOPES, scopeParam)) throw new NotFound();
      const years = yearsOf(await service.agencies(ctx, null, null)).map((y) => y.year);
      if (!years.includes(year)) throw new NotFound();
      return statisticsOf(ctx, year, scopeParam as StatisticsScope, years);
    }),
  );

  app.get(
    `${BASE}/open-data`,
    pageRoute(async (ctx) => openDataPage(await site(ctx), yearsOf(await service.agencies(ctx, null, null)).map((y) => y.year))),
  );

  // anything else under /gongkai/ is a page that does not exist (not the console's index.html)
  app.use(
    `${BASE}/`,
    pageRoute(async () => {
      throw new NotFound();
    }),
  );
}

function emptyContent(format: FormatId | string, year: number): ReportContent {
  return {
    format: format as FormatId,
    year,
    agency: '合计',
    sections: Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, ''])) as ReportContent['sections'],
    cells: {},
  };
}

export { paths };
