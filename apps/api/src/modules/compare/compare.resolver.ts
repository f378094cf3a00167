import { UNUSUAL_LABELS, type ReportComparison as DomainComparison } from '@touming/domain/compare';
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ruleResult } from '../reports/report.resolver';
import { rankComparisons, type ComparisonBatchItemRow } from './comparison-batch';
import { CompareService, type ComparedSide } from './compare.service';
import { ComparisonBatch, ComparisonBatchItem, ReportComparison } from './compare.types';

function side(s: ComparedSide) {
  return { id: s.id, kind: s.kind, reportId: s.reportId, revisionNo: s.revisionNo, agency: s.content.agency, year: s.content.year, format: s.content.format };
}

function comparisonOut(before: ComparedSide, after: ComparedSide, c: DomainComparison): ReportComparison {
  return {
    before: side(before),
    after: side(after),
    sameFormat: c.sameFormat,
    summary: c.summary.lines,
    sections: c.sections.map((s) => ({
      key: s.key,
      title: s.title,
      similarity: s.similarity,
      paragraphs: s.paragraphs.map((p) => ({ change: p.change, before: p.before ?? null, after: p.after ?? null, similarity: p.similarity ?? null })),
      copied: s.copied,
      copiedShare: s.copiedShare,
    })),
    changedCells: c.changedCells.map((x) => ({ ...x, unusualLabel: x.unusual ? UNUSUAL_LABELS[x.unusual] : null })),
    unchangedCells: c.unchangedCells,
    notComparable: c.notComparable,
    carryOverApplicable: c.carryOver.applicable,
    carryOverNote: c.carryOver.reason ?? null,
    carryOverFailures: c.carryOver.failed.map(ruleResult),
    narrativeNumbers: c.narrativeNumbers.map(ruleResult),
    promises: c.promises,
  };
}

export function batchItemOut(row: ComparisonBatchItemRow): ComparisonBatchItem {
  const c = row.comparison;
  const problems = c?.sections.find((s) => s.key === 'problems');
  return {
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    revisionId: row.revisionId,
    previousRevisionId: row.previousRevisionId,
    note: row.note,
    concernScore: row.concern?.score ?? null,
    copiedProblems: row.concern?.copied ?? false,
    problemsSimilarity: problems?.similarity ?? null,
    unusualCells: c?.summary.unusualCount ?? 0,
    carryOverFailures: c?.summary.carryOverFailures ?? 0,
    narrativeDisagreements: c?.summary.narrativeDisagreements ?? 0,
    promisesNotReported: c?.summary.promisesNotReported ?? 0,
    reasons: row.concern?.reasons ?? [],
  };
}

@Resolver()
export class CompareResolver {
  constructor(private readonly compareService: CompareService) {}

  @Authorized()
  @Query(() => ReportComparison, {
    description: '比对报告：同一单位的两份报告（报告编号或公开版本编号）；不指定 before 时与该单位上一年度的报告比对',
    complexity: 30,
  })
  async reportComparison(
    @Ctx() ctx: RequestContext,
    @Arg('after', () => ID, { description: '比对后（通常为本年度）的报告编号或公开版本编号' }) after: string,
    @Arg('before', () => ID, { nullable: true, description: '比对前（通常为上年度）的报告编号或公开版本编号' }) before?: string | null,
  ): Promise<ReportComparison> {
    const r = await this.compareService.compare(ctx, after, before);
    return comparisonOut(r.before, r.after, r.comparison);
  }

  @Authorized()
  @Query(() => ComparisonBatch, {
    description: '批量比对（县政务公开办）：各单位本年度与上年度已公开报告的比对，按单位名称分批取，每批按值得关注的程度排序',
    complexity: 50,
  })
  async comparisonBatch(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
  ): Promise<ComparisonBatch> {
    const { totalAgencies, items } = await this.compareService.batch(ctx, year, offset, limit);
    return { totalAgencies, offset, items: rankComparisons(items).map(batchItemOut) };
  }
}
