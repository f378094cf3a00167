/**
 * The anonymous API: published current revisions only, whatever field, nested field or filter is
 * asked for. The query below is generated from the schema itself — every field reachable from the
 * public operations — so a field added later is walked too. Drafts and superseded revisions carry a
 * marker text that must never appear in any answer.
 */
import { sumReports } from '@touming/domain/aggregate';
import type { ReportContent } from '@touming/domain/report';
import { getNamedType, isEnumType, isObjectType, isScalarType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicRateLimiter } from '../../src/modules/public/rate-limit';
import { codeOf, TestApi } from '../support/api';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';
import { addAgency, addCycle, addReport, sampleReport } from '../county/published-fixture';

const MARKER = '草稿内容不得公开';
const ALLOWED_TYPES = new Set([
  'PublicReportList', 'PublicReport', 'PublicSection', 'PublicCell', 'PublicAgency', 'PublicStatistics',
  'ReportTable', 'TableBlock', 'TableColumn', 'TableRow', 'TableCell',
]);

/** a selection of every field of `type`, recursively (arguments filled for the known ones) */
function selectAll(type: GraphQLObjectType, seen: string[] = []): string {
  const fields = Object.values(type.getFields()).map((field: GraphQLField<unknown, unknown>) => {
    const named = getNamedType(field.type);
    const args = field.args.some((a) => a.name === 'key') ? '(key: "t3.new.total")' : '';
    if (isScalarType(named) || isEnumType(named)) return `${field.name}${args}`;
    if (!isObjectType(named) || seen.includes(named.name)) return '';
    return `${field.name}${args} { ${selectAll(named, [...seen, type.name])} }`;
  });
  return fields.filter(Boolean).join(' ');
}

function reachableTypes(type: GraphQLObjectType, out = new Set<string>()): Set<string> {
  if (out.has(type.name)) return out;
  out.add(type.name);
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (isObjectType(named)) reachableTypes(named, out);
  }
  return out;
}

describe.each(DIALECTS)('public API on %s', (dialect) => {
  let db: TestDatabase;
  let api: TestApi;
  const current: Array<{ revisionId: string; content: ReportContent; kind: string }> = [];
  const hidden: { draftReportIds: string[]; supersededIds: string[]; draftOnlyAgencyId: string } = { draftReportIds: [], supersededIds: [], draftOnlyAgencyId: '' };

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    const ds = db.dataSource;
    await addCycle(ds, 2023);
    for (let i = 0; i < 12; i++) {
      const kind = i % 3 === 0 ? 'TOWNSHIP' : 'DEPARTMENT';
      const agency = await addAgency(ds, `p${i}`, `公开测试单位${i}`, kind, i % 2 ? '甲县' : '乙县');
      const content = sampleReport(agency.name, 2023, i + 500);
      if (i % 4 === 3) {
        content.sections.overview = `${MARKER}：${content.sections.overview}`;
        const { reportId } = await addReport(ds, agency, content, 'APPROVED');
        hidden.draftReportIds.push(reportId);
        hidden.draftOnlyAgencyId = agency.id;
        continue;
      }
      const old = sampleReport(agency.name, 2023, i + 900);
      old.sections.problems = `${MARKER}（已被更正的旧版本）`;
      const { revisionId } = await addReport(ds, agency, content, 'PUBLISHED', { superseded: i % 2 ? [old] : [] });
      current.push({ revisionId: revisionId!, content, kind });
    }
    const ids = (await ds.query('SELECT id FROM report_revision WHERE isCurrent = 0')) as Array<{ id: string }>;
    hidden.supersededIds = ids.map((r) => r.id);
    api = await TestApi.start(ds);
    api.api.container.get(PublicRateLimiter).configure({ settings: { limit: 10_000, windowSeconds: 60 } });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('the public operations reach only the public types', () => {
    const query = api.api.schema.getQueryType()!;
    const publicFields = Object.values(query.getFields()).filter((f) => f.name.startsWith('public'));
    expect(publicFields.map((f) => f.name).sort()).toEqual(['publicAgencies', 'publicReport', 'publicReports', 'publicStatistics']);
    const reached = new Set<string>();
    for (const f of publicFields) {
      const named = getNamedType(f.type);
      if (isObjectType(named)) reachableTypes(named, reached);
    }
    expect([...reached].filter((t) => !ALLOWED_TYPES.has(t))).toEqual([]);
  });

  it('every public field, walked anonymously, shows current published revisions only', async () => {
    const query = api.api.schema.getQueryType()!;
    const f = query.getFields();
    // one operation per public query (together they would exceed the complexity limit, as they should)
    const ops = {
      publicReports: `{ publicReports(options: { take: 10 }) { ${selectAll(getNamedType(f.publicReports.type) as GraphQLObjectType)} } }`,
      publicReport: `query($id: ID!) { publicReport(id: $id) { ${selectAll(getNamedType(f.publicReport.type) as GraphQLObjectType)} } }`,
      publicStatistics: `{ publicStatistics(year: 2023) { ${selectAll(getNamedType(f.publicStatistics.type) as GraphQLObjectType)} } }`,
      publicAgencies: `{ publicAgencies { ${selectAll(getNamedType(f.publicAgencies.type) as GraphQLObjectType)} } }`,
    };
    const result = { data: {} as Record<string, any> };
    for (const [name, doc] of Object.entries(ops)) {
      const r = await api.gql(doc, { id: current[0].revisionId });
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      result.data[name] = r.data[name];
    }
    const json = JSON.stringify(result.data);
    expect(json).not.toContain(MARKER);
    for (const id of [...hidden.draftReportIds, ...hidden.supersededIds]) expect(json).not.toContain(id);
    expect(result.data.publicReports.items.map((r: { id: string }) => r.id).sort()).toEqual(current.map((c) => c.revisionId).sort());
    expect(result.data.publicReports.totalItems).toBe(current.length);
    expect(result.data.publicReport.id).toBe(current[0].revisionId);
    expect(result.data.publicReport.cell.value).toBe(current[0].content.cells['t3.new.total']);
    const draftAgency = result.data.publicAgencies.find((a: { id: string }) => a.id === hidden.draftOnlyAgencyId);
    expect(draftAgency.publishedYears).toEqual([]);
  });

  it('drafts, superseded revisions and a draft agency’s filter give nothing', async () => {
    for (const id of [...hidden.draftReportIds, ...hidden.supersededIds, 'no-such-id']) {
      const r = await api.gql('query($id: ID!) { publicReport(id: $id) { id sections { text } } }', { id });
      expect(r.errors).toBeUndefined();
      expect(r.data.publicReport).toBeNull();
    }
    const filtered = await api.ok('query($a: ID) { publicReports(filter: { agency: $a, year: 2023 }) { totalItems items { id } } }', { a: hidden.draftOnlyAgencyId });
    expect(filtered.publicReports).toEqual({ totalItems: 0, items: [] });
    const byKind = await api.ok('{ publicReports(filter: { kind: TOWNSHIP, year: 2023 }) { totalItems items { agencyKind } } }');
    expect(byKind.publicReports.totalItems).toBe(current.filter((c) => c.kind === 'TOWNSHIP').length);
    // sorted by the agency's name (a joined column): a page of them, in order
    const byName = await api.ok('{ publicReports(filter: { year: 2023 }, options: { take: 3, skip: 1, sort: "agencyName", order: DESC }) { totalItems items { agencyName } } }');
    const names = current.map((c) => c.content.agency).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    expect(byName.publicReports.totalItems).toBe(current.length);
    expect(byName.publicReports.items.map((r: { agencyName: string }) => r.agencyName)).toEqual(names.slice(1, 4));
    const byRegion = await api.ok('{ publicReports(filter: { region: "甲县" }) { items { region } } }');
    expect(byRegion.publicReports.items.every((r: { region: string }) => r.region === '甲县')).toBe(true);
  });

  it('publicStatistics equals the domain sum of the published reports (all, and per kind)', async () => {
    const all = await api.ok('{ publicStatistics(year: 2023) { reportCount cells { key value } } }');
    const expected = sumReports(current.map((c) => c.content));
    expect(all.publicStatistics.reportCount).toBe(current.length);
    expect(Object.fromEntries(all.publicStatistics.cells.map((c: { key: string; value: number | null }) => [c.key, c.value]))).toEqual(expected.cells);
    const town = await api.ok('{ publicStatistics(year: 2023, kind: TOWNSHIP) { reportCount cells { key value } } }');
    const expectedTown = sumReports(current.filter((c) => c.kind === 'TOWNSHIP').map((c) => c.content));
    expect(Object.fromEntries(town.publicStatistics.cells.map((c: { key: string; value: number | null }) => [c.key, c.value]))).toEqual(expectedTown.cells);
  });

  it('page size and complexity are limited', async () => {
    const big = await api.gql('{ publicReports(options: { take: 51 }) { totalItems } }');
    expect(codeOf(big)).toBe('BAD_USER_INPUT');
    const tables = 'tables { id blocks { rows { cells { key value } } } }';
    const heavy = await api.gql(`{ publicReports(options: { take: 50 }) { items { id ${tables} } } }`);
    expect(codeOf(heavy)).toBe('BAD_USER_INPUT');
    expect(heavy.errors![0].message).toContain('复杂');
    // a smaller page of the same shape is fine
    const light = await api.gql(`{ publicReports(options: { take: 10 }) { items { id ${tables} } } }`);
    expect(light.errors).toBeUndefined();
  });

  it('signed-in private operations stay closed to anonymous callers', async () => {
    const r = await api.gql('{ reports { totalItems } }');
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    const s = await api.gql('{ countySummary(year: 2023) { reportCount } }');
    expect(codeOf(s)).toBe('UNAUTHENTICATED');
  });
});
