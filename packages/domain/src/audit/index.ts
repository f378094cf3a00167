/**
 * The audit trail in words: what each recorded action is called, which group it
 * belongs to (the filter people use: "everything but the logins"), what the fields of an entry's
 * detail are called and how their coded values read — so neither the API nor the console shows
 * `report.approve`, `OPEN`, `PROACTIVE`, `OVERDUE` or `signedHash` to a person. One place: the API
 * serves the labels, the console reads the same ones.
 */
import { CONTRIBUTION_STATUS_LABELS, isContributionStatus } from '../contributions';
import { ADMIN_GRANT_KIND_LABELS, type AdminGrantKind } from '../accounts';
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, isCaseKind, isCaseStatus } from '../accountability';
import { AGENCY_KIND_LABELS, isAgencyKind } from '../agencies';
import {
  CHECK_CONCLUSION_LABELS,
  CONFIDENTIALITY_CHECKS,
  DISCLOSURE_ATTRIBUTE_LABELS,
  REVIEW_BASIS_LABELS,
  REVIEW_CONCLUSION_LABELS,
  type CheckConclusion,
  type DisclosureAttribute,
  type ReviewBasis,
  type ReviewConclusion,
} from '../confidentiality';
import { FORMATS, isFormatId } from '../formats';
import { ROLE_LABELS, isRole } from '../permissions';
import { FINDING_KIND_LABELS, type FindingKind } from '../scanner';
import { REPORT_STATUS_LABELS, SIGNATURE_STAGE_LABELS, isReportStatus, type SignatureStage } from '../workflow';

/** every action the API records (apps/api: appendAudit), in words */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login.failed': '登录失败',
  'auth.lockout': '登录锁定',
  'access.denied': '越权访问被拒绝',
  'report.create': '新建报告',
  'report.update': '修改报告',
  'report.import': '导入报告',
  'file.upload': '上传公开文件',
  'report.delete': '删除报告',
  'report.explainWarning': '说明校验提示',
  'report.submit': '提交审核（填报人签署）',
  'report.review': '审核签署（分管领导）',
  'report.approve': '审批签署（主要领导）',
  'report.preReview': '预审签署（县政务公开办）',
  'report.sign': '签署',
  'report.return': '退回',
  'report.withdraw': '撤回',
  'report.publish': '公开发布',
  'report.startCorrection': '发起更正',
  'report.requestRectification': '要求整改',
  'report.status': '状态变更',
  'signature.voided': '签署作废',
  'signature.refused': '签署未被接受（状态或内容已变）',
  'confidentiality.review': '保密审查',
  'confidentiality.review.voided': '保密审查作废',
  'finding.scan': '保密扫描',
  'finding.dismiss': '忽略扫描发现',
  'finding.requestChange': '保密审查请修改',
  'contribution.assign': '分配填报任务',
  'contribution.deliver': '报送填报任务',
  'contribution.accept': '接受填报内容',
  'contribution.return': '退回填报内容',
  'agency.create': '新建单位',
  'agency.update': '修改单位',
  'region.create': '新建地区',
  'region.rename': '地区更名',
  'region.move': '调整地区隶属',
  'region.import': '导入地区',
  'totals.rebuild': '重算汇总数',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.passwordChange': '修改本人密码',
  'user.passwordChange.failed': '修改本人密码失败（当前密码错误）',
  'auth.stepUp.failed': '签署确认失败（本人密码错误）',
  'cycle.create': '新建报告周期',
  'cycle.update': '修改报告周期',
  'accountability.open': '责任追究立案',
  'accountability.update': '修改责任追究案件',
  'accountability.transition': '责任追究案件状态变更',
  'accountability.respond': '报送整改情况',
  'reminder.send': '催报',
  'seed.demo': '写入演示数据',
  'system.hashAlgorithm': '切换哈希算法',
  'seed.workflow': '写入演示数据（审签记录）',
};

/** an action in words; an action recorded by a newer version shows as recorded */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** the groups of actions the audit list filters by */
export const AUDIT_CATEGORIES = ['AUTH', 'REPORT', 'WORKFLOW', 'CONFIDENTIALITY', 'CONTRIBUTION', 'ADMINISTRATION', 'ACCOUNTABILITY', 'ACCESS_DENIED', 'SYSTEM'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_CATEGORY_LABELS: Record<AuditCategory, string> = {
  AUTH: '登录',
  REPORT: '报告内容',
  WORKFLOW: '签署、退回与公开',
  CONFIDENTIALITY: '保密审查',
  CONTRIBUTION: '分工填报',
  ADMINISTRATION: '地区、单位、用户和报告周期',
  ACCOUNTABILITY: '催报与责任追究',
  ACCESS_DENIED: '越权访问',
  SYSTEM: '系统',
};

/**
 * Which actions a group holds: exact actions and action prefixes ("auth." = every auth.* action).
 * Groups do not overlap; an action of no group is SYSTEM's.
 */
export const AUDIT_CATEGORY_ACTIONS: Record<AuditCategory, { actions?: readonly string[]; prefixes?: readonly string[] }> = {
  AUTH: { prefixes: ['auth.'] },
  REPORT: { actions: ['report.create', 'report.update', 'report.import', 'report.delete', 'report.explainWarning', 'file.upload'] },
  WORKFLOW: {
    actions: [
      'report.submit',
      'report.review',
      'report.approve',
      'report.preReview',
      'report.sign',
      'report.return',
      'report.withdraw',
      'report.publish',
      'report.startCorrection',
      'report.requestRectification',
      'report.status',
    ],
    prefixes: ['signature.'],
  },
  CONFIDENTIALITY: { prefixes: ['confidentiality.', 'finding.'] },
  CONTRIBUTION: { prefixes: ['contribution.'] },
  ADMINISTRATION: { prefixes: ['agency.', 'user.', 'cycle.', 'region.', 'totals.'] },
  ACCOUNTABILITY: { prefixes: ['accountability.', 'reminder.'] },
  ACCESS_DENIED: { actions: ['access.denied'] },
  SYSTEM: { prefixes: ['seed.', 'system.'] },
};

export function isAuditCategory(value: unknown): value is AuditCategory {
  return typeof value === 'string' && (AUDIT_CATEGORIES as readonly string[]).includes(value);
}

export function auditCategoryOf(action: string): AuditCategory {
  for (const category of AUDIT_CATEGORIES) {
    const { actions = [], prefixes = [] } = AUDIT_CATEGORY_ACTIONS[category];
    if (actions.includes(action) || prefixes.some((p) => action.startsWith(p))) return category;
  }
  return 'SYSTEM';
}

/** the names of an entry's detail fields, as the forms and the workflow name them */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  resolvedRectifications: '已完成的整改要求',
  // published files
  fileName: '文件名',
  fileKind: '文件类型',
  sha256: '文件哈希（SHA-256）',
  byteSize: '文件大小（字节）',
  sourceUrl: '来源网址',
  importStatus: '识别结果',
  fileId: '公开文件编号',
  // state changes and signatures
  from: '原状态',
  to: '新状态',
  status: '状态',
  stage: '签署环节',
  stageLabel: '签署环节',
  signerId: '签署人编号',
  signerName: '签署人',
  signedHash: '签署时的内容哈希',
  newHash: '修改后的内容哈希',
  contentHash: '内容哈希',
  sentHash: '签署人所见的内容哈希',
  hashAlgorithm: '哈希算法',
  warnings: '提交时的提醒',
  revision: '修订号',
  revisionNo: '公开版本',
  correctionNote: '更正说明',
  comment: '意见',
  reason: '理由',
  signatures: '签署',
  reviewId: '保密审查记录',
  // report content and import
  year: '年度',
  format: '格式',
  cells: '单元格',
  sections: '文字部分',
  carriedOver: '自上年结转的数据',
  source: '导入来源',
  detectedFormat: '识别的格式',
  detectedYear: '识别的年度',
  unplaced: '未能识别的行数',
  notes: '导入说明',
  ruleId: '校验规则',
  text: '说明',
  // 保密审查 and the scanner
  checks: '七项审查',
  conclusion: '审查结论',
  bases: '审查依据',
  disclosure: '公开属性',
  note: '说明',
  reviewedHash: '审查时的内容哈希',
  reviewerId: '审查人编号',
  reviewerName: '审查人',
  opened: '新发现',
  fixed: '已修复',
  key: '编号',
  kind: '类型',
  section: '所在部分',
  message: '内容',
  findingId: '扫描发现编号',
  acknowledgedFindings: '签署时确认知悉的扫描发现',
  start: '起始位置',
  end: '结束位置',
  // snapshots of agencies, users, cycles and cases
  before: '修改前',
  after: '修改后',
  deadline: '截止日期',
  daysOverdue: '逾期天数',
  requiresPreReview: '需县政务公开办预审',
  open: '开放填报',
  code: '单位代码',
  name: '名称',
  parentId: '上级单位',
  region: '所属区域',
  active: '启用',
  username: '用户名',
  displayName: '姓名',
  email: '电子邮箱',
  agencyId: '所属单位',
  roles: '角色',
  description: '情况说明',
  outcome: '处理结果',
  responsiblePerson: '责任人',
  rectifyBy: '整改期限',
  response: '整改情况',
  auditEntryIds: '相关审计记录',
  passwordChanged: '修改了密码',
  sessionsRevoked: '已注销登录会话',
  oneTimePassword: '管理员设置的一次性密码（下次登录须修改）',
  replacedOneTimePassword: '已替换管理员设置的一次性密码',
  mustChangePassword: '须先修改管理员设置的密码',
  signingGrant: '管理员授予签署权限',
  // separation of powers: signatures soon after an administrator's grant, confirmed by password
  adminGrant: '管理员近期创建或授权的签署账号',
  adminGrantAt: '管理员创建或授权的时间',
  stepUp: '签署时已再次输入本人密码',
  // contributions
  assigneeId: '承办人编号',
  assigneeName: '承办人',
  target: '填报范围',
  dueDate: '完成期限',
  changed: '修改的内容',
  // the demo seed's summary
  agencies: '单位',
  users: '用户',
  today: '演示数据的日期',
  openCycle: '当前报告年度',
  cycles: '报告周期',
  reports: '报告',
  realReport: '导入的真实报告',
  file: '文件',
  agency: '单位',
  archiveSigners: '往年报告的签署人账号',
  explanations: '校验提示说明',
  reviews: '保密审查',
  findings: '扫描发现',
  revisions: '公开版本',
  publishedCells: '公开的单元格',
  returned: '被退回的报告',
  accountabilityCases: '责任追究案件',
  // logins and refusals
  ip: 'IP 地址',
  scope: '锁定范围',
  failures: '连续失败次数',
  lockSeconds: '锁定秒数',
  attempted: '尝试的操作',
  // a denial naming an id too long to be one (kept in the detail, cut)
  givenIds: '请求中过长的编号（未作为编号记录）',
  reportId: '报告编号',
  targetId: '对象编号',
  beginning: '开头部分',
  length: '字符数',
};

export function auditFieldLabel(field: string): string {
  return AUDIT_FIELD_LABELS[field] ?? field;
}


const LOGIN_FAILURE_LABELS: Record<string, string> = { 'unknown-user': '用户名不存在', 'wrong-password': '密码错误', inactive: '账号已停用' };
const LOCK_SCOPE_LABELS: Record<string, string> = { account: '账号', ip: 'IP 地址' };
const IMPORT_SOURCE_LABELS: Record<string, string> = { text: '文本', html: '网页（HTML）', docx: 'Word 文档', xlsx: 'Excel 表格' };

/**
 * A coded value of an entry's detail in words: report and case states, signature stages, review
 * conclusions, 公开属性, check results, case kinds, agency kinds, roles, finding kinds, formats, the
 * 条例 articles of a review's basis. `targetType` (the entry's) tells a case's status and kind from a
 * report's and an agency's. Returns null for values that are not codes (text, numbers, ids).
 */
export function auditValueLabel(field: string, value: unknown, targetType?: string | null): string | null {
  if (Array.isArray(value)) {
    const labels = value.map((v) => auditValueLabel(field, v, targetType));
    return labels.every((l) => l !== null) ? labels.join('、') : null;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value !== 'string') return null;
  const forCase = targetType === 'AccountabilityCase';
  switch (field) {
    case 'status':
    case 'from':
    case 'to':
      if (forCase && isCaseStatus(value)) return CASE_STATUS_LABELS[value];
      if (targetType === 'Contribution' && isContributionStatus(value)) return CONTRIBUTION_STATUS_LABELS[value];
      return isReportStatus(value) ? REPORT_STATUS_LABELS[value] : null;
    case 'stage':
      return value in SIGNATURE_STAGE_LABELS ? SIGNATURE_STAGE_LABELS[value as SignatureStage] : null;
    case 'conclusion':
      if (value in REVIEW_CONCLUSION_LABELS) return REVIEW_CONCLUSION_LABELS[value as ReviewConclusion];
      return value in CHECK_CONCLUSION_LABELS ? CHECK_CONCLUSION_LABELS[value as CheckConclusion] : null;
    case 'disclosure':
      return value in DISCLOSURE_ATTRIBUTE_LABELS ? DISCLOSURE_ATTRIBUTE_LABELS[value as DisclosureAttribute] : null;
    case 'bases':
      return value in REVIEW_BASIS_LABELS ? REVIEW_BASIS_LABELS[value as ReviewBasis] : null;
    case 'kind':
      if (forCase || isCaseKind(value)) return isCaseKind(value) ? CASE_KIND_LABELS[value] : null;
      if (isAgencyKind(value)) return AGENCY_KIND_LABELS[value];
      return value in FINDING_KIND_LABELS ? FINDING_KIND_LABELS[value as FindingKind] : null;
    case 'roles':
      return isRole(value) ? ROLE_LABELS[value] : null;
    case 'format':
    case 'detectedFormat':
      return isFormatId(value) ? `${value}年版格式（${FORMATS[value].notice}）` : null;
    case 'attempted':
      return AUDIT_ACTION_LABELS[value] ?? null;
    case 'reason':
      return LOGIN_FAILURE_LABELS[value] ?? null;
    case 'scope':
      return LOCK_SCOPE_LABELS[value] ?? null;
    case 'signingGrant':
      return value in ADMIN_GRANT_KIND_LABELS ? ADMIN_GRANT_KIND_LABELS[value as AdminGrantKind] : null;
    case 'source':
      return IMPORT_SOURCE_LABELS[value] ?? null;
    case 'section':
      return value in SECTION_LABELS ? SECTION_LABELS[value] : null;
    default:
      return null;
  }
}

const SECTION_LABELS: Record<string, string> = {
  overview: '一、总体情况',
  t2: '二、主动公开政府信息情况',
  t3: '三、收到和处理政府信息公开申请情况',
  t4: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/** the seven checks of a 保密审查 by key, for a detail's `checks` */
export const AUDIT_CHECK_LABELS: Record<string, string> = Object.fromEntries(CONFIDENTIALITY_CHECKS.map((c) => [c.key, c.label]));
