/**
 * The read side of the workflow: the fields of Report a screen asks for (the buttons a user sees,
 * what keeps a report from publication, its deadline, its revisions and 整改 requests) and a single
 * published revision. Read through the request's batch loaders, so a list of reports costs one
 * query per kind of row, not per report.
 */
import { isCountyGovernment } from '@touming/domain/agencies';
import { deadlineStatus, reportDeadline, type DeadlineStatus } from '@touming/domain/deadlines';
import { availableActions, publicationBlockers, returnNotice, submissionWarnings, type Blocker, type SubmissionWarning, type WorkflowAction } from '@touming/domain/workflow';
import { authorize, requireUser, knowRegionOf } from '../../common/authorize';
import type { RequestContext } from '../../common/context';
import { Injectable } from '../../common/injectable';
import type { Report } from '../reports/report.entity';
import { ReportService } from '../reports/report.service';
import type { ReportRevision } from '../revisions/report-revision.entity';
import { findRevision } from '../revisions/revision.repository';
import { assertPublishedIntact } from '../revisions/integrity';
import { workflowActor } from './act';
import { workflowLoaders } from './loaders';
import type { RectificationRequest } from './rectification.entity';
import { assembleState, domainSignatures, publicationInput, type WorkflowState } from './workflow.state';

@Injectable()
export class WorkflowFieldsService {
  constructor(private readonly reportService: ReportService) {}

  /** the state through the request's loaders (batched across a list of reports) */
  async state(ctx: RequestContext, report: Report): Promise<WorkflowState> {
    const l = workflowLoaders(ctx);
    const [cycle, signatures, explanations, reviews, findings, revisions] = await Promise.all([
      l.cycleByYear.load(report.year),
      l.signatures.load(report.id),
      l.explanations.load(report.id),
      l.reviews.load(report.id),
      l.findings.load(report.id),
      l.revisions.load(report.id),
    ]);
    return assembleState(report, { cycle, signatures, explanations, reviews, findings, revisions });
  }

  async availableActions(ctx: RequestContext, report: Report): Promise<WorkflowAction[]> {
    if (!ctx.user) return [];
    // a county office placed in a region decides by the agency's region, as authorize() does
    await knowRegionOf(ctx, report.agencyId);
    const state = await this.state(ctx, report);
    return availableActions({
      status: report.status,
      actor: workflowActor(ctx),
      reportAgencyId: report.agencyId,
      requiresPreReview: state.requiresPreReview,
      signatures: domainSignatures(state.signatures),
      currentHash: report.contentHash,
      hasOpenRevision: false,
    });
  }

  /** the return the draft is still under (who, when, why), read from the signature it voided */
  async returned(ctx: RequestContext, report: Report): Promise<{ returnedByName: string; returnedAt: Date; comment: string } | null> {
    if (report.status !== 'DRAFT') return null;
    const l = workflowLoaders(ctx);
    const signatures = await l.signatures.load(report.id);
    const notice = returnNotice(
      report.status,
      signatures.map((s) => ({
        stage: s.stage,
        signerId: s.signerId,
        contentHash: s.contentHash,
        signedAt: new Date(s.signedAt).toISOString(),
        voidedAt: s.voidedAt ? new Date(s.voidedAt).toISOString() : null,
        voidedBy: s.voidedBy,
        voidReason: s.voidReason,
      })),
    );
    if (!notice) return null;
    const by = notice.returnedBy ? await l.users.load(notice.returnedBy) : null;
    return {
      returnedByName: by ? `${by.displayName}（${by.username}）` : '签署人',
      returnedAt: new Date(notice.returnedAt),
      comment: notice.comment,
    };
  }

  async publicationBlockers(ctx: RequestContext, report: Report): Promise<Blocker[]> {
    const state = await this.state(ctx, report);
    const validation = await this.reportService.validation(ctx, report);
    const blockers = publicationBlockers(publicationInput(report, state, validation, null));
    // the 更正说明 is given with publishReport itself: the content is not blocked for lack of it
    return blockers.filter((b) => b.code !== 'correction.noteMissing');
  }

  /** what the preparer is warned of at submission (the agency name in the title against the registered one) */
  async submissionWarnings(ctx: RequestContext, report: Report): Promise<SubmissionWarning[]> {
    const agency = await ctx.loaders.agency.load(report.agencyId);
    return agency ? submissionWarnings({ reportAgency: report.agencyName, registeredAgencyName: agency.name }) : [];
  }

  async deadline(ctx: RequestContext, report: Report): Promise<DeadlineStatus & { deadline: string }> {
    const [state, agency, revisions] = await Promise.all([this.state(ctx, report), ctx.loaders.agency.load(report.agencyId), workflowLoaders(ctx).revisions.load(report.id)]);
    const deadline = reportDeadline(report.year, state.deadline, isCountyGovernment(agency?.kind));
    const first = revisions[0];
    return { deadline, ...deadlineStatus({ deadline, publishedAt: first?.publishedAt ?? null, today: new Date() }) };
  }

  async revisions(ctx: RequestContext, report: Report): Promise<ReportRevision[]> {
    return workflowLoaders(ctx).revisions.load(report.id);
  }

  /** one published revision, current or superseded, for whoever may read its report */
  async revision(ctx: RequestContext, id: string): Promise<ReportRevision | null> {
    requireUser(ctx);
    const revision = await findRevision(ctx.manager, id);
    if (!revision) return null;
    await authorize(ctx, 'report.read', { agencyId: revision.agencyId, reportId: revision.reportId, targetType: 'ReportRevision', targetId: id });
    // what was published is served only as it was published (downloads of one's own revisions too)
    await assertPublishedIntact(ctx.manager, revision, ctx.requestId);
    return revision;
  }

  async openRectifications(ctx: RequestContext, report: Report): Promise<RectificationRequest[]> {
    return workflowLoaders(ctx).rectifications.load(report.id);
  }
}
