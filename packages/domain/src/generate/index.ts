/**
 * Deterministic, realistic, rule-consistent reports for the demo seed, the benchmarks and the tests:
 * every error rule holds, carry-over from `previous` holds (so cross-year warnings stay silent), and the
 * narrative states the table's numbers.
 */
import { formatForYear, getFormat, T3_APPLICANT_COLUMNS, T4_PART_COLUMNS, t3ResultRowIds } from '../formats';
import type { FormatDefinition, FormatId } from '../formats';
import { emptyReport } from '../report';
import type { ReportContent } from '../report';
import { carryOver } from '../validation/cross-year';
import { planFor } from '../validation/plan';
import { THRESHOLDS } from '../validation/rules';
import { textSimilarity } from '../validation/text';
import { IMPROVEMENTS, ORDINALS, OTHER_PHRASES, OVERVIEW_ACTIVE, OVERVIEW_OPENINGS, OVERVIEW_PLATFORM, PROBLEMS } from './phrases';
import { hashString, Random } from './random';

export { mulberry32 } from './random';

export interface GenerateOptions {
  format: FormatId;
  year: number;
  agency: string;
  seed: number;
  /** last year's report of the same agency: carried-over cells follow it */
  previous?: ReportContent | null;
  /** size of the agency: ~0.2 a township, 1 an ordinary department, 5+ a big one */
  scale?: number;
}

/** mean new applications per applicant column at scale 1 */
const APPLICANT_MEANS: Record<string, number> = {
  natural: 8,
  commercial: 2,
  research: 0.2,
  nonprofit: 0.2,
  legal: 0.6,
  otherOrg: 0.6,
};

/** relative frequency of each non-其他处理 result row */
function resultWeight(row: string): number {
  if (row === 'granted') return 55;
  if (row === 'partial') return 10;
  if (row === 'unavailable.notHeld') return 12;
  if (row.startsWith('unavailable.')) return 3;
  return 1.5;
}

const isOtherRow = (row: string) => row === 'other' || row.startsWith('other.');

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
}

export function generateReport(options: GenerateOptions): ReportContent {
  const { format, year, agency, seed } = options;
  const previous = options.previous ?? null;
  const scale = options.scale ?? 1;
  const rng = new Random(hashString(`${seed}|${format}|${year}|${agency}`));
  const report = emptyReport(format, year, agency);
  const cells = report.cells;
  const carried = previous ? carryOver(previous, format) : {};

  generateTable3(rng, format, cells, carried, previous !== null, scale);
  generateTable4(rng, cells, scale);
  generateTable2(rng, getFormat(format), cells, previous, carried, scale);

  report.sections.overview = overviewText(rng, report, scale);
  report.sections.problems = problemsText(rng, year, previous?.sections?.problems ?? '');
  report.sections.other = otherText(rng, format, year);
  return report;
}

function generateTable3(
  rng: Random,
  format: FormatId,
  cells: Record<string, number | null>,
  carried: Record<string, number | null>,
  hasPrevious: boolean,
  scale: number,
) {
  const resultRows = t3ResultRowIds(getFormat(format).tables.find((t) => t.id === 't3')!);
  const otherRows = resultRows.filter(isOtherRow);
  const mainRows = resultRows.filter((r) => !isOtherRow(r));
  const weights = mainRows.map(resultWeight);
  const rowsWithTotal = ['new', 'carried', ...resultRows, 'total', 'carryForward'];
  for (const row of rowsWithTotal) cells[`t3.${row}.total`] = 0;

  for (const column of T3_APPLICANT_COLUMNS) {
    const fresh = rng.count(APPLICANT_MEANS[column] * scale);
    const fromLastYear = hasPrevious ? (carried[`t3.carried.${column}`] ?? 0) : rng.count(APPLICANT_MEANS[column] * scale * 0.08);
    const available = fresh + fromLastYear;
    const carryForward = available > 0 ? rng.int(0, Math.floor(available * 0.15)) : 0;
    const handled = available - carryForward;
    // 其他处理 stays at most a tenth of each column, so t3.otherHigh never fires on generated data
    const otherCount = rng.int(0, Math.floor(handled * 0.1));
    const others = rng.split(otherCount, otherRows.map(() => 1));
    const mains = rng.split(handled - otherCount, weights);

    const set = (row: string, value: number) => {
      cells[`t3.${row}.${column}`] = value;
      cells[`t3.${row}.total`] = (cells[`t3.${row}.total`] as number) + value;
    };
    set('new', fresh);
    set('carried', fromLastYear);
    mainRows.forEach((row, i) => set(row, mains[i]));
    otherRows.forEach((row, i) => set(row, others[i]));
    set('total', handled);
    set('carryForward', carryForward);
  }
}

const T4_BLOCKS: Array<[string, number]> = [
  ['reconsideration', 0.25],
  ['litigationDirect', 0.1],
  ['litigationAfterReconsideration', 0.06],
];

function generateTable4(rng: Random, cells: Record<string, number | null>, scale: number) {
  for (const [block, mean] of T4_BLOCKS) {
    let total = 0;
    for (const column of T4_PART_COLUMNS) {
      const v = rng.count(mean * scale);
      cells[`t4.${block}.${column}`] = v;
      total += v;
    }
    cells[`t4.${block}.total`] = total;
  }
}

/** an amount in 万元 with up to 4 decimals, made from whole 元 so it is exact */
function amountInWan(rng: Random, maxYuan: number): number {
  return rng.int(1000, Math.max(1000, Math.round(maxYuan))) / 10000;
}

/**
 * Table 2 by the format's own demo hook, or — for a format without one — every cell a small plausible
 * number, carried-over cells from last year's report and 现行有效件数 continuing last year's.
 */
function generateTable2(
  rng: Random,
  format: FormatDefinition,
  cells: Record<string, number | null>,
  previous: ReportContent | null,
  carried: Record<string, number | null>,
  scale: number,
) {
  const lastYear = previous && Object.prototype.hasOwnProperty.call(format.carryOver, previous.format) ? previous : null;
  const amount = (maxYuan: number) => amountInWan(rng, maxYuan);
  if (format.demo?.table2) {
    format.demo.table2({ rng, cells, lastYear, carried, scale, amountInWan: amount });
    return;
  }
  for (const cell of format.cells) {
    if (cell.table !== 't2') continue;
    const fromLast = lastYear ? carried[cell.key] : undefined;
    if (fromLast !== undefined && fromLast !== null) cells[cell.key] = fromLast;
    else if (cell.kind === 'amount') cells[cell.key] = rng.chance(0.3) ? 0 : amount(200000 * scale);
    else if (cell.kind === 'change') cells[cell.key] = rng.int(0, 3);
    else cells[cell.key] = rng.count(3 * scale);
  }
  for (const { row } of planFor(format.id).t2InForceRows) {
    const before = lastYear?.cells[`t2.${row}.inForce`] ?? rng.count(10 * scale);
    const repealed = Math.min(cells[`t2.${row}.repealed`] as number, before + (cells[`t2.${row}.issued`] as number));
    cells[`t2.${row}.repealed`] = repealed;
    cells[`t2.${row}.inForce`] = before + (cells[`t2.${row}.issued`] as number) - repealed;
  }
}

function overviewText(rng: Random, report: ReportContent, scale: number): string {
  const c = report.cells;
  const values = { year: report.year, agency: report.agency, items: 50 + rng.count(200 * scale) };
  const parts = [fill(rng.pick(OVERVIEW_OPENINGS), values), fill(rng.pick(OVERVIEW_ACTIVE), values)];
  const fresh = c['t3.new.total'] as number;
  const fromLast = c['t3.carried.total'] as number;
  if (fresh > 0) {
    parts.push(
      `依申请公开方面，本年度新收政府信息公开申请${fresh}件，上年结转${fromLast}件，均在法定期限内依法办理答复，结转下年度继续办理${c['t3.carryForward.total']}件。`,
    );
  } else {
    parts.push(`依申请公开方面，本年度未收到政府信息公开申请${fromLast > 0 ? `，上年结转的${fromLast}件已依法办理` : ''}。`);
  }
  const reconsideration = c['t4.reconsideration.total'] as number;
  const litigation = (c['t4.litigationDirect.total'] as number) + (c['t4.litigationAfterReconsideration.total'] as number);
  if (reconsideration === 0 && litigation === 0) {
    parts.push('全年未发生因政府信息公开引起的行政复议、行政诉讼。');
  } else {
    parts.push(`全年因政府信息公开引起行政复议${reconsideration}件、行政诉讼${litigation}件，均已依法应诉处理。`);
  }
  parts.push(...rng.sample(OVERVIEW_PLATFORM, 2));
  return parts.join('');
}

function problemsText(rng: Random, year: number, lastYear: string): string {
  let text = '';
  // redraw until the section is not a near copy of last year's (the format forbids 年年雷同)
  for (let attempt = 0; attempt < 50; attempt++) {
    const problems = rng.sample(PROBLEMS, 2);
    const improvements = rng.sample(IMPROVEMENTS, 3);
    text =
      `${year}年，我单位政府信息公开工作取得了一定成效，但仍存在一些问题：${problems.map((p, i) => `${ORDINALS[i]}${p}`).join('；')}。` +
      `${year + 1}年，我们将重点做好以下工作：${improvements.map((p, i) => `${ORDINALS[i]}${p}`).join('；')}。`;
    if (!lastYear.trim() || textSimilarity(text, lastYear) < THRESHOLDS.similarityMax - 0.1) break;
  }
  return text;
}

/** section 六: the 信息处理费 where the format's rules ask for it, else a stock sentence; the notice when in force */
function otherText(rng: Random, format: FormatId, year: number): string {
  const notice = formatForYear(year).id === format ? `本报告按照${getFormat(format).notice}规定的格式编制。` : '';
  if (!getFormat(format).rules.includes('s6.processingFee')) return fill(rng.pick(OTHER_PHRASES), { year }) + notice;
  const fee = rng.chance(0.8)
    ? '本年度未收取信息处理费。'
    : `本年度依照《政府信息公开信息处理费管理办法》收取信息处理费${rng.int(1, 20) * 10}元。`;
  return `${fee}${notice}`;
}
