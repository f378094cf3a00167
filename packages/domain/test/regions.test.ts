import { describe, expect, it } from 'vitest';
import { ownGovernmentProblem } from '../src/agencies';
import { can, roleLabelAt, supervisesAgency, type Actor } from '../src/permissions';
import { childPath, compilationTitle, inCompilation, levelWords, regionChain, isWithin, moveProblem, movedPath, parseRegionCsv, parentsFirst, pathIds, placementProblem, regionCodeProblem, type RegionFacts } from '../src/regions';

const ningxia: RegionFacts = { id: 'nx', code: '640000', level: 'PROVINCE', path: '/nx/' };
const wuzhong: RegionFacts = { id: 'wz', code: '640300', level: 'CITY', path: '/nx/wz/' };
const yanchi: RegionFacts = { id: 'yc', code: '640323', level: 'COUNTY', path: '/nx/wz/yc/' };
const tongxin: RegionFacts = { id: 'tx', code: '640324', level: 'COUNTY', path: '/nx/wz/tx/' };

describe('region codes and placement', () => {
  it('accepts the division codes of each level and refuses the rest', () => {
    expect(regionCodeProblem('PROVINCE', '640000')).toBeNull();
    expect(regionCodeProblem('PROVINCE', '640300')).toMatch('0000');
    expect(regionCodeProblem('CITY', '640300')).toBeNull();
    expect(regionCodeProblem('CITY', '640000')).toMatch('00');
    expect(regionCodeProblem('COUNTY', '640323')).toBeNull();
    expect(regionCodeProblem('COUNTY', '640300')).toMatch('00');
    expect(regionCodeProblem('COUNTY', '64032')).toMatch('6位');
    expect(regionCodeProblem('TOWNSHIP', '640323100')).toBeNull();
    expect(regionCodeProblem('TOWNSHIP', '640323100000')).toBeNull();
    expect(regionCodeProblem('TOWNSHIP', '6403231')).toMatch('9位');
  });

  it('keeps the level order and the code prefix of the parent', () => {
    expect(placementProblem('CITY', '640300', ningxia)).toBeNull();
    expect(placementProblem('COUNTY', '640323', wuzhong)).toBeNull();
    expect(placementProblem('COUNTY', '419001', { code: '410000', level: 'PROVINCE' })).toBeNull(); // 省直辖县
    expect(placementProblem('COUNTY', '650323', wuzhong)).toMatch('不相符');
    expect(placementProblem('CITY', '640300', null)).toMatch('只能位于');
    expect(placementProblem('PROVINCE', '640000', wuzhong)).toMatch('只能位于');
    expect(placementProblem('TOWNSHIP', '640323100', yanchi)).toBeNull();
  });

  it('refuses to move a region into its own subtree and rewrites the moved paths', () => {
    expect(moveProblem(wuzhong, yanchi)).toMatch('自己');
    expect(moveProblem(wuzhong, wuzhong)).toMatch('自己');
    expect(moveProblem(yanchi, wuzhong)).toBeNull();
    expect(movedPath('/nx/wz/yc/t1/', '/nx/wz/yc/', '/nx/gy/yc/')).toBe('/nx/gy/yc/t1/');
    expect(movedPath('/nx/wz/tx/', '/nx/wz/yc/', '/nx/gy/yc/')).toBe('/nx/wz/tx/');
    expect(childPath(null, 'nx')).toBe('/nx/');
    expect(childPath('/nx/', 'wz')).toBe('/nx/wz/');
    expect(pathIds('/nx/wz/yc/')).toEqual(['nx', 'wz', 'yc']);
    expect(isWithin('/nx/wz/yc/', '/nx/wz/')).toBe(true);
    expect(isWithin('/nx/wz2/', '/nx/wz/')).toBe(false);
  });
});

describe('the supervising role acts on its own subtree only', () => {
  const county: Actor = { roles: ['COUNTY_ADMIN'], agencyId: 'yc-office', regionPath: yanchi.path };
  const city: Actor = { roles: ['COUNTY_ADMIN'], agencyId: 'wz-office', regionPath: wuzhong.path };
  const regions = { 'yc-dept': yanchi.path, 'tx-dept': tongxin.path, 'wz-dept': wuzhong.path, nowhere: null };

  it('a county office: its own county yes, a sibling county and the city above no', () => {
    const actor = { ...county, agencyRegions: regions };
    expect(can(actor, 'report.read', 'yc-dept')).toBe(true);
    expect(can(actor, 'report.requestRectification', 'yc-dept')).toBe(true);
    expect(can(actor, 'report.read', 'tx-dept')).toBe(false);
    expect(can(actor, 'report.read', 'wz-dept')).toBe(false);
    expect(can(actor, 'report.read', 'nowhere')).toBe(false);
    expect(can(actor, 'report.read', 'yc-office')).toBe(true);
  });

  it('a city office: both counties and the city itself', () => {
    const actor = { ...city, agencyRegions: regions };
    for (const id of ['yc-dept', 'tx-dept', 'wz-dept']) expect(can(actor, 'report.read', id)).toBe(true);
    expect(can(actor, 'report.read', 'nowhere')).toBe(false);
  });

  it('an agency whose region was not looked up is refused, never assumed inside', () => {
    expect(supervisesAgency(county, 'yc-dept')).toBe(false);
    expect(can(county, 'report.read', 'yc-dept')).toBe(false);
    // actions without a target stay allowed by role (lists are limited by the scope filter)
    expect(can(county, 'county.summary')).toBe(true);
  });

  it('an office without a region (the single-county deployment) acts on every agency, as before', () => {
    const flat: Actor = { roles: ['COUNTY_ADMIN'], agencyId: 'office' };
    expect(can(flat, 'report.read', 'any')).toBe(true);
    expect(can(flat, 'report.requestRectification', 'any')).toBe(true);
  });

  it('agency roles are untouched by regions', () => {
    const preparer: Actor = { roles: ['AGENCY_PREPARER'], agencyId: 'yc-dept', regionPath: yanchi.path, agencyRegions: regions };
    expect(can(preparer, 'report.edit', 'yc-dept')).toBe(true);
    expect(can(preparer, 'report.edit', 'tx-dept')).toBe(false);
    expect(can(preparer, 'region.manage')).toBe(false);
  });
});

describe('regions CSV', () => {
  it('reads code,name,level,parentCode with level words and orders parents first', () => {
    const { rows, problems } = parseRegionCsv(
      ['code,name,level,parentCode', '640323,盐池县,县,640300', '640300,吴忠市,市,640000', '640000,宁夏回族自治区,自治区,', '640323100,花马池镇,乡镇,640323'].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(parentsFirst(rows).map((r) => r.code)).toEqual(['640000', '640300', '640323', '640323100']);
    expect(rows.find((r) => r.code === '640000')!.level).toBe('PROVINCE');
  });

  it('reports each bad line with its number', () => {
    const { problems } = parseRegionCsv(['640000,宁夏,省,', '640301,错码市,市,640000', '650323,外省县,县,640300', '640300,吴忠市,市,640000', '640300,重复,市,640000', '640400,固原市,村,640000'].join('\n'));
    expect(problems.map((p) => p.line).sort()).toEqual([2, 3, 5, 6]);
  });
});

describe('level-aware words and compilation extents', () => {
  it('words the supervising role by the level of its region, a county when there is none', () => {
    expect(roleLabelAt('COUNTY_ADMIN', 'CITY')).toBe('市政务公开办');
    expect(roleLabelAt('COUNTY_ADMIN', 'COUNTY')).toBe('县政务公开办');
    expect(roleLabelAt('COUNTY_ADMIN', null)).toBe('县政务公开办');
    expect(roleLabelAt('AGENCY_PREPARER', 'CITY')).toBe('填报人（办公室）');
    expect(levelWords('CITY').whole).toBe('全市');
    expect(levelWords('PROVINCE').level).toBe('省级');
    expect(levelWords(undefined).whole).toBe('全县');
    expect(levelWords('CITY').government).toBe('市人民政府');
  });

  it('names the missing or doubled government of the office’s own level', () => {
    expect(ownGovernmentProblem(1, 'CITY', '吴忠市')).toBeNull();
    expect(ownGovernmentProblem(0, 'CITY', '吴忠市')).toBe('吴忠市尚未登记市人民政府（本级人民政府，单位类型 COUNTY_GOVERNMENT），无法生成其年度报告');
    expect(ownGovernmentProblem(2, 'COUNTY', '盐池县')).toBe('盐池县登记了2个县人民政府，无法确定为哪一个生成报告');
    expect(ownGovernmentProblem(0, null, null)).toContain('尚未登记县人民政府');
  });

  it('counts the region itself only at its own level, every region below it in the subtree', () => {
    expect(inCompilation(wuzhong.path, wuzhong.path, 'OWN_LEVEL')).toBe(true);
    expect(inCompilation(tongxin.path, wuzhong.path, 'OWN_LEVEL')).toBe(false);
    expect(inCompilation(tongxin.path, wuzhong.path, 'SUBTREE')).toBe(true);
    expect(inCompilation(yanchi.path, tongxin.path, 'SUBTREE')).toBe(false);
    expect(inCompilation(null, wuzhong.path, 'SUBTREE')).toBe(false);
  });

  it('walks the breadcrumbs from the root down to a region', () => {
    const nodes = [
      { id: 'tx', parentId: 'wz' },
      { id: 'nx', parentId: null },
      { id: 'wz', parentId: 'nx' },
    ];
    expect(regionChain(nodes, 'tx').map((n) => n.id)).toEqual(['nx', 'wz', 'tx']);
    expect(regionChain(nodes, 'unknown')).toEqual([]);
    // a tree seen from a city office starts at the city: its parent is not in the list
    expect(regionChain(nodes.filter((n) => n.id !== 'nx'), 'tx').map((n) => n.id)).toEqual(['wz', 'tx']);
  });

  it('names a compilation by what it covers: the region, 本级, the part or the one agency', () => {
    expect(compilationTitle({ regionName: null, regionLevel: null })).toBe('全县政府信息公开工作年度报告汇总');
    expect(compilationTitle({ regionName: '盐池县', regionLevel: 'COUNTY', part: 'TOWNSHIPS' })).toBe('盐池县政府信息公开工作年度报告汇总（乡镇）');
    expect(compilationTitle({ regionName: '吴忠市', regionLevel: 'CITY', ownLevel: true, part: 'DEPARTMENTS' })).toBe('吴忠市本级政府信息公开工作年度报告汇总（市直部门）');
    expect(compilationTitle({ regionName: '宁夏回族自治区', regionLevel: 'PROVINCE', agencyName: '自治区民政厅', part: 'DEPARTMENTS' })).toBe('宁夏回族自治区政府信息公开工作年度报告汇总（自治区民政厅）');
  });
});
