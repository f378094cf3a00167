/**
 * The demo's imperfect reports (demo-data QUALITY_FLAWS): a generated, rule-consistent report changed
 * the way real ones go wrong, without breaking an error rule (the report was signed and published).
 * The validation then raises the matching warning, or the quality check its quality-only finding.
 */
import { T3_APPLICANT_COLUMNS } from '@touming/domain/formats';
import type { ReportContent } from '@touming/domain/report';
import type { QualityFlaw } from './demo-data';

const NEW_APPLICATIONS = /新收政府信息公开申请(\d+)件/;

function restateNewApplications(text: string, total: number): string {
  return NEW_APPLICATIONS.test(text) ? text.replace(NEW_APPLICATIONS, `新收政府信息公开申请${total}件`) : text;
}

export function applyFlaw(report: ReportContent, flaw: QualityFlaw | null, previous: ReportContent | null): ReportContent {
  if (!flaw) return report;
  const out: ReportContent = { ...report, cells: { ...report.cells }, sections: { ...report.sections } };
  const cells = out.cells;
  switch (flaw) {
    case 'copiedProblems': {
      // last year's section 五 with the years moved on: 年年雷同
      if (!previous?.sections?.problems) return report;
      const y = previous.year;
      out.sections.problems = previous.sections.problems.replaceAll(`${y + 1}年`, `${y + 2}年`).replaceAll(`${y}年`, `${y + 1}年`);
      return out;
    }
    case 'textMismatch': {
      // the overview states a draft's figure: three applications more than table 3 counts
      const total = cells['t3.new.total'] ?? 0;
      const overview = out.sections.overview ?? '';
      out.sections.overview = NEW_APPLICATIONS.test(overview)
        ? restateNewApplications(overview, total + 3)
        : `${overview}全年共收到政府信息公开申请${total + 3}件。`;
      return out;
    }
    case 'carryOverMismatch': {
      // two applications booked as carried over from last year that last year's report did not carry
      // forward (moved from 新收, so every 总计 still balances); the text follows the table
      const column = T3_APPLICANT_COLUMNS.find((c) => (cells[`t3.new.${c}`] ?? 0) >= 2);
      if (!column || !previous) return report;
      for (const [row, delta] of [['carried', 2], ['new', -2]] as const) {
        cells[`t3.${row}.${column}`] = (cells[`t3.${row}.${column}`] ?? 0) + delta;
        cells[`t3.${row}.total`] = (cells[`t3.${row}.total`] ?? 0) + delta;
      }
      out.sections.overview = restateNewApplications(out.sections.overview ?? '', cells['t3.new.total'] ?? 0).replace(
        /上年结转(\d+)件/,
        `上年结转${cells['t3.carried.total']}件`,
      );
      return out;
    }
    case 'thinOverview': {
      // an overview of one sentence
      const first = (out.sections.overview ?? '').split('。')[0];
      out.sections.overview = first ? `${first}。` : out.sections.overview;
      return out;
    }
  }
}
