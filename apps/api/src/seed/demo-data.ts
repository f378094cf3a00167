import type { Role } from '@touming/domain/permissions';
import type { ReportStatus } from '@touming/domain/workflow';
import type { AgencyKind } from '@touming/domain/agencies';

/** the password of every demo user (never seeded in production) */
export const DEMO_PASSWORD = 'touming-demo';
export const DEMO_REGION = '盐池县';

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
];

export const DEMO_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
/** the year of the real report imported from seed/data */
export const REAL_REPORT = { agency: 'yanchi.wenlv', year: 2020, file: 'yanchi-wenlv-2020.txt' };

/**
 * The current (2025) cycle in progress: a realistic spread of states, and two agencies with no report
 * yet (overdue once the deadline passes). Older years are published.
 */
export const CURRENT_YEAR_STATUS: Record<string, ReportStatus | null> = {
  'yanchi.gov': 'DRAFT',
  'yanchi.wenlv': 'DRAFT',
  'yanchi.jiaoti': 'SUBMITTED',
  'yanchi.weijian': 'REVIEWED',
  'yanchi.ziran': 'APPROVED',
  'yanchi.shijian': 'SUBMITTED',
  'yanchi.gongan': 'DRAFT',
  'yanchi.minzheng': 'APPROVED',
  'yanchi.renshe': 'REVIEWED',
  'yanchi.zhujian': null,
  'yanchi.nongye': 'DRAFT',
  'yanchi.huamachi': 'SUBMITTED',
  'yanchi.dashuikeng': 'DRAFT',
  'yanchi.huianpu': null,
};
