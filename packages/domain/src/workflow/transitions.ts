/**
 * The state machine of 三级联签 and publication, and the checks the API runs before each act.
 * Pure: the API loads the report, its signatures, validation and review, calls these, and records
 * what they allow (with the audit entry) in one transaction.
 */
import { can, FORBIDDEN_MESSAGE, type Action, type Actor } from '../permissions';
import type { ValidationResult } from '../validation/types';
import { reviewBlockers, type ConfidentialityReview, type FindingState } from '../confidentiality/review';
import {
  canExplainWarnings,
  REPORT_STATUS_LABELS,
  SIGNATURE_STAGE_LABELS,
  SIGNATURE_STAGES,
  type ReportStatus,
  type SignatureStage,
} from './states';
import { unacknowledgedFindings } from './acknowledgement';
import { preparerSeparationProblem, separationBlockers, type SeparationRules } from './separation';
import { validSignatureOf, validSignatures, type Signature } from './signatures';
import type { Blocker, WorkflowErrorCode } from './types';

export const WORKFLOW_ACTIONS = [
  'submit',
  'review',
  'approve',
  'preReview',
  'return',
  'withdraw',
  'publish',
  'startCorrection',
  'requestRectification',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const WORKFLOW_ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: '提交',
  review: '审核（分管领导）',
  approve: '审批（主要领导）',
  preReview: '预审（县政务公开办）',
  return: '退回',
  withdraw: '撤回',
  publish: '公开发布',
  startCorrection: '发起更正',
  requestRectification: '要求整改',
};

/** the permission each workflow action needs (../permissions) */
export const WORKFLOW_ACTION_PERMISSION: Record<WorkflowAction, Action> = {
  submit: 'report.submit',
  review: 'report.review',
  approve: 'report.approve',
  preReview: 'report.countyPreReview',
  return: 'report.return',
  withdraw: 'report.withdraw',
  publish: 'report.publish',
  startCorrection: 'report.startCorrection',
  requestRectification: 'report.requestRectification',
};

const STAGE_OF_ACTION: Partial<Record<WorkflowAction, SignatureStage>> = {
  submit: 'PREPARE',
  review: 'REVIEW',
  approve: 'APPROVE',
  preReview: 'COUNTY_PRE_REVIEW',
};

/** the signature stage an action gives, or null for actions that sign nothing */
export function stageForAction(action: WorkflowAction): SignatureStage | null {
  return STAGE_OF_ACTION[action] ?? null;
}

/** the action that gives a stage's signature */
export function actionForStage(stage: SignatureStage): WorkflowAction {
  const entry = Object.entries(STAGE_OF_ACTION).find(([, s]) => s === stage);
  return entry![0] as WorkflowAction;
}

/** the stages a revision must carry before publication */
export function requiredStages(requiresPreReview: boolean): SignatureStage[] {
  return SIGNATURE_STAGES.filter((s) => requiresPreReview || s !== 'COUNTY_PRE_REVIEW');
}

export interface TransitionOptions {
  /** the cycle asks for the county office's pre-publication review (an extra state) */
  requiresPreReview: boolean;
}

/**
 * States that carry signatures on the current content: a signer may return the report from them to
 * DRAFT, and an edit of the content voids those signatures and sends the report back to DRAFT.
 */
export const SIGNED_STATUSES: readonly ReportStatus[] = ['SUBMITTED', 'REVIEWED', 'APPROVED', 'PRE_REVIEWED'];
const RETURNABLE = SIGNED_STATUSES;

/**
 * The status an action leads to from `status`, or null when the action is not possible there.
 * requestRectification leaves a published revision PUBLISHED (it marks 整改 required);
 * startCorrection leads to the DRAFT of a new revision.
 */
export function nextStatus(status: ReportStatus, action: WorkflowAction, options: TransitionOptions): ReportStatus | null {
  const pre = options.requiresPreReview;
  switch (action) {
    case 'submit':
      return status === 'DRAFT' ? 'SUBMITTED' : null;
    case 'review':
      return status === 'SUBMITTED' ? 'REVIEWED' : null;
    case 'approve':
      return status === 'REVIEWED' ? 'APPROVED' : null;
    case 'preReview':
      return pre && status === 'APPROVED' ? 'PRE_REVIEWED' : null;
    case 'return':
      return RETURNABLE.includes(status) && (pre || status !== 'PRE_REVIEWED') ? 'DRAFT' : null;
    case 'withdraw':
      // only before the 分管领导 has acted: once reviewed, a change goes through 退回
      return status === 'SUBMITTED' ? 'DRAFT' : null;
    case 'publish':
      return status === (pre ? 'PRE_REVIEWED' : 'APPROVED') ? 'PUBLISHED' : null;
    case 'startCorrection':
    case 'requestRectification':
      return status === 'PUBLISHED' ? (action === 'startCorrection' ? 'DRAFT' : 'PUBLISHED') : null;
  }
}

/** the signature stage the report waits for in `status`, or null (draft not yet submitted counts as PREPARE) */
export function pendingStage(status: ReportStatus, options: TransitionOptions): SignatureStage | null {
  switch (status) {
    case 'DRAFT':
      return 'PREPARE';
    case 'SUBMITTED':
      return 'REVIEW';
    case 'REVIEWED':
      return 'APPROVE';
    case 'APPROVED':
      return options.requiresPreReview ? 'COUNTY_PRE_REVIEW' : null;
    default:
      return null;
  }
}

export type WorkflowCheck =
  | { ok: true; nextStatus: ReportStatus }
  | {
      ok: false;
      code: WorkflowErrorCode;
      message: string;
      blockers?: Blocker[];
      /** the input field a BAD_USER_INPUT refusal is about */
      field?: string;
    };

function refuse(code: WorkflowErrorCode, message: string, blockers?: Blocker[]): WorkflowCheck {
  return blockers ? { ok: false, code, message, blockers } : { ok: false, code, message };
}

const badField = (field: string, message: string): WorkflowCheck => ({ ok: false, code: 'BAD_USER_INPUT', message, field });

export interface WorkflowActor extends Actor {
  id: string;
}

// ---------------------------------------------------------------------------------------------
// submission

export interface SubmitInput {
  validation: ValidationResult;
  /** the written 说明 per warning ruleId */
  explanations: Readonly<Record<string, string>>;
}

const explained = (explanations: Readonly<Record<string, string>>, ruleId: string) =>
  (explanations[ruleId] ?? '').trim().length > 0;

/** validation errors block; warnings block until explained (each listed with its own message) */
export function submitBlockers({ validation, explanations }: SubmitInput): Blocker[] {
  const blockers: Blocker[] = [];
  for (const e of validation.errors) {
    blockers.push({ code: 'validation.error', ref: e.ruleId, message: `校验错误：${e.message}` });
  }
  for (const w of validation.warnings) {
    if (!explained(explanations, w.ruleId)) {
      blockers.push({ code: 'validation.warningUnexplained', ref: w.ruleId, message: `校验提示未作说明：${w.message}` });
    }
  }
  return blockers;
}

function blockersMessage(prefix: string, blockers: Blocker[]): string {
  const shown = blockers.slice(0, 5).map((b) => b.message);
  const more = blockers.length > shown.length ? `等${blockers.length}项` : '';
  return `${prefix}：${shown.join('；')}${more}`;
}

// ---------------------------------------------------------------------------------------------
// signing

export interface SignInput {
  status: ReportStatus;
  stage: SignatureStage;
  actor: WorkflowActor;
  reportAgencyId: string;
  /** the hash of the content as stored now */
  currentHash: string;
  /** the hash of the content the signer saw (sent by the client) */
  sentHash: string;
  signatures: readonly Signature[];
  requiresPreReview: boolean;
  /** required for PREPARE (submission): validation errors and unexplained warnings block it */
  validation?: ValidationResult;
  explanations?: Readonly<Record<string, string>>;
  /** the review of the content (PREPARE: its reviewer may not also submit, see ./separation) */
  review?: Pick<ConfidentialityReview, 'contentHash' | 'reviewerId'> | null;
  rules?: SeparationRules;
  /** the scanner findings of the content with their state: open ones need the signer's acknowledgement */
  findings?: readonly FindingState[];
  /** the signer ticked "I have seen the open findings" */
  acknowledgeFindings?: boolean | null;
}

/**
 * May the actor give the `stage` signature now? Order of checks: the stage fits the state, the role
 * allows it, the content is what the signer saw, separation of duties, (for submission) validation,
 * and open scanner findings acknowledged.
 */
export function checkSign(input: SignInput): WorkflowCheck {
  const { status, stage, actor, reportAgencyId, currentHash, sentHash, signatures, requiresPreReview } = input;
  const action = actionForStage(stage);
  const label = SIGNATURE_STAGE_LABELS[stage];
  if (stage === 'COUNTY_PRE_REVIEW' && !requiresPreReview) {
    return refuse('BAD_USER_INPUT', '本年度报告周期不要求县政务公开办预审');
  }
  const next = nextStatus(status, action, { requiresPreReview });
  if (!next) {
    return refuse('CONFLICT', `报告当前状态为“${REPORT_STATUS_LABELS[status]}”，不能进行“${label}”签署，请刷新后重试`);
  }
  if (!can(actor, WORKFLOW_ACTION_PERMISSION[action], reportAgencyId)) {
    return refuse('FORBIDDEN', `${FORBIDDEN_MESSAGE}：您不能进行“${label}”签署`);
  }
  if (!sentHash || sentHash !== currentHash) {
    return refuse('CONFLICT', '报告内容在您查看之后已被修改，请重新查看最新内容后再签署');
  }
  const own = validSignatures(signatures, currentHash).find((s) => s.signerId === actor.id && s.stage !== stage);
  if (own) {
    return refuse(
      'FORBIDDEN',
      `同一人不能在同一版本上签署两个环节：您已进行“${SIGNATURE_STAGE_LABELS[own.stage]}”签署，不能再进行“${label}”签署`,
    );
  }
  if (stage === 'PREPARE') {
    const separation = preparerSeparationProblem({ actorId: actor.id, review: input.review, currentHash, rules: input.rules });
    if (separation) return refuse('FORBIDDEN', separation);
    if (!input.validation) throw new Error('checkSign: validation is required for the PREPARE stage');
    const blockers = submitBlockers({ validation: input.validation, explanations: input.explanations ?? {} });
    if (blockers.length) return refuse('VALIDATION_FAILED', blockersMessage('报告不能提交', blockers), blockers);
  }
  const unacknowledged = unacknowledgedFindings(input.findings ?? [], input.acknowledgeFindings);
  if (unacknowledged) return refuse('VALIDATION_FAILED', unacknowledged.message, unacknowledged.blockers);
  return { ok: true, nextStatus: next };
}

// ---------------------------------------------------------------------------------------------
// explaining warnings

/** the longest 说明 of one warning */
export const MAX_EXPLANATION_LENGTH = 5000;

export interface ExplainWarningInput {
  status: ReportStatus;
  actor: WorkflowActor;
  reportAgencyId: string;
  text: string | null | undefined;
}

/**
 * May the actor write the 说明 of a warning now? The preparer explains in the draft, before the
 * first signature, so every signer sees the explanations. The state stays as it is.
 */
export function checkExplainWarning({ status, actor, reportAgencyId, text }: ExplainWarningInput): WorkflowCheck {
  if (!can(actor, 'report.explainWarning', reportAgencyId)) return refuse('FORBIDDEN', FORBIDDEN_MESSAGE);
  if (!text?.trim()) return badField('text', '说明内容不能为空');
  if (text.length > MAX_EXPLANATION_LENGTH) return badField('text', `说明内容不能超过 ${MAX_EXPLANATION_LENGTH} 字`);
  if (!canExplainWarnings(status)) return refuse('CONFLICT', '只能在草稿状态下说明校验提示（提交后如需修改，请先退回）');
  return { ok: true, nextStatus: status };
}

// ---------------------------------------------------------------------------------------------
// return, rectification, correction

export interface ReturnInput {
  status: ReportStatus;
  actor: WorkflowActor;
  reportAgencyId: string;
  comment: string | null | undefined;
  requiresPreReview: boolean;
}

/** a signer returns the report to DRAFT; a comment saying why is required */
export function checkReturn({ status, actor, reportAgencyId, comment, requiresPreReview }: ReturnInput): WorkflowCheck {
  const next = nextStatus(status, 'return', { requiresPreReview });
  if (!next) return refuse('CONFLICT', `报告当前状态为“${REPORT_STATUS_LABELS[status]}”，不能退回`);
  if (!can(actor, 'report.return', reportAgencyId)) return refuse('FORBIDDEN', `${FORBIDDEN_MESSAGE}：您不能退回该报告`);
  if (!comment || !comment.trim()) return refuse('BAD_USER_INPUT', '退回报告时必须填写退回意见');
  return { ok: true, nextStatus: next };
}

export interface WithdrawInput {
  status: ReportStatus;
  actor: WorkflowActor;
  reportAgencyId: string;
}

/**
 * The preparer takes a submitted report back to DRAFT (a mistake noticed right after submitting)
 * while it still waits for the 分管领导; the preparer's signature is voided like on a return, so the
 * next submission is signed afresh. Once the 分管领导 has signed, only a return by a signer reopens it.
 */
export function checkWithdraw({ status, actor, reportAgencyId }: WithdrawInput): WorkflowCheck {
  if (!can(actor, 'report.withdraw', reportAgencyId)) return refuse('FORBIDDEN', `${FORBIDDEN_MESSAGE}：只有本单位填报人可以撤回提交`);
  if (!nextStatus(status, 'withdraw', { requiresPreReview: false })) {
    return refuse(
      'CONFLICT',
      status === 'DRAFT'
        ? '报告尚未提交，无需撤回'
        : `报告当前状态为“${REPORT_STATUS_LABELS[status]}”，分管领导已经处理，不能撤回；如需修改，请联系签署人退回`,
    );
  }
  return { ok: true, nextStatus: 'DRAFT' };
}

export interface RectificationInput {
  status: ReportStatus;
  actor: WorkflowActor;
  reportAgencyId: string;
  comment: string | null | undefined;
}

/** the county office asks for 整改 of a published report; the report stays published until corrected */
export function checkRequestRectification({ status, actor, reportAgencyId, comment }: RectificationInput): WorkflowCheck {
  if (status !== 'PUBLISHED') return refuse('CONFLICT', '只能对已公开的报告要求整改');
  if (!can(actor, 'report.requestRectification', reportAgencyId)) {
    return refuse('FORBIDDEN', `${FORBIDDEN_MESSAGE}：只有县政务公开办可以要求整改`);
  }
  if (!comment || !comment.trim()) return refuse('BAD_USER_INPUT', '要求整改时必须填写整改意见');
  return { ok: true, nextStatus: 'PUBLISHED' };
}

export interface CorrectionInput {
  status: ReportStatus;
  actor: WorkflowActor;
  reportAgencyId: string;
  /** a correction is already under way (an unpublished newer revision exists) */
  hasOpenRevision?: boolean;
}

/**
 * A correction starts from the published revision and makes a new DRAFT revision that goes through
 * the same flow and needs a 更正说明 before publication; the published revision stays as it is.
 */
export function checkStartCorrection({ status, actor, reportAgencyId, hasOpenRevision }: CorrectionInput): WorkflowCheck {
  if (status !== 'PUBLISHED') return refuse('CONFLICT', '只能对已公开的报告发起更正');
  if (!can(actor, 'report.startCorrection', reportAgencyId)) {
    return refuse('FORBIDDEN', `${FORBIDDEN_MESSAGE}：您不能发起更正`);
  }
  if (hasOpenRevision) return refuse('CONFLICT', '该报告已有正在办理的更正版本');
  return { ok: true, nextStatus: 'DRAFT' };
}

// ---------------------------------------------------------------------------------------------
// publication

export interface PublicationInput {
  status: ReportStatus;
  validation: ValidationResult;
  explanations: Readonly<Record<string, string>>;
  signatures: readonly Signature[];
  currentHash: string;
  requiresPreReview: boolean;
  review: ConfidentialityReview | null | undefined;
  /** the scanner findings of the current revision with their state */
  findings: readonly FindingState[];
  /** the revision corrects a published one */
  isCorrection: boolean;
  /** 更正说明 */
  correctionNote?: string | null;
  /** separation of the preparer and the confidentiality reviewer (on unless switched off) */
  rules?: SeparationRules;
}

/**
 * Everything that keeps a revision from publication, in Chinese; an empty list means it may be
 * published. Signatures and the review count only on the current content hash.
 */
export function publicationBlockers(input: PublicationInput): Blocker[] {
  const { status, validation, explanations, signatures, currentHash, requiresPreReview } = input;
  const blockers: Blocker[] = [];
  if (status === 'PUBLISHED') {
    blockers.push({ code: 'status.published', message: '该版本已公开，已公开的版本不能再次发布或修改' });
  } else if (!nextStatus(status, 'publish', { requiresPreReview })) {
    const waiting = requiresPreReview ? '县政务公开办预审' : '主要领导审批';
    blockers.push({
      code: 'status.notReady',
      message: `报告当前状态为“${REPORT_STATUS_LABELS[status]}”，须完成${waiting}后才能公开`,
    });
  }
  blockers.push(...submitBlockers({ validation, explanations }));
  for (const stage of requiredStages(requiresPreReview)) {
    if (!validSignatureOf(signatures, stage, currentHash)) {
      blockers.push({
        code: `signature.missing`,
        ref: stage,
        message: `缺少针对当前内容的有效“${SIGNATURE_STAGE_LABELS[stage]}”签署`,
      });
    }
  }
  blockers.push(...reviewBlockers(input.review, currentHash, input.findings));
  blockers.push(...separationBlockers({ signatures, review: input.review, currentHash, rules: input.rules }));
  if (input.isCorrection && !(input.correctionNote ?? '').trim()) {
    blockers.push({ code: 'correction.noteMissing', message: '更正版本须填写更正说明后才能公开' });
  }
  return blockers;
}

export interface PublishInput extends PublicationInput {
  actor: WorkflowActor;
  reportAgencyId: string;
}

/** may the actor publish now? VALIDATION_FAILED carries the blockers */
export function checkPublish(input: PublishInput): WorkflowCheck {
  if (input.status === 'PUBLISHED') return refuse('CONFLICT', '该版本已公开，已公开的版本不可更改');
  if (!can(input.actor, 'report.publish', input.reportAgencyId)) {
    return refuse('FORBIDDEN', `${FORBIDDEN_MESSAGE}：您不能公开发布该报告`);
  }
  const blockers = publicationBlockers(input);
  if (blockers.length) return refuse('VALIDATION_FAILED', blockersMessage('报告暂不能公开', blockers), blockers);
  return { ok: true, nextStatus: 'PUBLISHED' };
}

// ---------------------------------------------------------------------------------------------
// the console's buttons

export interface AvailableActionsInput {
  status: ReportStatus;
  actor: WorkflowActor;
  reportAgencyId: string;
  requiresPreReview: boolean;
  signatures: readonly Signature[];
  currentHash: string;
  /** an unpublished correction already exists (hides 发起更正) */
  hasOpenRevision?: boolean;
}

/**
 * The workflow buttons an actor sees for a report: the action fits the state, the role allows it,
 * and — for signatures — the actor has not signed another stage of this content. Preconditions that
 * depend on content (validation, review) are left to the act itself, which says what is missing.
 */
export function availableActions(input: AvailableActionsInput): WorkflowAction[] {
  const { status, actor, reportAgencyId, requiresPreReview, signatures, currentHash } = input;
  const signedOther = (stage: SignatureStage) =>
    validSignatures(signatures, currentHash).some((s) => s.signerId === actor.id && s.stage !== stage);
  return WORKFLOW_ACTIONS.filter((action) => {
    if (!nextStatus(status, action, { requiresPreReview })) return false;
    if (!can(actor, WORKFLOW_ACTION_PERMISSION[action], reportAgencyId)) return false;
    const stage = stageForAction(action);
    if (stage && signedOther(stage)) return false;
    if (action === 'startCorrection' && input.hasOpenRevision) return false;
    return true;
  });
}
