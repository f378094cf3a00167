/**
 * Publication and what follows it: publishing a signed and cleared revision (frozen as a
 * ReportRevision with its cells), the county office's 整改 request, and a correction (更正) that makes
 * the published report the draft of its next revision. Every act runs through ./act.ts.
 */
import type { ReportContent } from '@touming/domain/report';
import {
  checkPublish,
  checkRequestRectification,
  checkStartCorrection,
  isContentEditable,
  isCorrection,
  signaturesVoidedByReturn,
  validSignatures,
  workingRevisionNo,
} from '@touming/domain/workflow';
import type { RequestContext } from '../../common/context';
import { Injectable } from '../../common/injectable';
import { newId } from '../../db/columns';
import { ConfidentialityService } from '../confidentiality/confidentiality.service';
import type { Report } from '../reports/report.entity';
import { insertCurrentRevision, newRevision } from '../revisions/revision.repository';
import { runAct } from './act';
import { RectificationRequest } from './rectification.entity';
import { pick, voidReviews, voidSignatures } from './voiding';
import { insertRectification, rectificationsOf, resolveRectification } from './workflow.repository';
import { domainSignatures, loadValidation, publicationInput, revisionHistory } from './workflow.state';

@Injectable()
export class PublicationService {
  constructor(private readonly confidentiality: ConfidentialityService) {}

  /**
   * Publish: three valid signatures and a cleared review on the current hash, no validation error,
   * every warning explained. Freezes the content as a new ReportRevision with all its cells; the
   * earlier revision stays retrievable but is no longer current. Open 整改 requests are resolved by it.
   */
  publish(ctx: RequestContext, id: string, correctionNote?: string | null): Promise<Report> {
    let content: ReportContent;
    return runAct(ctx, id, {
      attempted: 'report.publish',
      state: ['cycle', 'signatures', 'explanations', 'reviews', 'findings', 'revisions'],
      // findings must be of exactly this content (a report created by import was never scanned)
      prepare: async (tx, report) => {
        if (isContentEditable(report.status)) await this.confidentiality.rescan(tx, report);
      },
      check: async ({ tx, report, state, actor }) => {
        const loaded = await loadValidation(tx.manager, report);
        content = loaded.content;
        return checkPublish({ ...publicationInput(report, state, loaded.validation, correctionNote), actor, reportAgencyId: report.agencyId });
      },
      write: async ({ tx, report, from, state, actor, at }, to) => {
        const revision = newRevision(report, content, {
          revisionNo: workingRevisionNo(revisionHistory(state)),
          correctionNote: isCorrection(revisionHistory(state)) ? correctionNote!.trim() : null,
          publishedAt: at,
          publishedById: actor.id,
        });
        await insertCurrentRevision(tx.manager, revision);
        const open = (await rectificationsOf(tx.manager, id)).filter((r) => !r.resolvedAt);
        for (const r of open) await resolveRectification(tx.manager, r.id, at, revision.id);
        const detail = {
          from,
          to,
          revisionNo: revision.revisionNo,
          contentHash: revision.contentHash,
          hashAlgorithm: revision.hashAlgorithm,
          correctionNote: revision.correctionNote,
          signatures: validSignatures(domainSignatures(state.signatures), report.contentHash).map((s) => ({ stage: s.stage, signerId: s.signerId })),
          reviewId: state.review?.id ?? null,
          resolvedRectifications: open.map((r) => r.id),
        };
        return { result: report, audit: [{ action: 'report.publish', targetType: 'ReportRevision', targetId: revision.id, agencyId: report.agencyId, reportId: id, detail }] };
      },
    });
  }

  /** the county office asks for 整改 of a published report (it stays published until corrected) */
  requestRectification(ctx: RequestContext, id: string, comment: string): Promise<RectificationRequest> {
    return runAct(ctx, id, {
      attempted: 'report.requestRectification',
      state: [],
      check: ({ report, actor }) => checkRequestRectification({ status: report.status, actor, reportAgencyId: report.agencyId, comment }),
      write: async ({ tx, report, actor, at }) => {
        const request = Object.assign(new RectificationRequest(), {
          id: newId(),
          reportId: id,
          agencyId: report.agencyId,
          comment: comment.trim(),
          requestedById: actor.id,
          requestedAt: at,
          resolvedRevisionId: null,
          resolvedAt: null,
        });
        await insertRectification(tx.manager, request);
        const detail = { comment: request.comment, contentHash: report.contentHash };
        return {
          result: request,
          audit: [{ action: 'report.requestRectification', targetType: 'RectificationRequest', targetId: request.id, agencyId: report.agencyId, reportId: id, detail }],
        };
      },
    });
  }

  /**
   * A correction: the published report becomes the DRAFT of the next revision. The published
   * revision is untouched; the last round's signatures and review are voided so the new revision is
   * signed and reviewed afresh.
   */
  startCorrection(ctx: RequestContext, id: string): Promise<Report> {
    return runAct(ctx, id, {
      attempted: 'report.startCorrection',
      state: ['signatures', 'revisions'],
      check: ({ report, actor }) => checkStartCorrection({ status: report.status, actor, reportAgencyId: report.agencyId, hasOpenRevision: false }),
      write: async ({ tx, report, from, state, at }, to) => {
        const nextNo = workingRevisionNo(revisionHistory(state)) + 1;
        const reason = `发起更正（第${nextNo}版）`;
        const voided = await voidSignatures(tx, report, pick(state.signatures, signaturesVoidedByReturn(domainSignatures(state.signatures))), reason, at);
        const reviews = await voidReviews(tx, report, null, reason, at);
        const detail = { from, to, revisionNo: nextNo };
        return {
          result: report,
          audit: [{ action: 'report.startCorrection', targetType: 'Report', targetId: id, agencyId: report.agencyId, reportId: id, detail }, ...voided, ...reviews],
        };
      },
    });
  }
}
