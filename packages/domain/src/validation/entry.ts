/**
 * Help for entering the tables, from the same rule plans the checks use: which blank totals can be
 * filled from their parts, and — when sums do not add up — which single cell is most likely the typo.
 */
import type { ReportContent } from '../report';
import { planFor, type FormatPlan } from './plan';
import { readCell, readCells, sumOf } from './results';

/**
 * The blank total cells that can be computed from their parts (the parts themselves filled or
 * computable): key → value. Totals the user entered are never replaced — a total that disagrees with
 * its parts is a finding, and which side is wrong only the user knows. Totals built from totals (表三
 * （七）总计 of 总计 from the column totals) are filled once their parts are.
 */
export function fillableTotals(report: ReportContent): Record<string, number> {
  const plan = planFor(report.format);
  const cells: Record<string, unknown> = { ...report.cells };
  const out: Record<string, number> = {};
  let changed = true;
  while (changed) {
    changed = false;
    for (const [key, parts] of plan.totals) {
      if (readCell(cells, key) !== null) continue;
      const reading = readCells(cells, parts);
      if (reading.blank || reading.invalid) continue;
      const value = sumOf(reading.values);
      cells[key] = value;
      out[key] = value;
      changed = true;
    }
  }
  return out;
}

/** a linear consistency rule: Σ coef·cell = 0, with the result id validateReport gives its failure */
interface Constraint {
  id: string;
  terms: [key: string, coef: number][];
}

function constraintsOf(plan: FormatPlan): Constraint[] {
  const out: Constraint[] = [];
  const sums = (ruleId: string, list: FormatPlan['t3RowTotals']) => {
    if (!plan.rules.has(ruleId)) return;
    for (const p of list) out.push({ id: `${ruleId}:${p.id}`, terms: [[p.totalKey, 1], ...p.partKeys.map((k): [string, number] => [k, -1])] });
  };
  sums('t3.rowTotal', plan.t3RowTotals);
  sums('t3.columnTotal', plan.t3ColumnTotals);
  sums('t4.blockTotal', plan.t4BlockTotals);
  if (plan.rules.has('t3.balance')) {
    for (const b of plan.t3Balances) {
      out.push({
        id: `t3.balance:${b.column}`,
        terms: [
          [b.newKey, 1],
          [b.carriedKey, 1],
          [b.totalKey, -1],
          [b.carryForwardKey, -1],
        ],
      });
    }
  }
  return out;
}

const constraintCache = new Map<string, Constraint[]>();

export interface SuspectCell {
  key: string;
  /** what the cell holds */
  current: number;
  /** the value that would make every rule in `fixes` hold */
  suggested: number;
  /** ids of the failing sum and balance results (as validateReport names them) this one change would fix */
  fixes: string[];
  /** rules that hold now and would break if the cell were changed */
  breaks: number;
}

/** edits between two short digit strings (Damerau–Levenshtein): 1 for a doubled, dropped, wrong or swapped digit */
function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * When the sums and balances of tables 3 and 4 fail, the cells most likely to hold the mistake, most
 * likely first. One wrong number fails every rule it takes part in, so a candidate scores by how many
 * failing rules one change of that cell would put right at once, less the rules that hold now and
 * that the change would break; among equals, the cell whose suggested value is one keystroke from what
 * is there (a doubled, dropped or swapped digit) comes first. Changes to a negative or, for counts, a
 * fractional number are no candidates. Empty when every sum holds (or none can be read).
 */
export function suspectCells(report: ReportContent): SuspectCell[] {
  const plan = planFor(report.format);
  let constraints = constraintCache.get(report.format);
  if (!constraints) constraintCache.set(report.format, (constraints = constraintsOf(plan)));
  const kinds = new Map(plan.cells.map((c) => [c.key, c.kind]));
  const order = new Map(plan.cells.map((c, i) => [c.key, i]));

  const residual = new Map<Constraint, number>();
  for (const c of constraints) {
    let r = 0;
    let readable = true;
    for (const [key, coef] of c.terms) {
      const v = readCell(report.cells, key);
      if (v === null || Number.isNaN(v)) {
        readable = false;
        break;
      }
      r += coef * v;
    }
    if (readable) residual.set(c, r);
  }
  const failing = [...residual].filter(([, r]) => !same(r, 0));
  if (!failing.length) return [];

  const byCell = new Map<string, { constraint: Constraint; coef: number }[]>();
  for (const c of residual.keys()) {
    for (const [key, coef] of c.terms) {
      const list = byCell.get(key) ?? [];
      list.push({ constraint: c, coef });
      byCell.set(key, list);
    }
  }

  const candidates = new Set(failing.flatMap(([c]) => c.terms.map(([k]) => k)));
  const out: (SuspectCell & { distance: number })[] = [];
  for (const key of candidates) {
    const current = readCell(report.cells, key) as number;
    const memberships = byCell.get(key) ?? [];
    // every failing rule the cell is in asks for one change d = -residual / coef; take the d most agree on
    const options: { d: number; fixes: string[] }[] = [];
    for (const { constraint, coef } of memberships) {
      const r = residual.get(constraint)!;
      if (same(r, 0)) continue;
      const d = -r / coef;
      const found = options.find((o) => same(o.d, d));
      if (found) found.fixes.push(constraint.id);
      else options.push({ d, fixes: [constraint.id] });
    }
    const breaks = memberships.filter(({ constraint }) => same(residual.get(constraint)!, 0)).length;
    for (const { d, fixes } of options) {
      const suggested = current + d;
      if (suggested < 0 || (kinds.get(key) === 'count' && !Number.isInteger(Math.round(suggested * 1e9) / 1e9))) continue;
      const value = Math.round(suggested * 1e6) / 1e6;
      out.push({ key, current, suggested: value, fixes, breaks, distance: typoDistance(String(current), String(value)) });
    }
  }
  out.sort(
    (a, b) =>
      b.fixes.length - b.breaks - (a.fixes.length - a.breaks) ||
      Number(a.distance > 1) - Number(b.distance > 1) ||
      (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0),
  );
  // one entry per cell: its best change
  const seen = new Set<string>();
  return out
    .filter((s) => (seen.has(s.key) ? false : (seen.add(s.key), true)))
    .map(({ distance: _distance, ...s }) => s);
}
