/**
 * The public 信息公开 pages as HTML strings: no script, one stylesheet, every text escaped. The data
 * comes from the public service (routes.ts); these functions only lay it out. Landmarks (header, nav,
 * main, footer), one h1 per page, a skip link, labelled scroll boxes for wide tables, and Chinese
 * text throughout (GB/T 37668 / WCAG 2.1 AA).
 */
import { AGENCY_KIND_LABELS, type AgencyKind } from '@touming/domain/agencies';
import { getFormat, isFormatId } from '@touming/domain/formats';
import { documentDate, escapeHtml as esc, renderHtml, renderTablesHtml } from '@touming/domain/render';
import type { ReportContent } from '@touming/domain/report';
import type { PublicAgency, PublicReport, PublicRevisionEntry } from '../public.types';
import { GONGKAI_CSS_PATH } from './gongkai.css';

export const BASE = '/gongkai';

export const paths = {
  home: () => `${BASE}/`,
  year: (year: number, page = 1) => `${BASE}/years/${year}${page > 1 ? `?page=${page}` : ''}`,
  agencies: () => `${BASE}/agencies`,
  agency: (id: string) => `${BASE}/agencies/${encodeURIComponent(id)}`,
  report: (id: string) => `${BASE}/reports/${encodeURIComponent(id)}`,
  statistics: (year?: number, scope?: string) => `${BASE}/statistics${year ? `/${year}` : ''}${scope ? `?scope=${scope}` : ''}`,
  openData: () => `${BASE}/open-data`,
  download: (id: string, ext: string) => `/download/reports/${encodeURIComponent(id)}.${ext}`,
};

type Section = 'home' | 'years' | 'agencies' | 'statistics' | 'open-data' | null;

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageFrame {
  site: string;
  title: string;
  section: Section;
  crumbs?: Crumb[];
  /** meta description */
  description?: string;
}

const NAV: Array<{ key: Exclude<Section, null>; label: string; href: string }> = [
  { key: 'home', label: '首页', href: paths.home() },
  { key: 'years', label: '按年度', href: `${paths.home()}#years` },
  { key: 'agencies', label: '按单位', href: paths.agencies() },
  { key: 'statistics', label: '统计数据', href: paths.statistics() },
  { key: 'open-data', label: '开放数据', href: paths.openData() },
];

export function page(frame: PageFrame, main: string): string {
  const nav = NAV.map((n) => `<li><a href="${n.href}"${n.key === frame.section ? ' aria-current="page"' : ''}>${n.label}</a></li>`).join('');
  const crumbs = frame.crumbs?.length
    ? `<nav class="breadcrumb" aria-label="当前位置"><ol>${frame.crumbs
        .map((c, i) => (c.href && i < frame.crumbs!.length - 1 ? `<li><a href="${c.href}">${esc(c.label)}</a></li>` : `<li aria-current="page">${esc(c.label)}</li>`))
        .join('')}</ol></nav>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(frame.title)} - ${esc(frame.site)}政府信息公开</title>
${frame.description ? `<meta name="description" content="${esc(frame.description)}">\n` : ''}<link rel="stylesheet" href="${GONGKAI_CSS_PATH}">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site-header"><div class="wrap"><a class="site-name" href="${paths.home()}">${esc(frame.site)}</a><p class="site-sub">政府信息公开 · 政府信息公开工作年度报告</p></div></header>
<nav class="site-nav" aria-label="栏目"><ul>${nav}</ul></nav>
<div class="wrap">${crumbs}</div>
<main id="main" class="wrap">
${main}
</main>
<footer class="site-footer"><div class="wrap">
<p>依据《中华人民共和国政府信息公开条例》第五十条，各行政机关于每年1月31日前公开本机关上一年度政府信息公开工作年度报告。本栏目只发布已经三级联签和保密审查后公开的版本；更正后的报告保留原版本并标明更正说明。</p>
<p><a href="${paths.openData()}">开放数据</a> · 页面无需登录，不使用脚本和跟踪。</p>
</div></footer>
</body>
</html>
`;
}

const kindLabel = (kind: AgencyKind) => AGENCY_KIND_LABELS[kind] ?? kind;

/** the order the kinds appear in lists: the county government first, the county office (which does not report) never */
const LISTED_KINDS: AgencyKind[] = ['COUNTY_GOVERNMENT', 'DEPARTMENT', 'TOWNSHIP'];

function tags(r: Pick<PublicReport, 'revisionNo' | 'isCurrent'>): string {
  if (!r.isCurrent) return '<span class="tag superseded">已被更正</span>';
  return r.revisionNo > 1 ? `<span class="tag correction">已更正（第${r.revisionNo}版）</span>` : '';
}

function reportItem(r: PublicReport, label: 'title' | 'year' = 'title'): string {
  const name = label === 'title' ? r.title : `${r.year}年度报告`;
  return `<li><a href="${paths.report(r.id)}">${esc(name)}</a>${tags(r)}<div class="meta">公开日期：${documentDate(r.publishedAt)}</div></li>`;
}

function formatName(format: string): string {
  return isFormatId(format) ? `${getFormat(format).name}（${getFormat(format).notice}）` : format;
}

// ---- pages ------------------------------------------------------------------------------------

export interface HomeData {
  years: Array<{ year: number; count: number }>;
  latest: PublicReport[];
  agencies: PublicAgency[];
}

export function homePage(site: string, data: HomeData): string {
  const years = data.years.length
    ? `<ul class="years">${data.years.map((y) => `<li><a href="${paths.year(y.year)}">${y.year}年度<span class="meta">（${y.count}份）</span></a></li>`).join('')}</ul>`
    : '<p>尚无已公开的年度报告。</p>';
  const latest = data.latest.length ? `<ul class="list">${data.latest.map((r) => reportItem(r)).join('')}</ul>` : '<p>尚无已公开的年度报告。</p>';
  return page(
    { site, title: '政府信息公开工作年度报告', section: 'home', description: `${site}及所属部门、乡镇历年政府信息公开工作年度报告` },
    `<h1 class="page-title">政府信息公开工作年度报告</h1>
<section class="panel" id="years" aria-labelledby="years-h"><h2 id="years-h">按年度查看</h2>${years}</section>
<section class="panel" aria-labelledby="latest-h"><h2 id="latest-h">最近公开</h2>${latest}</section>
<section class="panel" aria-labelledby="agencies-h"><h2 id="agencies-h">按单位查看</h2>${agencyGroups(data.agencies)}</section>
<section class="panel" aria-labelledby="more-h"><h2 id="more-h">统计与数据</h2><ul class="list">
<li><a href="${paths.statistics()}">全县统计数据</a><div class="meta">各年度已公开报告的表格合计</div></li>
<li><a href="${paths.openData()}">开放数据下载</a><div class="meta">每份已公开报告的全部数字，CSV 与 JSON 格式</div></li>
</ul></section>`,
  );
}

function agencyGroups(agencies: PublicAgency[]): string {
  const groups = LISTED_KINDS.map((kind) => ({ kind, items: agencies.filter((a) => a.kind === kind) })).filter((g) => g.items.length);
  if (!groups.length) return '<p>尚无单位。</p>';
  return groups
    .map(
      (g) =>
        `<h3>${kindLabel(g.kind)}</h3><ul class="list">${g.items
          .map(
            (a) =>
              `<li><a href="${paths.agency(a.id)}">${esc(a.name)}</a><div class="meta">${a.publishedYears.length ? `已公开：${a.publishedYears.map((y) => `${y}年度`).join('、')}` : '尚无已公开的报告'}</div></li>`,
          )
          .join('')}</ul>`,
    )
    .join('');
}

export function agenciesPage(site: string, agencies: PublicAgency[]): string {
  return page(
    { site, title: '按单位查看', section: 'agencies', crumbs: [{ label: '首页', href: paths.home() }, { label: '按单位查看' }] },
    `<h1 class="page-title">按单位查看</h1><section class="panel" aria-label="单位名录">${agencyGroups(agencies)}</section>`,
  );
}

export interface YearData {
  year: number;
  reports: PublicReport[];
  totalItems: number;
  page: number;
  pageSize: number;
  years: number[];
}

function yearLinks(years: number[], current: number, href: (y: number) => string): string {
  return `<ul class="years">${years.map((y) => `<li><a href="${href(y)}"${y === current ? ' aria-current="page"' : ''}>${y}年度</a></li>`).join('')}</ul>`;
}

export function yearPage(site: string, data: YearData): string {
  const groups = LISTED_KINDS.map((kind) => ({ kind, items: data.reports.filter((r) => r.agencyKind === kind) })).filter((g) => g.items.length);
  const pages = Math.max(1, Math.ceil(data.totalItems / data.pageSize));
  const pager =
    pages > 1
      ? `<nav aria-label="分页"><p>第 ${data.page} / ${pages} 页${data.page > 1 ? ` · <a href="${paths.year(data.year, data.page - 1)}">上一页</a>` : ''}${data.page < pages ? ` · <a href="${paths.year(data.year, data.page + 1)}">下一页</a>` : ''}</p></nav>`
      : '';
  const body = groups.length
    ? groups.map((g) => `<section class="panel" aria-labelledby="k-${g.kind}"><h2 id="k-${g.kind}">${kindLabel(g.kind)}</h2><ul class="list">${g.items.map((r) => reportItem(r)).join('')}</ul></section>`).join('\n')
    : '<section class="panel"><p>本年度尚无已公开的报告。</p></section>';
  return page(
    { site, title: `${data.year}年度报告`, section: 'years', crumbs: [{ label: '首页', href: paths.home() }, { label: `${data.year}年度` }] },
    `<h1 class="page-title">${data.year}年度政府信息公开工作年度报告</h1>
<nav class="panel" aria-label="年度">${yearLinks(data.years, data.year, (y) => paths.year(y))}</nav>
<p>共 ${data.totalItems} 份已公开的报告。<a href="${paths.statistics(data.year)}">查看${data.year}年度统计数据</a></p>
${body}
${pager}`,
  );
}

export function agencyPage(site: string, agency: PublicAgency, reports: PublicReport[]): string {
  const list = reports.length ? `<ul class="list">${reports.map((r) => reportItem(r, 'year')).join('')}</ul>` : '<p>该单位尚无已公开的年度报告。</p>';
  return page(
    {
      site,
      title: agency.name,
      section: 'agencies',
      crumbs: [{ label: '首页', href: paths.home() }, { label: '按单位查看', href: paths.agencies() }, { label: agency.name }],
    },
    `<h1 class="page-title">${esc(agency.name)}</h1>
<p class="meta">${kindLabel(agency.kind)}${agency.region ? ` · ${esc(agency.region)}` : ''}</p>
<section class="panel" aria-labelledby="reports-h"><h2 id="reports-h">历年政府信息公开工作年度报告</h2>${list}</section>`,
  );
}

export interface ReportPageData {
  report: PublicReport;
  history: PublicRevisionEntry[];
  pdfAvailable: boolean;
}

export function reportPage(site: string, { report, history, pdfAvailable }: ReportPageData): string {
  const current = history.find((h) => h.isCurrent);
  const superseded =
    !report.isCurrent && current
      ? `<div class="notice superseded" role="note"><h2>本版本已被更正</h2><p>这是第${report.revisionNo}版，已于${documentDate(current.publishedAt)}被更正，不再是现行公开版本。<a href="${paths.report(current.id)}">查看现行版本（第${current.revisionNo}版）</a></p></div>`
      : '';
  const correction = report.revisionNo > 1
    ? `<section class="notice correction" aria-labelledby="correction-h"><h2 id="correction-h">更正说明</h2><p>${esc(report.correctionNote ?? '')}</p><p class="meta">本报告于${documentDate(report.publishedAt)}更正（第${report.revisionNo}版）。<a href="#history">查看历次公开版本</a></p></section>`
    : '';
  const downloads = [
    `<li><a href="${paths.download(report.id, 'html')}">网页版（HTML，可打印）</a></li>`,
    `<li><a href="${paths.download(report.id, 'docx')}">Word 文档（DOCX）</a></li>`,
    pdfAvailable ? `<li><a href="${paths.download(report.id, 'pdf')}">PDF 文档</a></li>` : `<li><span class="unavailable">PDF（本服务器暂不能生成，请下载 Word 或网页版）</span></li>`,
    `<li><a href="${paths.download(report.id, 'xlsx')}">表格（XLSX）</a></li>`,
  ].join('');
  const historyRows = history
    .map(
      (h) =>
        `<tr><th scope="row">${h.id === report.id ? `第${h.revisionNo}版（本页）` : `<a href="${paths.report(h.id)}">第${h.revisionNo}版</a>`}</th><td>${documentDate(h.publishedAt)}</td><td>${h.isCurrent ? '现行版本' : '已被更正'}</td><td>${h.revisionNo === 1 ? '首次公开' : esc(h.correctionNote ?? '')}</td></tr>`,
    )
    .join('');
  const article = renderHtml(report.content, { date: report.publishedAt, headingLevel: 2 });
  return page(
    {
      site,
      title: report.title,
      section: 'years',
      description: `${report.title}（${documentDate(report.publishedAt)}公开）`,
      crumbs: [
        { label: '首页', href: paths.home() },
        { label: `${report.year}年度`, href: paths.year(report.year) },
        { label: report.agencyName, href: paths.agency(report.agencyId) },
        { label: report.revisionNo > 1 ? `第${report.revisionNo}版` : '年度报告' },
      ],
    },
    `<h1 class="page-title">${esc(report.title)}${report.isCurrent ? '' : '（已被更正的版本）'}</h1>
${superseded}
<section class="panel" aria-label="报告信息"><dl class="facts">
<dt>发布机关</dt><dd><a href="${paths.agency(report.agencyId)}">${esc(report.agencyName)}</a></dd>
<dt>报告年度</dt><dd>${report.year}年度</dd>
<dt>公开日期</dt><dd>${documentDate(report.publishedAt)}</dd>
<dt>版本</dt><dd>第${report.revisionNo}版${report.isCurrent ? '（现行版本）' : '（已被更正）'}${tags(report)}</dd>
<dt>报告格式</dt><dd>${esc(formatName(report.format))}</dd>
</dl></section>
${correction}
<section class="panel no-print" aria-labelledby="downloads-h"><h2 id="downloads-h">下载</h2><ul class="downloads">${downloads}</ul></section>
<div class="report-body">
${article}
</div>
<section class="panel" id="history" aria-labelledby="history-h"><h2 id="history-h">历次公开版本</h2>
<div class="scroll" role="region" tabindex="0" aria-label="历次公开版本一览表"><table class="data"><thead><tr><th scope="col">版本</th><th scope="col">公开日期</th><th scope="col">状态</th><th scope="col">更正说明</th></tr></thead><tbody>${historyRows}</tbody></table></div></section>
${verification(report)}`,
  );
}

function verification(report: PublicReport): string {
  return `<section class="panel" id="verify" aria-labelledby="verify-h"><h2 id="verify-h">内容核验</h2>
<p>本版本公开内容的 ${report.hashAlgorithm === 'sm3' ? 'SM3（GB/T 32905）' : 'SHA-256'} 哈希值：</p>
<code class="hash" data-testid="content-hash">${esc(report.contentHash)}</code>
<p>这个值由报告的规范化内容（机关名称、年度、格式、三段文字和表格中的全部数字）计算得出，在公开时与三级联签的签名一同记录；内容有任何一处改动，哈希值就会完全不同。</p>
<ol class="steps">
<li>下载<a href="${paths.download(report.id, 'json')}">规范化内容文件（JSON）</a>，它正是计算哈希值所用的文本。</li>
${
  report.hashAlgorithm === 'sm3'
    ? '<li>计算该文件的 SM3 值：例如 <code>openssl dgst -sm3 文件名</code>（OpenSSL 1.1.1 及以上）或国密工具。</li>'
    : '<li>计算该文件的 SHA-256 值：Linux 用 <code>sha256sum 文件名</code>，macOS 用 <code>shasum -a 256 文件名</code>，Windows 用 <code>certutil -hashfile 文件名 SHA256</code>。</li>'
}
<li>结果与上面的值完全一致，说明文件内容就是公开时的内容；再核对文件中的数字与本页表格一致即可。</li>
</ol>
<p class="meta">Word、PDF 等下载文件含排版信息，其文件本身的哈希值与上面的值不同；核验请使用规范化内容文件。</p>
</section>`;
}

export interface StatisticsData {
  year: number;
  years: number[];
  scope: StatisticsScope;
  reportCount: number;
  content: ReportContent;
}

export const STATISTICS_SCOPES = {
  compiled: { label: '县直部门和乡镇合计', kinds: ['DEPARTMENT', 'TOWNSHIP'] as AgencyKind[] },
  DEPARTMENT: { label: '县直部门', kinds: ['DEPARTMENT'] as AgencyKind[] },
  TOWNSHIP: { label: '乡镇', kinds: ['TOWNSHIP'] as AgencyKind[] },
  COUNTY_GOVERNMENT: { label: '县人民政府', kinds: ['COUNTY_GOVERNMENT'] as AgencyKind[] },
} as const;
export type StatisticsScope = keyof typeof STATISTICS_SCOPES;

export function statisticsPage(site: string, data: StatisticsData): string {
  const scopes = (Object.keys(STATISTICS_SCOPES) as StatisticsScope[])
    .map((s) => `<li><a href="${paths.statistics(data.year, s === 'compiled' ? undefined : s)}"${s === data.scope ? ' aria-current="page"' : ''}>${STATISTICS_SCOPES[s].label}</a></li>`)
    .join('');
  const label = STATISTICS_SCOPES[data.scope].label;
  const tables = data.reportCount
    ? `<div class="report-body">${renderTablesHtml(data.content)}</div>`
    : '<section class="panel"><p>这一范围本年度尚无已公开的报告。</p></section>';
  return page(
    {
      site,
      title: `${data.year}年度统计数据`,
      section: 'statistics',
      crumbs: [{ label: '首页', href: paths.home() }, { label: '统计数据', href: paths.statistics() }, { label: `${data.year}年度` }],
    },
    `<h1 class="page-title">${data.year}年度统计数据：${label}</h1>
<nav class="panel" aria-label="年度">${yearLinks(data.years, data.year, (y) => paths.statistics(y, data.scope === 'compiled' ? undefined : data.scope))}</nav>
<nav class="panel" aria-label="统计范围"><ul class="years">${scopes}</ul></nav>
<p>计入 ${data.reportCount} 份已公开报告（各单位的现行公开版本）的合计。空白表示所有报告都未填写该项，不等于 0。县人民政府的报告由各部门和乡镇汇总而成，所以“合计”不重复计入它。</p>
${tables}`,
  );
}

export const OPEN_DATA_FIELDS: Array<[string, string]> = [
  ['year', '报告年度'],
  ['format', '报告格式（2019 或 2021）'],
  ['agencyId', '单位编号'],
  ['agencyCode', '单位代码'],
  ['agencyName', '单位名称'],
  ['agencyKind', '单位类型（COUNTY_GOVERNMENT 县人民政府、DEPARTMENT 县直部门、TOWNSHIP 乡镇）'],
  ['region', '所属地区'],
  ['revisionId', '公开版本编号（即报告页面地址中的编号）'],
  ['revisionNo', '第几次公开（2 起为更正版本）'],
  ['publishedAt', '公开时间（UTC，ISO 8601）'],
  ['key', '单元格代码，例如 t3.new.total（表三 本年新收申请 总计）'],
  ['label', '单元格名称'],
  ['value', '数值；空白表示报告未填写，不等于 0'],
];

export function openDataPage(site: string, years: number[]): string {
  const rows = years
    .map((y) => `<tr><th scope="row">${y}年度</th><td><a href="/download/open-data/${y}.csv">CSV（${y}）</a></td><td><a href="/download/open-data/${y}.json">JSON（${y}）</a></td><td><a href="${paths.statistics(y)}">统计数据（${y}）</a></td></tr>`)
    .join('');
  return page(
    { site, title: '开放数据', section: 'open-data', crumbs: [{ label: '首页', href: paths.home() }, { label: '开放数据' }] },
    `<h1 class="page-title">开放数据</h1>
<section class="panel" aria-labelledby="files-h"><h2 id="files-h">数据文件</h2>
<p>每份已公开报告（现行版本）的全部表格数字，一行为一个单位的一个单元格。CSV 为 UTF-8 编码（带 BOM，可直接用 Excel 打开）。</p>
${years.length ? `<div class="scroll" role="region" tabindex="0" aria-label="各年度数据文件"><table class="data"><thead><tr><th scope="col">年度</th><th scope="col">CSV</th><th scope="col">JSON</th><th scope="col">合计</th></tr></thead><tbody>${rows}</tbody></table></div>` : '<p>尚无已公开的数据。</p>'}
</section>
<section class="panel" aria-labelledby="fields-h"><h2 id="fields-h">字段说明</h2>
<div class="scroll" role="region" tabindex="0" aria-label="字段说明表"><table class="data"><thead><tr><th scope="col">字段</th><th scope="col">含义</th></tr></thead><tbody>${OPEN_DATA_FIELDS.map(([k, v]) => `<tr><th scope="row"><code>${k}</code></th><td>${esc(v)}</td></tr>`).join('')}</tbody></table></div>
<p>单元格代码是稳定的公开接口，不会改名；两种格式含义相同的单元格使用同一代码，可跨年度比较。</p>
</section>`,
  );
}

export function errorPage(site: string, title: string, message: string): string {
  return page({ site, title, section: null, crumbs: [{ label: '首页', href: paths.home() }, { label: title }] }, `<h1 class="page-title">${esc(title)}</h1><section class="panel"><p>${esc(message)}</p><p><a href="${paths.home()}">返回首页</a></p></section>`);
}
