/**
 * Administrative regions (行政区划) as a tree: 省/自治区 → 市/州 → 县/区/旗 → 乡镇/街道. Every agency
 * belongs to one region; a region's 政务公开办 supervises that region's whole subtree. The API stores
 * each region with a materialised path of ids ('/<province>/<city>/<county>/'), so "is this agency in
 * the office's subtree" is a prefix test here and a LIKE in SQL — the same rule on both sides.
 */

export const REGION_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  PROVINCE: '省/自治区',
  CITY: '市/州',
  COUNTY: '县/区/旗',
  TOWNSHIP: '乡镇/街道',
};

/** how the office of a level is named: 县政务公开办 where the user is a county, and so on */
export const OFFICE_LABELS: Record<RegionLevel, string> = {
  PROVINCE: '省政务公开办',
  CITY: '市政务公开办',
  COUNTY: '县政务公开办',
  TOWNSHIP: '乡镇政务公开工作机构',
};

export function isRegionLevel(value: unknown): value is RegionLevel {
  return typeof value === 'string' && (REGION_LEVELS as readonly string[]).includes(value);
}

/** the levels a region of `level` may sit under (a county directly under a province: 省直辖县) */
export const PARENT_LEVELS: Record<RegionLevel, readonly (RegionLevel | null)[]> = {
  PROVINCE: [null],
  CITY: ['PROVINCE'],
  COUNTY: ['CITY', 'PROVINCE'],
  TOWNSHIP: ['COUNTY'],
};

/** the digits of a code that its children's codes start with */
export function codePrefix(level: RegionLevel, code: string): string {
  switch (level) {
    case 'PROVINCE':
      return code.slice(0, 2);
    case 'CITY':
      return code.slice(0, 4);
    default:
      return code.slice(0, code.length === 6 ? 6 : code.length);
  }
}

/**
 * Is `code` a division code of `level`? 省 ends in 0000, 市 in 00 (not 0000), 县 is six digits not
 * ending in 00; 乡镇/街道 are nine digits, or twelve (the statistical code). Returns the Chinese reason
 * when not, or null.
 */
export function regionCodeProblem(level: RegionLevel, code: string): string | null {
  if (level === 'TOWNSHIP') return /^\d{9}(\d{3})?$/.test(code) ? null : '乡镇/街道的区划代码应为9位或12位数字';
  if (!/^\d{6}$/.test(code)) return '省、市、县的行政区划代码应为6位数字';
  if (level === 'PROVINCE' && !code.endsWith('0000')) return '省级区划代码应以0000结尾';
  if (level === 'CITY' && (!code.endsWith('00') || code.endsWith('0000'))) return '市级区划代码应以00结尾（且不以0000结尾）';
  if (level === 'COUNTY' && code.endsWith('00')) return '县级区划代码不应以00结尾';
  return null;
}

export const REGION_NAME_MAX = 50;

export function regionNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return '地区名称不能为空';
  if (trimmed.length > REGION_NAME_MAX) return `地区名称不能超过${REGION_NAME_MAX}个字`;
  return null;
}

export interface RegionFacts {
  id: string;
  code: string;
  level: RegionLevel;
  /** '/<id>/…/<own id>/' */
  path: string;
}

/**
 * May a region of `level` and `code` sit under `parent` (null: a root)? Checks the level order and
 * that the code continues the parent's (640323 under 640300 under 640000). Returns the reason or null.
 */
export function placementProblem(level: RegionLevel, code: string, parent: Pick<RegionFacts, 'code' | 'level'> | null): string | null {
  const allowed = PARENT_LEVELS[level];
  const parentLevel = parent?.level ?? null;
  if (!allowed.includes(parentLevel)) {
    const wanted = allowed.map((l) => (l ? REGION_LEVEL_LABELS[l] : '顶层')).join('或');
    return `${REGION_LEVEL_LABELS[level]}只能位于${wanted}之下`;
  }
  if (parent && !code.startsWith(codePrefix(parent.level, parent.code))) return `区划代码${code}与上级地区的代码${parent.code}不相符`;
  return null;
}

/** the path of a region with this id under a parent of `parentPath` (null: a root) */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** is the region at `path` the region at `ancestorPath` or inside its subtree? */
export function isWithin(path: string | null | undefined, ancestorPath: string): boolean {
  return path != null && path.startsWith(ancestorPath);
}

/** the ids on a path, root first, the region itself last */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * Moving `region` under `newParent`: not under itself or its own subtree, and only where its level
 * may sit. Returns the reason or null.
 */
export function moveProblem(region: RegionFacts, newParent: RegionFacts | null): string | null {
  if (newParent && isWithin(newParent.path, region.path)) return '不能把地区移到它自己或它的下级地区之下';
  return placementProblem(region.level, region.code, newParent);
}

/** the new path of a region in the moved subtree (`oldRoot` → `newRoot`) */
export function movedPath(path: string, oldRoot: string, newRoot: string): string {
  return isWithin(path, oldRoot) ? newRoot + path.slice(oldRoot.length) : path;
}

export interface RegionCsvRow {
  line: number;
  code: string;
  name: string;
  level: RegionLevel;
  /** the parent's code, empty for a root */
  parentCode: string;
}

export interface RegionCsvProblem {
  line: number;
  message: string;
}

const LEVEL_WORDS: Record<string, RegionLevel> = {
  省: 'PROVINCE',
  自治区: 'PROVINCE',
  市: 'CITY',
  州: 'CITY',
  县: 'COUNTY',
  区: 'COUNTY',
  旗: 'COUNTY',
  乡镇: 'TOWNSHIP',
  乡: 'TOWNSHIP',
  镇: 'TOWNSHIP',
  街道: 'TOWNSHIP',
};

/** a level written as PROVINCE…, or in words (省, 市, 县, 乡镇/街道 …) */
export function parseRegionLevel(text: string): RegionLevel | null {
  const t = text.trim();
  if (isRegionLevel(t.toUpperCase())) return t.toUpperCase() as RegionLevel;
  return LEVEL_WORDS[t] ?? (Object.entries(REGION_LEVEL_LABELS).find(([, label]) => label === t)?.[0] as RegionLevel | undefined) ?? null;
}

/**
 * A regions CSV: `code,name,level,parentCode` (a header line naming those columns is optional;
 * parents before children is not required). Every row is checked on its own (code, name, level) and
 * against its parent when the parent is in the file; parents outside the file are the caller's to find.
 */
export function parseRegionCsv(text: string): { rows: RegionCsvRow[]; problems: RegionCsvProblem[] } {
  const rows: RegionCsvRow[] = [];
  const problems: RegionCsvProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const seen = new Map<string, number>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    const cols = raw.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (line === 1 && /^(code|代码|区划代码)$/i.test(cols[0])) return;
    if (cols.length < 3) return void problems.push({ line, message: '每行应为：区划代码,名称,层级,上级代码' });
    const [code, name, levelText, parentCode = ''] = cols;
    const level = parseRegionLevel(levelText);
    if (!level) return void problems.push({ line, message: `未知的层级“${levelText}”` });
    const problem = regionCodeProblem(level, code) ?? regionNameProblem(name);
    if (problem) return void problems.push({ line, message: problem });
    if (seen.has(code)) return void problems.push({ line, message: `区划代码${code}与第${seen.get(code)}行重复` });
    seen.set(code, line);
    rows.push({ line, code, name: name.trim(), level, parentCode });
  });
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const row of rows) {
    const parent = row.parentCode ? byCode.get(row.parentCode) : null;
    if (row.parentCode && !parent) continue;
    const problem = placementProblem(row.level, row.code, parent ?? null);
    if (problem) problems.push({ line: row.line, message: problem });
  }
  return { rows, problems };
}

/** rows ordered so that every parent in the file comes before its children */
export function parentsFirst(rows: readonly RegionCsvRow[]): RegionCsvRow[] {
  const order: Record<RegionLevel, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2, TOWNSHIP: 3 };
  return [...rows].sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
}

/**
 * The words a supervising office's screens use for its own area, by the level of its region: a county
 * office sees 全县 and 县级汇总, a city office 全市 and 市级汇总. A deployment without a region tree
 * (null level) is one county, as it always was.
 */
export interface LevelWords {
  /** the office: 县政务公开办, 市政务公开办 … */
  office: string;
  /** the whole area: 全县, 全市 … */
  whole: string;
  /** the level as a prefix: 县级, 市级 … */
  level: string;
  /** the area itself: 县, 市 … (本县, 本市) */
  area: string;
  /** the area's people's government (本级人民政府), whose own report the office drafts: 县人民政府, 市人民政府 … */
  government: string;
}

const LEVEL_WORDS_BY_LEVEL: Record<RegionLevel, LevelWords> = {
  PROVINCE: { office: OFFICE_LABELS.PROVINCE, whole: '全省', level: '省级', area: '省', government: '省人民政府' },
  CITY: { office: OFFICE_LABELS.CITY, whole: '全市', level: '市级', area: '市', government: '市人民政府' },
  COUNTY: { office: OFFICE_LABELS.COUNTY, whole: '全县', level: '县级', area: '县', government: '县人民政府' },
  TOWNSHIP: { office: OFFICE_LABELS.TOWNSHIP, whole: '全乡镇', level: '乡镇级', area: '乡镇', government: '乡镇人民政府' },
};

export function levelWords(level: RegionLevel | string | null | undefined): LevelWords {
  return LEVEL_WORDS_BY_LEVEL[isRegionLevel(level) ? level : 'COUNTY'];
}

/** what a compilation's title names: the region, whether only its own level, which agencies */
export interface CompilationTitleParts {
  /** the region compiled; null for a deployment without regions (one county) */
  regionName: string | null;
  regionLevel: RegionLevel | string | null;
  /** only the region's own agencies (本级), not its subtree's */
  ownLevel?: boolean;
  /** only the departments (…直部门) or only the townships; null for both */
  part?: 'DEPARTMENTS' | 'TOWNSHIPS' | null;
  /** one agency's figures only */
  agencyName?: string | null;
}

/** the area a compilation covers, as its title and its workbook name it: 盐池县, 吴忠市本级, 全县 */
export function compilationPlace(parts: Pick<CompilationTitleParts, 'regionName' | 'regionLevel' | 'ownLevel'>): string {
  return (parts.regionName ?? levelWords(parts.regionLevel).whole) + (parts.ownLevel ? '本级' : '');
}

/**
 * The title of a compilation as downloaded, naming exactly what it covers, so two files of different
 * scopes never share a name: 盐池县政府信息公开工作年度报告汇总, 吴忠市本级…汇总（市直部门）, 全县…汇总 when
 * the deployment has no regions.
 */
export function compilationTitle(parts: CompilationTitleParts): string {
  const words = levelWords(parts.regionLevel);
  const place = compilationPlace(parts);
  const which = parts.agencyName ? parts.agencyName : parts.part === 'DEPARTMENTS' ? `${words.area}直部门` : parts.part === 'TOWNSHIPS' ? '乡镇' : null;
  return `${place}政府信息公开工作年度报告汇总${which ? `（${which}）` : ''}`;
}

/**
 * What a compilation of a region covers: only the agencies placed in that region itself (本级: a
 * city's own departments, not its counties'), or its whole subtree (the region and every region below).
 */
export const COMPILATION_EXTENTS = ['SUBTREE', 'OWN_LEVEL'] as const;
export type CompilationExtent = (typeof COMPILATION_EXTENTS)[number];

export const COMPILATION_EXTENT_LABELS: Record<CompilationExtent, string> = {
  SUBTREE: '含下级地区',
  OWN_LEVEL: '仅本级',
};

/**
 * Is an agency whose region sits at `agencyPath` counted when compiling the region at `regionPath`
 * with `extent`? Own level: the region itself only; subtree: the region or any region below it.
 */
export function inCompilation(agencyPath: string | null | undefined, regionPath: string, extent: CompilationExtent): boolean {
  return extent === 'OWN_LEVEL' ? agencyPath === regionPath : isWithin(agencyPath, regionPath);
}

export interface RegionCrumb {
  id: string;
  parentId: string | null;
}

/** the chain of regions from the root down to `id` (breadcrumbs), from a list holding every ancestor */
export function regionChain<T extends RegionCrumb>(nodes: readonly T[], id: string | null | undefined): T[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const chain: T[] = [];
  for (let node = id ? byId.get(id) : undefined; node && chain.length <= nodes.length; node = node.parentId ? byId.get(node.parentId) : undefined) chain.unshift(node);
  return chain;
}
