/**
 * An audit entry's detail as readable lines: changed cells by their official label (the domain's
 * cellDefinition), changed texts by section title, other fields as name: value.
 */
import { cellDefinition, FORMAT_IDS, isFormatId, type FormatId } from '@touming/domain/formats';
import { REPORT_STATUS_LABELS, SIGNATURE_STAGE_LABELS, isReportStatus } from '@touming/domain/workflow';
import { ROLE_LABELS, isRole } from '@touming/domain/permissions';
import { sectionTitle } from '../../editor/draft';

/** the audit actions in words (an unknown action shows as recorded) */
export const ACTION_LABELS: Record<string, string> = {
  'access.denied': '越权访问被拒绝',
  'accountability.open': '责任追究立案',
  'accountability.update': '责任追究案件更新',
  'agency.create': '新建机构',
  'agency.update': '修改机构',
  'auth.login': '登录',
  'auth.login.failed': '登录失败',
  'confidentiality.review': '保密审查',
  'confidentiality.review.voided': '保密审查作废',
  'contribution.assign': '分配填报任务',
  'contribution.deliver': '报送填报任务',
  'cycle.create': '新建报告周期',
  'cycle.update': '修改报告周期',
  'finding.dismiss': '忽略扫描发现',
  'finding.scan': '保密扫描',
  'report.create': '新建报告',
  'report.delete': '删除报告',
  'report.update': '修改报告',
  'report.explainWarning': '说明校验提示',
  'report.import': '导入报告',
  'report.publish': '公开发布',
  'report.requestRectification': '要求整改',
  'report.return': '退回',
  'report.startCorrection': '发起更正',
  'report.status': '签署',
  'report.submit': '提交',
  'report.sign': '签署',
  'signature.voided': '签署作废',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'seed.demo': '写入演示数据',
  'seed.workflow': '写入演示数据',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** names of detail fields in words */
const FIELD_LABELS: Record<string, string> = {
  status: '状态',
  revision: '修订号',
  revisionNo: '公开版本',
  contentHash: '内容哈希',
  correctionNote: '更正说明',
  comment: '意见',
  reason: '理由',
  stage: '签署环节',
  ip: 'IP 地址',
  conclusion: '结论',
  disclosure: '公开属性',
  note: '说明',
  text: '说明',
  ruleId: '规则',
  // the snapshots of agencies, users, cycles and cases (before/after), as the forms name them
  year: '年度',
  format: '格式',
  deadline: '截止日期',
  requiresPreReview: '需县政务公开办预审',
  open: '开放',
  code: '机构代码',
  name: '名称',
  kind: '类型',
  parentId: '上级机构',
  region: '所属区域',
  active: '启用',
  username: '用户名',
  displayName: '姓名',
  agencyId: '所属机构',
  roles: '角色',
  description: '情况说明',
  outcome: '处理结果',
  auditEntryIds: '相关审计记录',
  // other details
  passwordChanged: '修改了密码',
  sessionsRevoked: '已注销登录会话',
  assigneeId: '承办人编号',
  assigneeName: '承办人',
  target: '填报范围',
  dueDate: '截止日期',
  attempted: '尝试的操作',
  opened: '新发现',
  fixed: '已修复',
  key: '编号',
  section: '所在部分',
  message: '内容',
  reviewedHash: '审查时的内容哈希',
  reviewerId: '审查人编号',
  reviewerName: '审查人',
};

function fieldLabel(name: string) {
  return FIELD_LABELS[name] ?? name;
}

function showValue(name: string, value: unknown): string {
  if (typeof value === 'string' && isReportStatus(value)) return REPORT_STATUS_LABELS[value];
  if (name === 'stage' && typeof value === 'string' && value in SIGNATURE_STAGE_LABELS) return SIGNATURE_STAGE_LABELS[value as keyof typeof SIGNATURE_STAGE_LABELS];
  if (/hash$/i.test(name) && typeof value === 'string') return `${value.slice(0, 16)}…`;
  if (name === 'roles' && Array.isArray(value)) return value.map((r) => (isRole(r) ? ROLE_LABELS[r] : String(r))).join('、');
  if (name === 'attempted' && typeof value === 'string') return actionLabel(value);
  return show(value);
}

function isSnapshot(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/** a created or changed record (agency, user, cycle, case) recorded as whole before/after snapshots: one line per changed field */
function snapshotLines(before: Record<string, unknown> | undefined, after: Record<string, unknown>): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const name of new Set([...Object.keys(before ?? {}), ...Object.keys(after)])) {
    if (!before) lines.push({ label: fieldLabel(name), value: showValue(name, after[name]) });
    else if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) lines.push({ label: fieldLabel(name), before: showValue(name, before[name]), after: showValue(name, after[name]) });
  }
  return lines;
}

export interface DiffLine {
  label: string;
  before?: string;
  after?: string;
  /** a value without before/after (a reason, a comment, a hash) */
  value?: string;
}

/** newest format first: a key both formats share takes the label in force now */
const FORMATS: FormatId[] = [...FORMAT_IDS].reverse();

export function cellLabel(key: string, format?: string): string {
  const order = isFormatId(format) ? [format, ...FORMATS.filter((f) => f !== format)] : FORMATS;
  for (const f of order) {
    const def = cellDefinition(f, key);
    if (def) return def.label;
  }
  return key;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空白）';
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

interface Change {
  key: string;
  before?: unknown;
  after?: unknown;
}

function isChangeList(value: unknown): value is Change[] {
  return Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'key' in v && ('before' in v || 'after' in v));
}

export function diffLines(detail: Record<string, unknown> | null | undefined): DiffLine[] {
  if (!detail) return [];
  const format = typeof detail.format === 'string' ? detail.format : undefined;
  const lines: DiffLine[] = [];
  // a state change is recorded as from/to at the top level
  if ('from' in detail && 'to' in detail) lines.push({ label: '状态', before: showValue('status', detail.from), after: showValue('status', detail.to) });
  const snapshots = isSnapshot(detail.after) && (detail.before == null || isSnapshot(detail.before));
  if (snapshots) lines.push(...snapshotLines(isSnapshot(detail.before) ? detail.before : undefined, detail.after as Record<string, unknown>));
  for (const [name, value] of Object.entries(detail)) {
    if (name === 'from' || name === 'to') continue;
    if (snapshots && (name === 'before' || name === 'after')) continue;
    if (name === 'signatures' && Array.isArray(value)) {
      lines.push({ label: '签署', value: value.map((v) => SIGNATURE_STAGE_LABELS[(v as { stage: keyof typeof SIGNATURE_STAGE_LABELS }).stage] ?? '').join('、') });
      continue;
    }
    if (name === 'checks' && value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.values(value as Record<string, { conclusion?: string }>);
      const issues = entries.filter((c) => c?.conclusion === 'ISSUE').length;
      lines.push({ label: '七项审查', value: issues ? `${issues} 项存在问题` : `${entries.length} 项均无问题` });
      continue;
    }
    if (name === 'cells' && isChangeList(value)) {
      for (const c of value) lines.push({ label: cellLabel(c.key, format), before: show(c.before), after: show(c.after) });
    } else if (name === 'sections' && isChangeList(value)) {
      for (const s of value) lines.push({ label: sectionTitle(s.key), before: show(s.before), after: show(s.after) });
    } else if ((name === 'cells' || name === 'carriedOver') && isSnapshot(value)) {
      // an import: the cells it filled; a new report: the cells carried over from last year's
      for (const [key, v] of Object.entries(value)) lines.push({ label: cellLabel(key, format), before: '（空白）', after: show(v) });
    } else if (value && typeof value === 'object' && !Array.isArray(value) && 'from' in value && 'to' in value) {
      const v = value as { from: unknown; to: unknown };
      lines.push({ label: fieldLabel(name), before: showValue(name, v.from), after: showValue(name, v.to) });
    } else if (value && typeof value === 'object' && !Array.isArray(value) && 'before' in value && 'after' in value) {
      const v = value as { before: unknown; after: unknown };
      lines.push({ label: fieldLabel(name), before: showValue(name, v.before), after: showValue(name, v.after) });
    } else {
      lines.push({ label: fieldLabel(name), value: showValue(name, value) });
    }
  }
  return lines;
}
