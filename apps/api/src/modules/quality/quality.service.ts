import { reportDeadline } from '@touming/domain/deadlines';
import { competitionRanks, qualityCheck, timelinessReasons, type QualityReason as DomainReason } from '@touming/domain/quality';
import { authorize } from '../../common/authorize';
import type { RequestContext } from '../../common/context';
import { findCycleOfYear } from '../cycles/cycle.repository';
import { CountyService } from '../county/county.service';
import { CountyScopeKind } from '../county/county.types';
import type { Agency } from '../agencies/agency.entity';
import { currentRevisions } from '../revisions/revision.repository';
import { explainedRulesOf } from '../workflow/workflow.repository';
import type { QualityRanking, QualityRankingItem, QualityReason } from './quality.types';
import { Injectable } from '../../common/injectable';

function toReason(r: DomainReason): QualityReason {
  return { id: r.id, points: r.points, message: r.message, cells: r.cells ?? [], section: r.section ?? null, notAssessable: r.notAssessable ?? false };
}

/**
 * The county's ranking of its agencies' published reports by the domain's qualityCheck, the agencies
 * taken a batch at a time: per batch two queries for the revisions with their content (this year's and
 * last year's, for the cross-year rules) and one for the warnings' written explanations. A county is one
 * batch, as before; a province's thousands of agencies never have every content in memory at once (about
 * 20 KB each once parsed, two years of them) nor their ids in one IN list. Equal scores share a rank
 * (1, 1, 3 …). Agencies that have not published are not ranked, and are on the follow-up list once the
 * deadline has passed.
 */
@Injectable()
export class QualityService {
  /** agencies scored per batch (a property so that a test can make the batches small) */
  batchSize = 500;

  constructor(private readonly countyService: CountyService) {}

  async ranking(ctx: RequestContext, year: number, regionId?: string | null, now: Date = new Date()): Promise<QualityRanking> {
    await authorize(ctx, 'county.summary', { targetType: 'QualityRanking' });
    // ranked are departments and townships (CountyScopeKind.ALL), never the county government itself
    const agencies = await this.countyService.agenciesOf(ctx.manager, { kind: CountyScopeKind.ALL }, await this.countyService.regionOf(ctx, regionId));
    const cycle = await findCycleOfYear(ctx.manager, year);
    const deadline = reportDeadline(year, cycle?.deadline, false);
    const items: QualityRankingItem[] = [];
    for (let start = 0; start < agencies.length; start += this.batchSize) {
      items.push(...(await this.scored(ctx, year, agencies.slice(start, start + this.batchSize), deadline, now)));
    }
    items.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.agencyName.localeCompare(b.agencyName, 'zh'));
    competitionRanks(items.map((i) => i.score)).forEach((rank, i) => (items[i].rank = rank));
    return { year, items, followUp: items.filter((i) => i.followUp) };
  }

  /** one batch of agencies with their scores and reasons (unranked) */
  private async scored(ctx: RequestContext, year: number, agencies: readonly Agency[], deadline: ReturnType<typeof reportDeadline>, now: Date): Promise<QualityRankingItem[]> {
    const selection = { agencyIds: agencies.map((a) => a.id) };
    const [revisions, previousRevisions] = await Promise.all([currentRevisions(ctx.manager, year, selection, true), currentRevisions(ctx.manager, year - 1, selection, true)]);
    const explained = await explainedRulesOf(ctx.manager, revisions.map((r) => r.reportId));
    const byAgency = new Map(revisions.map((r) => [r.agencyId, r]));
    const previousByAgency = new Map(previousRevisions.map((r) => [r.agencyId, r]));
    return agencies.map((agency) => {
      const revision = byAgency.get(agency.id);
      const base = { rank: null, agencyId: agency.id, agencyName: agency.name, kind: agency.kind };
      if (!revision) {
        const reasons = timelinessReasons({ deadline, publishedAt: null, today: now }).map(toReason);
        return { ...base, revisionId: null, score: null, followUp: reasons.length > 0, problemsSimilarity: null, reasons };
      }
      const result = qualityCheck({
        report: revision.content,
        previous: previousByAgency.get(agency.id)?.content ?? null,
        publishedAt: revision.publishedAt,
        deadline,
        today: now,
        explainedRuleIds: explained.get(revision.reportId) ?? [],
      });
      return {
        ...base,
        revisionId: revision.id,
        score: result.score,
        followUp: result.followUp,
        problemsSimilarity: result.problemsSimilarity,
        reasons: result.reasons.map(toReason),
      };
    });
  }
}
