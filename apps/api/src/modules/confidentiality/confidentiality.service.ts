import {
  checkFindingChangeRequest,
  CHECK_CONCLUSIONS,
  CONFIDENTIALITY_CHECKS,
  DEFAULT_REPORT_DISCLOSURE,
  DISCLOSURE_ATTRIBUTES,
  isConfidentialityCheckKey,
  REVIEW_BASES,
  REVIEW_CONCLUSIONS,
  reviewBlockers,
  suggestedConclusion,
  type CheckResult,
  type ConfidentialityCheckKey,
  type DisclosureAttribute,
  type ReviewBasis,
  type ReviewConclusion,
} from '@touming/domain/confidentiality';
import type { ReportContent } from '@touming/domain/report';
import { dismissalProblem, reconcileFindings, scanReport, type FindingRecord } from '@touming/domain/scanner';
import { isContentEditable, reviewerSeparationProblem, type Blocker } from '@touming/domain/workflow';
import { can } from '@touming/domain/permissions';
import { authorize, requireUser } from '../../common/authorize';
import { actorOf, type RequestContext } from '../../common/context';
import { badInput, conflict, notFound } from '../../common/errors';
import { newId } from '../../db/columns';
import { withTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit.service';
import type { Report } from '../reports/report.entity';
import { loadContent, type SectionChange } from '../reports/report.repository';
import { ReportService } from '../reports/report.service';
import { forgetReport, workflowLoaders } from '../workflow/loaders';
import { lockReport } from '../workflow/report-lock';
import { refusal } from '../workflow/refusal';
import { separationRules } from '../workflow/separation-rules';
import { Signature } from '../workflow/signature.entity';
import { currentReview, domainFindings, domainReview, domainSignatures } from '../workflow/workflow.state';
import { ConfidentialityReview } from './confidentiality-review.entity';
import { allFindingsOf, findFinding, findReviewOf, insertFinding, insertReview, updateFinding, updateReview } from './confidentiality.repository';
import { Finding } from './finding.entity';
import { Injectable } from '../../common/injectable';
import { AuthService } from '../auth/auth.service';
import { recentAdminGrant } from '../users/admin-grants';

export interface ReviewInput {
  checks: { key: string; conclusion: string; note?: string | null }[];
  conclusion?: string | null;
  bases?: string[] | null;
  disclosure?: string | null;
  note?: string | null;
}

export interface ConfidentialityState {
  review: ConfidentialityReview | null;
  findings: Finding[];
  cleared: boolean;
  blockers: Blocker[];
}

const MAX_MATCH = 255;

/** the stored findings as the domain's records (fixed ones included: a finding can come back) */
function records(rows: Finding[]): FindingRecord[] {
  return rows.map((f) => ({ kind: f.kind, section: f.section, start: f.start, end: f.end, match: f.match, message: f.message, key: f.key, status: f.status, reason: f.dismissReason }));
}

/** a finding as the scanner opens it: nothing dismissed, fixed or sent back yet (a new one, or one back in the text) */
const OPEN_AFRESH = {
  status: 'OPEN',
  fixedAt: null,
  dismissReason: null,
  dismissedBy: null,
  dismissedAt: null,
  changeRequestComment: null,
  changeRequestedBy: null,
  changeRequestedByName: null,
  changeRequestedAt: null,
} as const;

@Injectable()
export class ConfidentialityService {
  constructor(
    private readonly reportService: ReportService,
    private readonly auth: AuthService,
  ) {}

  /**
   * Scan the report's texts and reconcile the stored findings inside the caller's transaction: new
   * matches are OPEN (a dismissal under the same key stays), matches gone from the text are FIXED.
   * One 'finding.scan' audit entry when anything changed.
   */
  async rescan(tx: RequestContext, report: Report, content?: ReportContent): Promise<void> {
    const text = content ?? (await loadContent(tx.manager, report));
    const stored = await allFindingsOf(tx.manager, report.id);
    const byKey = new Map(stored.map((f) => [f.key, f]));
    const { current, fixed } = reconcileFindings(records(stored), scanReport(text));
    const at = new Date();
    const opened: string[] = [];
    const seen = new Set<string>();
    for (const f of current) {
      // identical matches in one section share a key: one row, at the first occurrence
      if (seen.has(f.key)) continue;
      seen.add(f.key);
      const row = byKey.get(f.key);
      const span = { section: f.section, start: f.start, end: f.end, match: f.match.slice(0, MAX_MATCH), message: f.message.slice(0, MAX_MATCH) };
      if (!row) {
        await insertFinding(tx.manager, Object.assign(new Finding(), {
          id: newId(),
          reportId: report.id,
          key: f.key,
          kind: f.kind,
          ...span,
          ...OPEN_AFRESH,
          foundAt: at,
        }));
        opened.push(f.key);
      } else if (row.status === 'FIXED') {
        // a finding back in the text is a new one: the earlier dismissal and 请修改 were about the old text
        await updateFinding(tx.manager, row.id, { ...span, ...OPEN_AFRESH, foundAt: at });
        opened.push(f.key);
      } else if (row.start !== f.start || row.end !== f.end) {
        await updateFinding(tx.manager, row.id, { start: f.start, end: f.end });
      }
    }
    for (const f of fixed) {
      const row = byKey.get(f.key)!;
      await updateFinding(tx.manager, row.id, { status: 'FIXED', fixedAt: at });
    }
    if (opened.length || fixed.length) {
      await appendAudit(tx, {
        action: 'finding.scan',
        targetType: 'Report',
        targetId: report.id,
        agencyId: report.agencyId,
        reportId: report.id,
        detail: { opened, fixed: fixed.map((f) => f.key), contentHash: report.contentHash },
      });
    }
    forgetReport(tx, report.id);
  }

  /** the reports service's content-change hook: a saved text is rescanned in the same transaction */
  async onContentChange(tx: RequestContext, report: Report, change: { after: ReportContent; sections: SectionChange[] }): Promise<void> {
    if (change.sections.length === 0) return;
    await this.rescan(tx, report, change.after);
  }

  /** scanReport(id): rescan on demand (editors and reviewers) */
  async scan(ctx: RequestContext, id: string): Promise<Finding[]> {
    const report = await this.reportService.get(ctx, id);
    if (!report) throw notFound('报告不存在');
    const actor = actorOf(ctx);
    if (!can(actor, 'report.edit', report.agencyId)) {
      await authorize(ctx, 'confidentiality.review', { agencyId: report.agencyId, reportId: id, targetType: 'Report', targetId: id });
    }
    await withTransaction(ctx, async (tx) => {
      const locked = await lockReport(tx, id);
      if (!isContentEditable(locked.status)) throw conflict('已公开的报告不能重新扫描；如需更正，请发起更正');
      await this.rescan(tx, locked);
    });
    forgetReport(ctx, id);
    return workflowLoaders(ctx).findings.load(id);
  }

  /** dismiss an open finding with a reason (the reviewer judged it harmless) */
  async dismissFinding(ctx: RequestContext, findingId: string, reason: string): Promise<Finding> {
    requireUser(ctx);
    const found = await findFinding(ctx.manager, findingId);
    if (!found) throw notFound('扫描发现不存在');
    const report = await this.reportService.get(ctx, found.reportId);
    if (!report) throw notFound('报告不存在');
    await authorize(ctx, 'confidentiality.review', { agencyId: report.agencyId, reportId: report.id, targetType: 'Finding', targetId: findingId });
    const problem = dismissalProblem(reason);
    if (problem) throw badInput(problem, { field: 'reason' });
    const result = await withTransaction(ctx, async (tx) => {
      const locked = await lockReport(tx, report.id);
      if (!isContentEditable(locked.status)) throw conflict('已公开的报告不能修改');
      const finding = await findFinding(tx.manager, findingId);
      if (!finding) throw notFound('扫描发现不存在');
      if (finding.status !== 'OPEN') throw conflict(finding.status === 'FIXED' ? '该发现已随内容修改而消除' : '该发现已被忽略');
      const at = new Date();
      const patch = { status: 'DISMISSED' as const, dismissReason: reason.trim(), dismissedBy: requireUser(tx).id, dismissedAt: at };
      await updateFinding(tx.manager, findingId, patch);
      Object.assign(finding, patch);
      await appendAudit(tx, {
        action: 'finding.dismiss',
        targetType: 'Finding',
        targetId: findingId,
        agencyId: locked.agencyId,
        reportId: locked.id,
        detail: { key: finding.key, kind: finding.kind, section: finding.section, message: finding.message, reason: patch.dismissReason },
      });
      return finding;
    });
    forgetReport(ctx, report.id);
    return result;
  }

  /**
   * 请修改: the reviewer sends an open finding to the preparer with a comment. Kept on the finding
   * (the editor shows it at the span); the audit entry notifies the agency's preparers in the same
   * transaction (notifications/notify.ts). Sending it again replaces the comment.
   */
  async requestFindingChange(ctx: RequestContext, findingId: string, comment: string): Promise<Finding> {
    const user = requireUser(ctx);
    const found = await findFinding(ctx.manager, findingId);
    if (!found) throw notFound('扫描发现不存在');
    const report = await this.reportService.get(ctx, found.reportId);
    if (!report) throw notFound('报告不存在');
    const result = await withTransaction(ctx, async (tx) => {
      const locked = await lockReport(tx, report.id);
      const finding = await findFinding(tx.manager, findingId);
      if (!finding) throw notFound('扫描发现不存在');
      const check = checkFindingChangeRequest({
        actor: actorOf(tx),
        reportAgencyId: locked.agencyId,
        status: locked.status,
        findingStatus: finding.status,
        comment,
      });
      // a refusal by role is kept on the trail as a denied access (refusal)
      if (!check.ok) return refusal(tx, check, { attempted: 'finding.requestChange', agencyId: locked.agencyId, reportId: locked.id, targetType: 'Finding', targetId: findingId });
      const patch = {
        changeRequestComment: check.comment,
        changeRequestedBy: user.id,
        changeRequestedByName: `${user.displayName}（${user.username}）`,
        changeRequestedAt: new Date(),
      };
      await updateFinding(tx.manager, findingId, patch);
      Object.assign(finding, patch);
      await appendAudit(tx, {
        action: 'finding.requestChange',
        targetType: 'Finding',
        targetId: findingId,
        agencyId: locked.agencyId,
        reportId: locked.id,
        detail: { key: finding.key, kind: finding.kind, section: finding.section, start: finding.start, end: finding.end, message: finding.message, comment: check.comment },
      });
      return finding;
    });
    forgetReport(ctx, report.id);
    return result;
  }

  /**
   * The 保密审查 record for exactly the content `contentHash` (CONFLICT when the report changed
   * since the reviewer looked). Reviewing the same content again replaces the decision; both are on
   * the trail.
   */
  async saveReview(ctx: RequestContext, reportId: string, contentHash: string, input: ReviewInput, password?: string | null): Promise<ConfidentialityReview> {
    const report = await this.reportService.get(ctx, reportId);
    if (!report) throw notFound('报告不存在');
    const user = await authorize(ctx, 'confidentiality.review', { agencyId: report.agencyId, reportId, targetType: 'Report', targetId: reportId });
    const checks = this.checkInput(input);
    const conclusion = (input.conclusion ?? suggestedConclusion(checks)) as ReviewConclusion | null;
    if (conclusion != null && !REVIEW_CONCLUSIONS.includes(conclusion)) throw badInput(`未知的审查结论：${conclusion}`, { field: 'conclusion' });
    const bases = (input.bases ?? []) as ReviewBasis[];
    const badBasis = bases.find((b) => !REVIEW_BASES.includes(b));
    if (badBasis) throw badInput(`未知的审查依据：${badBasis}`, { field: 'bases' });
    const disclosure = (input.disclosure ?? DEFAULT_REPORT_DISCLOSURE) as DisclosureAttribute;
    if (!DISCLOSURE_ATTRIBUTES.includes(disclosure)) throw badInput(`未知的公开属性：${disclosure}`, { field: 'disclosure' });
    if (conclusion && conclusion !== 'OPEN' && bases.length === 0) throw badInput('结论为免于公开或须报审时，须注明依据', { field: 'bases' });

    const result = await withTransaction(ctx, async (tx) => {
      const locked = await lockReport(tx, reportId);
      if (!isContentEditable(locked.status)) throw conflict('已公开的版本不能再审查；如需更正，请发起更正');
      if (contentHash !== locked.contentHash) {
        throw conflict('报告内容在您查看之后已被修改，请重新查看最新内容后再审查', { currentHash: locked.contentHash });
      }
      // the preparer whose signature stands on this content may not also review it (domain rule)
      const signatures = await tx.manager.find(Signature, { where: { reportId } });
      const separation = reviewerSeparationProblem({ actorId: user.id, signatures: domainSignatures(signatures), currentHash: locked.contentHash, rules: separationRules() });
      if (separation) {
        return refusal(tx, { code: 'FORBIDDEN', message: separation }, { attempted: 'confidentiality.review', agencyId: locked.agencyId, reportId });
      }
      // a conclusion is a signature: the reviewer's own password, now (a record without one asks for none)
      const confirmed = conclusion
        ? await this.auth.confirmOwnPassword(tx, password, { attempted: 'confidentiality.review', targetType: 'Report', targetId: reportId, agencyId: locked.agencyId, reportId })
        : null;
      // the grant was read with the password hash
      const grant = confirmed ? recentAdminGrant(confirmed.adminGrant, new Date()) : null;
      const before = await findReviewOf(tx.manager, reportId, contentHash);
      const row = {
        checks,
        conclusion,
        bases,
        disclosure,
        note: input.note?.trim() || null,
        reviewerId: user.id,
        reviewerName: `${user.displayName}（${user.username}）`,
        reviewedAt: new Date(),
        voidedAt: null,
      };
      let review: ConfidentialityReview;
      if (before) {
        await updateReview(tx.manager, before.id, row);
        review = Object.assign(before, row);
      } else {
        review = Object.assign(new ConfidentialityReview(), { id: newId(), reportId, contentHash, ...row });
        await insertReview(tx.manager, review);
      }
      await appendAudit(tx, {
        action: 'confidentiality.review',
        targetType: 'ConfidentialityReview',
        targetId: review.id,
        agencyId: locked.agencyId,
        reportId,
        detail: {
          contentHash,
          checks,
          conclusion,
          bases,
          disclosure,
          note: row.note,
          ...(conclusion ? { stepUp: true } : {}),
          ...(grant ? { adminGrant: grant.warning, adminGrantAt: grant.at } : {}),
          ...(before ? { before: { checks: before.checks, conclusion: before.conclusion, reviewerId: before.reviewerId } } : {}),
        },
      });
      return review;
    });
    forgetReport(ctx, reportId);
    return result;
  }

  private checkInput(input: ReviewInput): Partial<Record<ConfidentialityCheckKey, CheckResult>> {
    const checks: Partial<Record<ConfidentialityCheckKey, CheckResult>> = {};
    for (const c of input.checks ?? []) {
      if (!isConfidentialityCheckKey(c.key)) {
        throw badInput(`未知的审查项：${c.key}（可选 ${CONFIDENTIALITY_CHECKS.map((k) => k.key).join('、')}）`, { field: 'checks' });
      }
      if (!(CHECK_CONCLUSIONS as readonly string[]).includes(c.conclusion)) throw badInput(`审查项 ${c.key} 的结论无效：${c.conclusion}`, { field: 'checks' });
      if (checks[c.key]) throw badInput(`审查项 ${c.key} 重复出现`, { field: 'checks' });
      if (c.conclusion === 'ISSUE' && !c.note?.trim()) throw badInput(`审查项“${CONFIDENTIALITY_CHECKS.find((k) => k.key === c.key)!.label}”存在问题时须填写说明`, { field: 'checks' });
      checks[c.key] = { conclusion: c.conclusion as CheckResult['conclusion'], note: c.note?.trim() || null };
    }
    return checks;
  }

  /** Report.confidentiality: the review that counts, the findings, cleared or not and why */
  async state(ctx: RequestContext, report: Report): Promise<ConfidentialityState> {
    const l = workflowLoaders(ctx);
    const [reviews, findings] = await Promise.all([l.reviews.load(report.id), l.findings.load(report.id)]);
    const review = currentReview(reviews, report.contentHash);
    const blockers = reviewBlockers(domainReview(review), report.contentHash, domainFindings(findings));
    return { review, findings, cleared: blockers.length === 0, blockers };
  }
}
