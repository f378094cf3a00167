import { cellKeys, type FormatId } from '@touming/domain/formats';
import { deadlineStatus, reportDeadline, type DeadlineStatus } from '@touming/domain/deadlines';
import type { ReportContent } from '@touming/domain/report';
import {
  actionForStage,
  availableActions,
  canExplainWarnings,
  checkPublish,
  checkRequestRectification,
  checkReturn,
  checkSign,
  checkStartCorrection,
  publicationBlockers,
  SIGNED_STATUSES,
  signaturesToVoid,
  signaturesVoidedByReturn,
  SIGNATURE_STAGE_LABELS,
  validSignatures,
  type Blocker,
  type ReportStatus,
  type SignatureStage,
  type WorkflowAction,
} from '@touming/domain/workflow';
import { authorize, requireUser } from '../../common/authorize';
import { actorOf, type RequestContext } from '../../common/context';
import { badInput, conflict, notFound } from '../../common/errors';
import { newId } from '../../db/columns';
import { withTransaction } from '../../db/transaction';
import { appendAudit, type AuditRecord } from '../audit/audit.service';
import { ConfidentialityReview } from '../confidentiality/confidentiality-review.entity';
import { ConfidentialityService } from '../confidentiality/confidentiality.service';
import type { CellChange, SectionChange } from '../reports/report.repository';
import { insertRows } from '../reports/report.repository';
import { Report } from '../reports/report.entity';
import { ReportService } from '../reports/report.service';
import { PublishedCell } from '../revisions/published-cell.entity';
import { ReportRevision } from '../revisions/report-revision.entity';
import { forgetReport, workflowLoaders } from './loaders';
import { lockReport } from './report-lock';
import { RectificationRequest } from './rectification.entity';
import { refusal } from './refusal';
import { separationRules } from './separation-rules';
import { Signature } from './signature.entity';
import { WarningExplanation } from './warning-explanation.entity';
import {
  assembleState,
  domainFindings,
  domainReview,
  domainSignatures,
  isCorrection,
  loadValidation,
  loadWorkflowState,
  workingRevisionNo,
  type WorkflowState,
} from './workflow.state';
import { Injectable } from '../../common/injectable';

function actorName(ctx: RequestContext): string {
  const user = requireUser(ctx);
  return `${user.displayName}（${user.username}）`;
}

function workflowActor(ctx: RequestContext) {
  const user = requireUser(ctx);
  return { ...actorOf(ctx)!, id: user.id };
}

/** the stored signatures a domain rule picked (the rules work on the domain's shape) */
function pick(signatures: Signature[], chosen: { id: string }[]): Signature[] {
  const ids = new Set(chosen.map((c) => c.id));
  return signatures.filter((s) => ids.has(s.id));
}

async function setStatus(tx: RequestContext, report: Report, status: ReportStatus, at: Date): Promise<void> {
  await tx.manager.update(Report, { id: report.id }, { status, updatedAt: at });
  report.status = status;
  report.updatedAt = at;
}

/** mark signatures voided (kept, visibly) and return one 'signature.voided' audit record each */
async function voidSignatures(tx: RequestContext, report: Report, list: Signature[], reason: string, at: Date, newHash?: string): Promise<AuditRecord[]> {
  const user = requireUser(tx);
  const records: AuditRecord[] = [];
  for (const s of list) {
    await tx.manager.update(Signature, { id: s.id }, { voidedAt: at, voidedBy: user.id, voidReason: reason });
    Object.assign(s, { voidedAt: at, voidedBy: user.id, voidReason: reason });
    records.push({
      action: 'signature.voided',
      targetType: 'Signature',
      targetId: s.id,
      agencyId: report.agencyId,
      reportId: report.id,
      detail: {
        stage: s.stage,
        stageLabel: SIGNATURE_STAGE_LABELS[s.stage],
        signerId: s.signerId,
        signerName: s.signerName,
        signedHash: s.contentHash,
        ...(newHash ? { newHash } : {}),
        reason,
      },
    });
  }
  return records;
}

/** void the standing reviews of other content than `keepHash` (all of them when null) */
async function voidReviews(tx: RequestContext, report: Report, keepHash: string | null, reason: string, at: Date): Promise<AuditRecord[]> {
  const standing = await tx.manager.find(ConfidentialityReview, { where: { reportId: report.id } });
  const records: AuditRecord[] = [];
  for (const r of standing) {
    if (r.voidedAt || r.contentHash === keepHash) continue;
    await tx.manager.update(ConfidentialityReview, { id: r.id }, { voidedAt: at });
    records.push({
      action: 'confidentiality.review.voided',
      targetType: 'ConfidentialityReview',
      targetId: r.id,
      agencyId: report.agencyId,
      reportId: report.id,
      detail: { reviewedHash: r.contentHash, reviewerId: r.reviewerId, reviewerName: r.reviewerName, reason },
    });
  }
  return records;
}

@Injectable()
export class WorkflowService {
  constructor(
    private readonly reportService: ReportService,
    private readonly confidentiality: ConfidentialityService,
  ) {}

  // ---- acts ------------------------------------------------------------------------------------

  /** a signature of one stage (PREPARE = submission), on exactly the content the signer saw */
  async sign(ctx: RequestContext, id: string, stage: SignatureStage, contentHash: string, comment?: string | null): Promise<Report> {
    // read access is checked on the locked row (no separate read before the transaction); a denial
    // is recorded after the rollback. A signature decides on neither the review nor the findings,
    // and on the warnings' explanations only at submission (PREPARE).
    const result = await withTransaction(ctx, async (tx) => {
      const locked = await lockReport(tx, id);
      await authorize(tx, 'report.read', { agencyId: locked.agencyId, reportId: id, targetType: 'Report', targetId: id });
      // at submission the review of the content counts too: its reviewer may not also submit it
      const state = await loadWorkflowState(tx.manager, locked, { reviews: stage === 'PREPARE', findings: false, explanations: stage === 'PREPARE' });
      const actor = workflowActor(tx);
      const validation = stage === 'PREPARE' ? (await loadValidation(tx.manager, locked)).validation : undefined;
      const check = checkSign({
        status: locked.status,
        stage,
        actor,
        reportAgencyId: locked.agencyId,
        currentHash: locked.contentHash,
        sentHash: contentHash,
        signatures: domainSignatures(state.signatures),
        requiresPreReview: state.requiresPreReview,
        validation,
        explanations: state.explanations,
        review: domainReview(state.review),
        rules: separationRules(),
      });
      const act = actionForStage(stage);
      if (!check.ok) return refusal(tx, check, { attempted: `report.${act}`, agencyId: locked.agencyId, reportId: id });
      const at = new Date();
      const signature = tx.manager.create(Signature, {
        id: newId(),
        reportId: id,
        revision: workingRevisionNo(state),
        stage,
        signerId: actor.id,
        signerName: actorName(tx),
        contentHash: locked.contentHash,
        comment: comment?.trim() || null,
        signedAt: at,
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      });
      await tx.manager.insert(Signature, signature);
      const from = locked.status;
      await setStatus(tx, locked, check.nextStatus, at);
      await appendAudit(tx, {
        action: `report.${act}`,
        targetType: 'Signature',
        targetId: signature.id,
        agencyId: locked.agencyId,
        reportId: id,
        detail: { stage, from, to: check.nextStatus, contentHash: locked.contentHash, revision: signature.revision, comment: signature.comment },
      });
      return locked;
    });
    forgetReport(ctx, id);
    return result;
  }

  /** a signer returns the report to DRAFT with a comment; every standing signature is voided */
  async returnReport(ctx: RequestContext, id: string, comment: string): Promise<Report> {
    await this.readable(ctx, id);
    const result = await withTransaction(ctx, async (tx) => {
      const locked = await lockReport(tx, id);
      const state = await loadWorkflowState(tx.manager, locked);
      const check = checkReturn({ status: locked.status, actor: workflowActor(tx), reportAgencyId: locked.agencyId, comment, requiresPreReview: state.requiresPreReview });
      if (!check.ok) return refusal(tx, check, { attempted: 'report.return', agencyId: locked.agencyId, reportId: id });
      const at = new Date();
      const from = locked.status;
      const voided = await voidSignatures(tx, locked, pick(state.signatures, signaturesVoidedByReturn(domainSignatures(state.signatures))), `退回：${comment.trim()}`, at);
      await setStatus(tx, locked, check.nextStatus, at);
      await appendAudit(tx, [
        { action: 'report.return', targetType: 'Report', targetId: id, agencyId: locked.agencyId, reportId: id, detail: { from, to: check.nextStatus, comment: comment.trim(), contentHash: locked.contentHash } },
        ...voided,
      ]);
      return locked;
    });
    forgetReport(ctx, id);
    return result;
  }

  /**
   * Publish: three valid signatures and a cleared review on the current hash, no validation error,
   * every warning explained. Freezes the content as a new ReportRevision with all its cells; the
   * earlier revision stays retrievable but is no longer current.
   */
  async publish(ctx: RequestContext, id: string, correctionNote?: string | null): Promise<Report> {
    await this.readable(ctx, id);
    const result = await withTransaction(ctx, async (tx) => {
      const locked = await lockReport(tx, id);
      // findings must be of exactly this content (a report created by import was never scanned)
      if (locked.status !== 'PUBLISHED') await this.confidentiality.rescan(tx, locked);
      const state = await loadWorkflowState(tx.manager, locked);
      const { content, validation } = await loadValidation(tx.manager, locked);
      const correction = isCorrection(state);
      const check = checkPublish({
        status: locked.status,
        actor: workflowActor(tx),
        reportAgencyId: locked.agencyId,
        validation,
        explanations: state.explanations,
        signatures: domainSignatures(state.signatures),
        currentHash: locked.contentHash,
        requiresPreReview: state.requiresPreReview,
        review: domainReview(state.review),
        findings: domainFindings(state.findings),
        isCorrection: correction,
        correctionNote,
        rules: separationRules(),
      });
      if (!check.ok) return refusal(tx, check, { attempted: 'report.publish', agencyId: locked.agencyId, reportId: id });
      const at = new Date();
      const from = locked.status;
      const revision = await this.freeze(tx, locked, content, workingRevisionNo(state), correction ? correctionNote!.trim() : null, at);
      const resolved = await tx.manager.find(RectificationRequest, { where: { reportId: id } });
      const open = resolved.filter((r) => !r.resolvedAt);
      for (const r of open) await tx.manager.update(RectificationRequest, { id: r.id }, { resolvedAt: at, resolvedRevisionId: revision.id });
      await setStatus(tx, locked, check.nextStatus, at);
      await appendAudit(tx, {
        action: 'report.publish',
        targetType: 'ReportRevision',
        targetId: revision.id,
        agencyId: locked.agencyId,
        reportId: id,
        detail: {
          from,
          to: check.nextStatus,
          revisionNo: revision.revisionNo,
          contentHash: revision.contentHash,
          correctionNote: revision.correctionNote,
          signatures: validSignatures(domainSignatures(state.signatures), locked.contentHash).map((s) => ({ stage: s.stage, signerId: s.signerId })),
          reviewId: state.review?.id ?? null,
          resolvedRectifications: open.map((r) => r.id),
        },
      });
      return locked;
    });
    forgetReport(ctx, id);
    return result;
  }

  /** write the immutable revision and its cells; earlier revisions stop being current */
  private async freeze(tx: RequestContext, report: Report, content: ReportContent, revisionNo: number, correctionNote: string | null, at: Date): Promise<ReportRevision> {
    await tx.manager.update(ReportRevision, { reportId: report.id, isCurrent: true }, { isCurrent: false });
    const revision = tx.manager.create(ReportRevision, {
      id: newId(),
      reportId: report.id,
      agencyId: report.agencyId,
      year: report.year,
      format: report.format,
      revisionNo,
      contentHash: report.contentHash,
      content,
      correctionNote,
      publishedAt: at,
      publishedById: requireUser(tx).id,
      isCurrent: true,
    });
    await tx.manager.insert(ReportRevision, revision);
    const cells = cellKeys(report.format as FormatId).map((key) =>
      Object.assign(new PublishedCell(), { revisionId: revision.id, key, agencyId: report.agencyId, year: report.year, format: report.format, value: content.cells[key] ?? null }),
    );
    await insertRows(tx.manager, PublishedCell, cells);
    return revision;
  }

  /** the county office asks for 整改 of a published report (it stays published until corrected) */
  async requestRectification(ctx: RequestContext, id: string, comment: string): Promise<RectificationRequest> {
    await this.readable(ctx, id);
    return withTransaction(ctx, async (tx) => {
      const locked = await lockReport(tx, id);
      const check = checkRequestRectification({ status: locked.status, actor: workflowActor(tx), reportAgencyId: locked.agencyId, comment });
      if (!check.ok) return refusal(tx, check, { attempted: 'report.requestRectification', agencyId: locked.agencyId, reportId: id });
      const request = tx.manager.create(RectificationRequest, {
        id: newId(),
        reportId: id,
        agencyId: locked.agencyId,
        comment: comment.trim(),
        requestedById: requireUser(tx).id,
        requestedAt: new Date(),
        resolvedRevisionId: null,
        resolvedAt: null,
      });
      await tx.manager.insert(RectificationRequest, request);
      await appendAudit(tx, {
        action: 'report.requestRectification',
        targetType: 'RectificationRequest',
        targetId: request.id,
        agencyId: locked.agencyId,
        reportId: id,
        detail: { comment: request.comment, contentHash: locked.contentHash },
      });
      forgetReport(ctx, id);
      return request;
    });
  }

  /**
   * A correction: the published report becomes the DRAFT of the next revision. The published
   * revision is untouched; the last round's signatures and review are voided so the new revision is
   * signed and reviewed afresh.
   */
  async startCorrection(ctx: RequestContext, id: string): Promise<Report> {
    await this.readable(ctx, id);
    const result = await withTransaction(ctx, async (tx) => {
      const locked = await lockReport(tx, id);
      const state = await loadWorkflowState(tx.manager, locked);
      const check = checkStartCorrection({ status: locked.status, actor: workflowActor(tx), reportAgencyId: locked.agencyId, hasOpenRevision: false });
      if (!check.ok) return refusal(tx, check, { attempted: 'report.startCorrection', agencyId: locked.agencyId, reportId: id });
      const at = new Date();
      const nextNo = workingRevisionNo(state) + 1;
      const reason = `发起更正（第${nextNo}版）`;
      const voided = await voidSignatures(tx, locked, pick(state.signatures, signaturesVoidedByReturn(domainSignatures(state.signatures))), reason, at);
      const reviews = await voidReviews(tx, locked, null, reason, at);
      await setStatus(tx, locked, check.nextStatus, at);
      await appendAudit(tx, [
        { action: 'report.startCorrection', targetType: 'Report', targetId: id, agencyId: locked.agencyId, reportId: id, detail: { from: 'PUBLISHED', to: check.nextStatus, revisionNo: nextNo } },
        ...voided,
        ...reviews,
      ]);
      return locked;
    });
    forgetReport(ctx, id);
    return result;
  }

  /** the written 说明 of a validation warning; required before submission */
  async explainWarning(ctx: RequestContext, id: string, ruleId: string, text: string): Promise<Report> {
    const report = await this.readable(ctx, id);
    await authorize(ctx, 'report.explainWarning', { agencyId: report.agencyId, reportId: id, targetType: 'Report', targetId: id });
    if (!text?.trim()) throw badInput('说明内容不能为空', { field: 'text' });
    if (text.length > 5000) throw badInput('说明内容不能超过 5000 字', { field: 'text' });
    const result = await withTransaction(ctx, async (tx) => {
      const locked = await lockReport(tx, id);
      if (!canExplainWarnings(locked.status)) throw conflict('只能在草稿状态下说明校验提示（提交后如需修改，请先退回）');
      const { validation } = await loadValidation(tx.manager, locked);
      if (!validation.warnings.some((w) => w.ruleId === ruleId)) throw badInput(`当前报告没有规则 ${ruleId} 的校验提示`, { field: 'ruleId' });
      const before = await tx.manager.findOne(WarningExplanation, { where: { reportId: id, ruleId } });
      const row = { reportId: id, ruleId, text: text.trim(), explainedById: requireUser(tx).id, explainedAt: new Date() };
      if (before) await tx.manager.update(WarningExplanation, { reportId: id, ruleId }, row);
      else await tx.manager.insert(WarningExplanation, row);
      await appendAudit(tx, {
        action: 'report.explainWarning',
        targetType: 'Report',
        targetId: id,
        agencyId: locked.agencyId,
        reportId: id,
        detail: { ruleId, before: before?.text ?? null, after: row.text },
      });
      return locked;
    });
    forgetReport(ctx, id);
    return result;
  }

  /**
   * The reports service's content-change hook (same transaction as the edit): signatures on other
   * content are voided, a signed report goes back to DRAFT, the review of the old content is voided —
   * each on the trail with who and why.
   */
  async onContentChange(
    tx: RequestContext,
    report: Report,
    change: { cells: CellChange[]; sections: SectionChange[] },
  ): Promise<void> {
    if (change.cells.length === 0 && change.sections.length === 0) return;
    const at = new Date();
    const signatures = await tx.manager.find(Signature, { where: { reportId: report.id } });
    const reason = `签署后报告内容被${actorName(tx)}修改`;
    const records = await voidSignatures(tx, report, pick(signatures, signaturesToVoid(domainSignatures(signatures), report.contentHash)), reason, at, report.contentHash);
    records.push(...(await voidReviews(tx, report, report.contentHash, '审查后报告内容被修改', at)));
    if (SIGNED_STATUSES.includes(report.status)) {
      const from = report.status;
      await setStatus(tx, report, 'DRAFT', at);
      records.unshift({ action: 'report.status', targetType: 'Report', targetId: report.id, agencyId: report.agencyId, reportId: report.id, detail: { from, to: 'DRAFT', reason } });
    }
    await appendAudit(tx, records);
    forgetReport(tx, report.id);
  }

  // ---- reads -----------------------------------------------------------------------------------

  /** a report the user may read (NOT_FOUND / FORBIDDEN with its denial entry otherwise) */
  async readable(ctx: RequestContext, id: string): Promise<Report> {
    const report = await this.reportService.get(ctx, id);
    if (!report) throw notFound('报告不存在');
    return report;
  }

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

  async publicationBlockers(ctx: RequestContext, report: Report): Promise<Blocker[]> {
    const state = await this.state(ctx, report);
    const validation = await this.reportService.validation(ctx, report);
    const blockers = publicationBlockers({
      status: report.status,
      validation,
      explanations: state.explanations,
      signatures: domainSignatures(state.signatures),
      currentHash: report.contentHash,
      requiresPreReview: state.requiresPreReview,
      review: domainReview(state.review),
      findings: domainFindings(state.findings),
      isCorrection: isCorrection(state),
      correctionNote: null,
      rules: separationRules(),
    });
    // the 更正说明 is given with publishReport itself: the content is not blocked for lack of it
    return blockers.filter((b) => b.code !== 'correction.noteMissing');
  }

  async deadline(ctx: RequestContext, report: Report): Promise<DeadlineStatus & { deadline: string }> {
    const [state, agency] = await Promise.all([this.state(ctx, report), ctx.loaders.agency.load(report.agencyId)]);
    const deadline = reportDeadline(report.year, state.deadline, agency?.kind === 'COUNTY_GOVERNMENT');
    const first = state.revisions[0];
    return { deadline, ...deadlineStatus({ deadline, publishedAt: first?.publishedAt ?? null, today: new Date() }) };
  }

  async revisions(ctx: RequestContext, report: Report): Promise<ReportRevision[]> {
    return workflowLoaders(ctx).revisions.load(report.id);
  }

  /** one published revision, for whoever may read its report */
  async revision(ctx: RequestContext, id: string): Promise<ReportRevision | null> {
    requireUser(ctx);
    const revision = await ctx.manager.findOne(ReportRevision, { where: { id } });
    if (!revision) return null;
    await authorize(ctx, 'report.read', { agencyId: revision.agencyId, reportId: revision.reportId, targetType: 'ReportRevision', targetId: id });
    return revision;
  }

  async openRectifications(ctx: RequestContext, report: Report): Promise<RectificationRequest[]> {
    return workflowLoaders(ctx).rectifications.load(report.id);
  }
}
