import type { Role } from '@touming/domain/permissions';
import type { ReportStatus } from '@touming/domain/workflow';
import type { AgencyKind } from '@touming/domain/agencies';
import type { RegionLevel } from '@touming/domain/regions';

/** the password of every demo user (never seeded in production) */
export const DEMO_PASSWORD = 'touming-demo';
export const DEMO_REGION = '盐池县';

/**
 * The demo's place in the region tree: 盐池县 in its real tree (宁夏回族自治区 → 吴忠市 → 盐池县), and a
 * second county of 吴忠市 so the city's office has two counties to watch.
 */
export const DEMO_REGIONS: { code: string; name: string; level: RegionLevel; parent: string | null }[] = [
  { code: '640000', name: '宁夏回族自治区', level: 'PROVINCE', parent: null },
  { code: '640300', name: '吴忠市', level: 'CITY', parent: '640000' },
  { code: '640323', name: '盐池县', level: 'COUNTY', parent: '640300' },
  { code: '640324', name: '同心县', level: 'COUNTY', parent: '640300' },
];
/** the region of DEMO_AGENCIES */
export const DEMO_COUNTY_CODE = '640323';

/**
 * Agencies outside 盐池县: the city's 政务公开办 and a few bodies of 同心县. They have no reports (the
 * demo's statistics and its 盐池县 screens stay exactly as they were); they show the tree and the
 * scope — 盐池县's office never sees them, 吴忠市's sees both counties.
 */
export const DEMO_NEIGHBOUR_AGENCIES: { code: string; name: string; kind: AgencyKind; region: string; regionName: string }[] = [
  { code: 'wuzhong.zwgk', name: '吴忠市人民政府办公室（市政务公开办）', kind: 'COUNTY_OFFICE', region: '640300', regionName: '吴忠市' },
  { code: 'tongxin.gov', name: '同心县人民政府', kind: 'COUNTY_GOVERNMENT', region: '640324', regionName: '同心县' },
  { code: 'tongxin.zwgk', name: '同心县人民政府办公室（县政务公开办）', kind: 'COUNTY_OFFICE', region: '640324', regionName: '同心县' },
  { code: 'tongxin.jiaoyu', name: '同心县教育局', kind: 'DEPARTMENT', region: '640324', regionName: '同心县' },
  { code: 'tongxin.weijian', name: '同心县卫生健康局', kind: 'DEPARTMENT', region: '640324', regionName: '同心县' },
  { code: 'tongxin.yuwang', name: '同心县豫旺镇人民政府', kind: 'TOWNSHIP', region: '640324', regionName: '同心县' },
];

export interface DemoAgency {
  code: string;
  name: string;
  kind: AgencyKind;
  /** size for the report generator: ~0.3 a township, 1 an ordinary department */
  scale: number;
  /** does the agency publish its own annual report? (the county office compiles, it does not report) */
  reports: boolean;
}

/** the county government, its 政务公开办, departments and townships — real names of 盐池县's bodies */
export const DEMO_AGENCIES: DemoAgency[] = [
  { code: 'yanchi.gov', name: '盐池县人民政府', kind: 'COUNTY_GOVERNMENT', scale: 3, reports: true },
  { code: 'yanchi.zwgk', name: '盐池县人民政府办公室（县政务公开办）', kind: 'COUNTY_OFFICE', scale: 1, reports: false },
  { code: 'yanchi.wenlv', name: '盐池县文化旅游广电局', kind: 'DEPARTMENT', scale: 1, reports: true },
  { code: 'yanchi.jiaoti', name: '盐池县教育体育局', kind: 'DEPARTMENT', scale: 1.6, reports: true },
  { code: 'yanchi.weijian', name: '盐池县卫生健康局', kind: 'DEPARTMENT', scale: 1.4, reports: true },
  { code: 'yanchi.ziran', name: '盐池县自然资源局', kind: 'DEPARTMENT', scale: 2.2, reports: true },
  { code: 'yanchi.shijian', name: '盐池县市场监督管理局', kind: 'DEPARTMENT', scale: 1.2, reports: true },
  { code: 'yanchi.gongan', name: '盐池县公安局', kind: 'DEPARTMENT', scale: 1.8, reports: true },
  { code: 'yanchi.minzheng', name: '盐池县民政局', kind: 'DEPARTMENT', scale: 0.8, reports: true },
  { code: 'yanchi.renshe', name: '盐池县人力资源和社会保障局', kind: 'DEPARTMENT', scale: 1.1, reports: true },
  { code: 'yanchi.zhujian', name: '盐池县住房和城乡建设局', kind: 'DEPARTMENT', scale: 1.5, reports: true },
  { code: 'yanchi.nongye', name: '盐池县农业农村局', kind: 'DEPARTMENT', scale: 1, reports: true },
  { code: 'yanchi.huamachi', name: '盐池县花马池镇人民政府', kind: 'TOWNSHIP', scale: 0.4, reports: true },
  { code: 'yanchi.dashuikeng', name: '盐池县大水坑镇人民政府', kind: 'TOWNSHIP', scale: 0.3, reports: true },
  { code: 'yanchi.huianpu', name: '盐池县惠安堡镇人民政府', kind: 'TOWNSHIP', scale: 0.25, reports: true },
];

export interface DemoUser {
  username: string;
  displayName: string;
  agency: string;
  roles: Role[];
}

function agencyTeam(prefix: string, agency: string, people: [string, string, string], extra: DemoUser[] = []): DemoUser[] {
  return [
    { username: `${prefix}.preparer`, displayName: people[0], agency, roles: ['AGENCY_PREPARER'] },
    { username: `${prefix}.reviewer`, displayName: people[1], agency, roles: ['AGENCY_REVIEWER'] },
    { username: `${prefix}.approver`, displayName: people[2], agency, roles: ['AGENCY_APPROVER'] },
    ...extra,
  ];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '县政务公开办管理员', agency: 'yanchi.zwgk', roles: ['COUNTY_ADMIN'] },
  ...agencyTeam('wenlv', 'yanchi.wenlv', ['王丽（办公室）', '李建国（分管副局长）', '张伟（局长）'], [
    { username: 'wenlv.secrecy', displayName: '赵敏（保密审查员）', agency: 'yanchi.wenlv', roles: ['CONFIDENTIALITY_REVIEWER'] },
    { username: 'wenlv.contributor', displayName: '马强（文物股）', agency: 'yanchi.wenlv', roles: ['AGENCY_CONTRIBUTOR'] },
  ]),
  ...agencyTeam('jiaoti', 'yanchi.jiaoti', ['刘芳（办公室）', '陈刚（分管副局长）', '杨帆（局长）'], [
    { username: 'jiaoti.secrecy', displayName: '周静（保密审查员）', agency: 'yanchi.jiaoti', roles: ['CONFIDENTIALITY_REVIEWER'] },
  ]),
  ...agencyTeam('weijian', 'yanchi.weijian', ['黄敏（办公室）', '吴斌（分管副局长）', '徐红（局长）']),
  ...agencyTeam('huamachi', 'yanchi.huamachi', ['孙燕（党政办）', '胡军（分管副镇长）', '郭亮（镇长）']),
  // the city's office above both counties, and the other county's office (sees 同心县 only)
  { username: 'wuzhong.admin', displayName: '市政务公开办管理员（吴忠市）', agency: 'wuzhong.zwgk', roles: ['COUNTY_ADMIN'] },
  { username: 'tongxin.admin', displayName: '县政务公开办管理员（同心县）', agency: 'tongxin.zwgk', roles: ['COUNTY_ADMIN'] },
];

/** the first demo year: the first report in the 2019 format, so both national formats are seeded */
export const FIRST_DEMO_YEAR = 2019;
/** the year of the real report imported from seed/data */
export const REAL_REPORT = { agency: 'yanchi.wenlv', year: 2020, file: 'yanchi-wenlv-2020.txt' };

/**
 * A state of the demo's open cycle (the current report year, see demo-plan.ts). RETURNED is a DRAFT
 * that the 分管领导 sent back with a comment (its preparer's signature voided); null: no report yet.
 * PUBLISHED happens only in the reporting season (from 1 December); earlier in the year those
 * agencies stand at APPROVED.
 */
export type DemoCycleState = ReportStatus | 'RETURNED' | null;

/**
 * The open cycle two months before the deadline: drafts, a returned one, reports in sign-off, two
 * early publishers and two agencies that have not started. Every older cycle is published.
 * (Tests read this through demo-plan.ts: 文旅局 and 公安局 are drafts, 教体局 and 花马池镇 submitted,
 * 卫健局 reviewed — the browser and reliability suites rely on these.)
 */
export const CURRENT_CYCLE_STATE: Record<string, DemoCycleState> = {
  'yanchi.gov': 'DRAFT',
  'yanchi.wenlv': 'DRAFT',
  'yanchi.jiaoti': 'SUBMITTED',
  'yanchi.weijian': 'REVIEWED',
  'yanchi.ziran': 'APPROVED',
  'yanchi.shijian': 'PUBLISHED',
  'yanchi.gongan': 'DRAFT',
  'yanchi.minzheng': 'RETURNED',
  'yanchi.renshe': 'REVIEWED',
  'yanchi.zhujian': null,
  'yanchi.nongye': 'PUBLISHED',
  'yanchi.huamachi': 'SUBMITTED',
  'yanchi.dashuikeng': 'DRAFT',
  'yanchi.huianpu': null,
};

/** what the 分管领导 wrote when returning the RETURNED report */
export const RETURN_COMMENT = '第五部分“存在的主要问题”写得过于笼统，请结合本单位实际逐条写明问题和改进措施后重新提交';

/**
 * Publications after the deadline in past cycles (yearsAgo: 1 = the cycle before the open one). With
 * `accountability`, the county office opened a 责任追究 case (逾期未报送) ten days after the deadline,
 * which is closed with an outcome once the report is out.
 */
export const LATE_PUBLICATIONS: { agency: string; yearsAgo: number; daysLate: number; accountability?: { outcome: string } }[] = [
  { agency: 'yanchi.gongan', yearsAgo: 1, daysLate: 44, accountability: { outcome: '已补充公开年度报告；对办公室负责人进行约谈，在全县政务公开工作通报中点名' } },
  { agency: 'yanchi.dashuikeng', yearsAgo: 3, daysLate: 14 },
];

/**
 * What evaluators find in real reports, put into the last completed cycle so the quality ranking has
 * something to separate (packages/domain/src/quality): none breaks an error rule (each was signed
 * and published), each raises a warning the agency explained, or is a quality-only finding.
 */
export type QualityFlaw = 'copiedProblems' | 'textMismatch' | 'carryOverMismatch' | 'thinOverview';
export const QUALITY_FLAWS: { agency: string; yearsAgo: number; flaw: QualityFlaw }[] = [
  { agency: 'yanchi.minzheng', yearsAgo: 1, flaw: 'copiedProblems' },
  { agency: 'yanchi.renshe', yearsAgo: 1, flaw: 'textMismatch' },
  { agency: 'yanchi.ziran', yearsAgo: 1, flaw: 'carryOverMismatch' },
  { agency: 'yanchi.huamachi', yearsAgo: 1, flaw: 'thinOverview' },
];

/** the written explanation (说明) a signed report carries for each kind of warning */
export const WARNING_EXPLANATIONS: Record<string, string> = {
  's5.similarity': '本年度存在的问题与上年基本相同，相关整改仍在推进中（演示数据）',
  'text.numbers': '正文数字为初稿统计口径，以表格数据为准（演示数据）',
  't3.carryOver': '上年结转件数经核实调整，以本年台账为准（演示数据）',
};
export const DEFAULT_WARNING_EXPLANATION = '经核实，数据与台账一致（演示数据）';
