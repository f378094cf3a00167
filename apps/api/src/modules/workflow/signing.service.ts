/**
 * 三级联签: the signatures (PREPARE = submission, REVIEW, APPROVE, the county office's
 * COUNTY_PRE_REVIEW), the return to DRAFT, the warnings' written 说明 before submission, and what an
 * edit after signing does to the signatures. Every act runs through ./act.ts.
 */
import {
  actionForStage,
  checkExplainWarning,
  checkReturn,
  checkSign,
  checkWithdraw,
  openFindingsToAcknowledge,
  returnVoidReason,
  SIGNED_STATUSES,
  signaturesToVoid,
  signaturesVoidedByReturn,
  submissionWarnings,
  WITHDRAW_VOID_REASON,
  workingRevisionNo,
  type SignatureStage,
} from '@touming/domain/workflow';
import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { Injectable } from '../../common/injectable';
import { newId } from '../../db/columns';
import { appendAudit, type AuditRecord } from '../audit/audit.service';
import type { Report } from '../reports/report.entity';
import { loadContent, updateReportStatus, type CellChange, type SectionChange } from '../reports/report.repository';
import { actorName, runAct } from './act';
import { forgetReport } from './loaders';
import { Signature } from './signature.entity';
import { pick, voidReviews, voidSignatures } from './voiding';
import { WarningExplanation } from './warning-explanation.entity';
import { findExplanation, insertSignature, saveExplanation, signaturesOf } from './workflow.repository';
import { domainFindings, domainReview, domainSignatures, loadValidation, revisionHistory } from './workflow.state';
import { separationRules } from './separation-rules';
import { AuthService } from '../auth/auth.service';
import type { ReportContent } from '@touming/domain/report';
import { signatureNeedsStepUp, type AdminGrant } from '@touming/domain/accounts';
import { recentAdminGrant, recentAdminGrantOf } from '../users/admin-grants';

@Injectable()
export class SigningService {
  constructor(private readonly auth: AuthService) {}

  /**
   * A signature of one stage, on exactly the content the signer saw. Open scanner findings do not
   * stop it, but the signer must acknowledge them (`acknowledgeFindings`), and the signature and its
   * audit entry record which ones; the warnings' explanations and the confidentiality review (who
   * gave it) count only at submission.
   */
  sign(
    ctx: RequestContext,
    id: string,
    stage: SignatureStage,
    contentHash: string,
    comment?: string | null,
    options: { password?: string | null; acknowledgeFindings?: boolean | null } = {},
  ): Promise<Report> {
    const { password, acknowledgeFindings } = options;
    const action = `report.${actionForStage(stage)}`;
    // the content the submission validated, kept with the signature (read once)
    let validated: ReportContent | null = null;
    // the signer's last administrator grant, read with the password hash by a step-up (undefined: not read)
    let grantRead: AdminGrant | null | undefined;
    return runAct(ctx, id, {
      attempted: action,
      // at submission the review of the content counts too: its reviewer may not also submit it
      state: stage === 'PREPARE' ? ['cycle', 'signatures', 'revisions', 'explanations', 'reviews', 'findings'] : ['cycle', 'signatures', 'revisions', 'findings'],
      check: async ({ tx, report, state, actor }) => {
        const loaded = stage === 'PREPARE' ? await loadValidation(tx.manager, report) : null;
        validated = loaded?.content ?? null;
        const check = checkSign({
          status: report.status,
          stage,
          actor,
          reportAgencyId: report.agencyId,
          currentHash: report.contentHash,
          sentHash: contentHash,
          signatures: domainSignatures(state.signatures),
          requiresPreReview: state.requiresPreReview,
          validation: loaded?.validation,
          explanations: state.explanations,
          review: domainReview(state.review),
          rules: separationRules(),
          findings: domainFindings(state.findings),
          acknowledgeFindings,
        });
        // the signer's own password, once the signature would otherwise stand (a refused one asks for none)
        if (check.ok && signatureNeedsStepUp(stage)) {
          ({ adminGrant: grantRead } = await this.auth.confirmOwnPassword(tx, password, { attempted: action, targetType: 'Report', targetId: id, agencyId: report.agencyId, reportId: id }));
        }
        return check;
      },
      // a signature refused because the report moved on (another signer, an edit, a return) is kept on
      // the trail: who tried to sign what, and why it was not accepted
      refused: ({ report, from }, check) =>
        check.code === 'CONFLICT'
          ? {
              action: 'signature.refused',
              targetType: 'Report',
              targetId: id,
              agencyId: report.agencyId,
              reportId: id,
              detail: { attempted: action, stage, status: from, code: check.code, message: check.message, sentHash: contentHash, contentHash: report.contentHash },
            }
          : null,
      write: async ({ tx, report, from, state, actor, at, agencyName }, to) => {
        const acknowledged = openFindingsToAcknowledge(domainFindings(state.findings));
        const signature = Object.assign(new Signature(), {
          id: newId(),
          reportId: id,
          revision: workingRevisionNo(revisionHistory(state)),
          stage,
          signerId: actor.id,
          signerName: actorName(tx),
          contentHash: report.contentHash,
          comment: comment?.trim() || null,
          signedAt: at,
          acknowledgedFindings: acknowledged.length ? acknowledged : null,
          voidedAt: null,
          voidedBy: null,
          voidReason: null,
          // kept for the next signer's 与上次签署版本对比
          signedContent: validated ?? (await loadContent(tx.manager, report)),
        });
        await insertSignature(tx.manager, signature);
        // the preparer was warned (the console shows it before submitting); the trail keeps what they were warned of
        // (the registered name was read with the lock)
        const warnings = stage === 'PREPARE' && agencyName !== null ? submissionWarnings({ reportAgency: report.agencyName, registeredAgencyName: agencyName }) : [];
        const grant = grantRead !== undefined ? recentAdminGrant(grantRead, at) : await recentAdminGrantOf(tx.manager, actor.id, at);
        const detail = {
          stage,
          from,
          to,
          contentHash: report.contentHash,
          revision: signature.revision,
          comment: signature.comment,
          ...(signatureNeedsStepUp(stage) ? { stepUp: true } : {}),
          ...(acknowledged.length ? { acknowledgedFindings: acknowledged.map((f) => f.message) } : {}),
          ...(warnings.length ? { warnings: warnings.map((w) => w.message) } : {}),
          // the separation-of-powers flag: an account an administrator made or empowered days ago
          ...(grant ? { adminGrant: grant.warning, adminGrantAt: grant.at } : {}),
        };
        return {
          result: report,
          audit: [{ action, targetType: 'Signature', targetId: signature.id, agencyId: report.agencyId, reportId: id, detail }],
        };
      },
    });
  }

  /** a signer returns the report to DRAFT with a comment; every standing signature is voided */
  returnReport(ctx: RequestContext, id: string, comment: string): Promise<Report> {
    return runAct(ctx, id, {
      attempted: 'report.return',
      state: ['cycle', 'signatures'],
      check: ({ report, state, actor }) =>
        checkReturn({ status: report.status, actor, reportAgencyId: report.agencyId, comment, requiresPreReview: state.requiresPreReview }),
      write: async ({ tx, report, from, state, at }, to) => {
        const standing = pick(state.signatures, signaturesVoidedByReturn(domainSignatures(state.signatures)));
        // the reason carries the comment: the 已退回 notice reads it back (returnNotice)
        const voided = await voidSignatures(tx, report, standing, returnVoidReason(comment), at);
        const detail = { from, to, comment: comment.trim(), contentHash: report.contentHash };
        return { result: report, audit: [{ action: 'report.return', targetType: 'Report', targetId: id, agencyId: report.agencyId, reportId: id, detail }, ...voided] };
      },
    });
  }

  /**
   * The preparer takes a submission back before the 分管领导 acts: the report is a DRAFT again and
   * the preparer's signature is voided (the next submission is signed afresh), both on the trail.
   */
  withdrawReport(ctx: RequestContext, id: string): Promise<Report> {
    return runAct(ctx, id, {
      attempted: 'report.withdraw',
      state: ['signatures'],
      check: ({ report, actor }) => checkWithdraw({ status: report.status, actor, reportAgencyId: report.agencyId }),
      write: async ({ tx, report, from, state, at }, to) => {
        const standing = pick(state.signatures, signaturesVoidedByReturn(domainSignatures(state.signatures)));
        const voided = await voidSignatures(tx, report, standing, WITHDRAW_VOID_REASON, at);
        const detail = { from, to, contentHash: report.contentHash };
        return { result: report, audit: [{ action: 'report.withdraw', targetType: 'Report', targetId: id, agencyId: report.agencyId, reportId: id, detail }, ...voided] };
      },
    });
  }

  /** the written 说明 of a validation warning; required before submission */
  explainWarning(ctx: RequestContext, id: string, ruleId: string, text: string): Promise<Report> {
    return runAct(ctx, id, {
      attempted: 'report.explainWarning',
      state: [],
      check: ({ report, actor }) => checkExplainWarning({ status: report.status, actor, reportAgencyId: report.agencyId, text }),
      write: async ({ tx, report, actor, at }) => {
        const { validation } = await loadValidation(tx.manager, report);
        if (!validation.warnings.some((w) => w.ruleId === ruleId)) throw badInput(`当前报告没有规则 ${ruleId} 的校验提示`, { field: 'ruleId' });
        const before = await findExplanation(tx.manager, id, ruleId);
        const row = Object.assign(new WarningExplanation(), { reportId: id, ruleId, text: text.trim(), explainedById: actor.id, explainedAt: at });
        await saveExplanation(tx.manager, row, before !== null);
        const detail = { ruleId, before: before?.text ?? null, after: row.text };
        return { result: report, audit: [{ action: 'report.explainWarning', targetType: 'Report', targetId: id, agencyId: report.agencyId, reportId: id, detail }] };
      },
    });
  }

  /**
   * The reports service's content-change hook (same transaction as the edit): signatures on other
   * content are voided, a signed report goes back to DRAFT, the review of the old content is voided —
   * each on the trail with who and why.
   */
  async onContentChange(tx: RequestContext, report: Report, change: { cells: CellChange[]; sections: SectionChange[] }): Promise<void> {
    if (change.cells.length === 0 && change.sections.length === 0) return;
    const at = new Date();
    const signatures = await signaturesOf(tx.manager, report.id);
    const reason = `签署后报告内容被${actorName(tx)}修改`;
    const records: AuditRecord[] = await voidSignatures(tx, report, pick(signatures, signaturesToVoid(domainSignatures(signatures), report.contentHash)), reason, at, report.contentHash);
    records.push(...(await voidReviews(tx, report, report.contentHash, '审查后报告内容被修改', at)));
    if (SIGNED_STATUSES.includes(report.status)) {
      const from = report.status;
      await updateReportStatus(tx.manager, report, 'DRAFT', at);
      records.unshift({ action: 'report.status', targetType: 'Report', targetId: report.id, agencyId: report.agencyId, reportId: report.id, detail: { from, to: 'DRAFT', reason } });
    }
    await appendAudit(tx, records);
    forgetReport(tx, report.id);
  }
}
