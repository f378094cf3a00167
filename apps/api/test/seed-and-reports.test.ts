import fs from 'node:fs';
import path from 'node:path';
import { chinaDate } from '@touming/domain/deadlines';
import { cellDefinition } from '@touming/domain/formats';
import { carryOver, cellValueProblem } from '@touming/domain/validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/audit.service';
import { ReportService } from '../src/modules/reports/report.service';
import { loadContent } from '../src/modules/reports/report.repository';
import { Report } from '../src/modules/reports/report.entity';
import { seedDemo } from '../src/seed/seed';
import { Agency } from '../src/modules/agencies/agency.entity';
import { codeOf } from './support/api';
import { DIALECTS } from './support/databases';
import { DEMO_TODAY, seededEnv, type SeededEnv } from './support/env';

const REPORT_FIELDS = 'id agencyId year format status revision contentHash errorCount warningCount';

describe.each(DIALECTS)('demo seed and reports on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  let preparer: string;
  beforeAll(async () => {
    env = await seededEnv(dialect);
    admin = await env.api.login('admin');
    preparer = await env.api.login('wenlv.preparer');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('seeds the real 2020 report of 盐池县文化旅游广电局 through the importer', async () => {
    const data = await env.api.ok(
      `{ reports(filter: { year: 2020 }, options: { take: 200 }) { totalItems items { status agency { name } cell(key: "t2.penalty.previous") } } }`,
      {},
      admin,
    );
    const wenlv = data.reports.items.find((r: any) => r.agency.name === '盐池县文化旅游广电局');
    expect(wenlv).toBeDefined();
    expect(wenlv.cell).toBe(106);
    expect(wenlv.status).toBe('PUBLISHED');
    expect(data.reports.totalItems).toBeGreaterThanOrEqual(10);
  });

  it('seeds 2019 to the open cycle in both formats as the plan says: older cycles published, the open one in progress with its deadline ahead', async () => {
    const demo = env.demo;
    expect(demo.currentYear).toBe(2026);
    expect(demo.deadline).toBe('2027-01-31');
    expect(demo.deadline > chinaDate(DEMO_TODAY)).toBe(true);
    const rows: { year: number; format: string; status: string; code: string }[] = await env.db.dataSource.manager
      .createQueryBuilder(Report, 'r')
      .innerJoin(Agency, 'a', 'a.id = r.agencyId')
      .select(['r.year AS year', 'r.format AS format', 'r.status AS status', 'a.code AS code'])
      .getRawMany();
    expect([...new Set(rows.map((r) => Number(r.year)))].sort()).toEqual(demo.years);
    expect(demo.years[0]).toBe(2019);
    expect(new Set(rows.filter((r) => Number(r.year) <= 2020).map((r) => r.format))).toEqual(new Set(['2019']));
    expect(new Set(rows.filter((r) => Number(r.year) >= 2021).map((r) => r.format))).toEqual(new Set(['2021']));
    // every stored state is the planned one
    for (const r of rows) expect(r.status, `${r.code} ${r.year}`).toBe(demo.statusOf(r.code, Number(r.year)));
    expect(rows.length).toBe(demo.reports.length);
    expect(rows.filter((r) => Number(r.year) < demo.currentYear).every((r) => r.status === 'PUBLISHED')).toBe(true);
    // the open cycle: a realistic mix, two agencies not started yet, one returned draft
    const current = rows.filter((r) => Number(r.year) === demo.currentYear);
    expect(new Set(current.map((r) => r.status))).toEqual(new Set(['DRAFT', 'SUBMITTED', 'REVIEWED', 'APPROVED', 'PUBLISHED']));
    expect(current.length).toBe(rows.filter((r) => Number(r.year) === demo.previousYear).length - 2);
    expect(demo.reports.filter((r) => r.returned).map((r) => [r.agency, r.year, r.status])).toEqual([['yanchi.minzheng', demo.currentYear, 'DRAFT']]);
    const cycles = await env.api.ok(`{ cycles { year open deadline } }`, {}, admin);
    expect(cycles.cycles.filter((c: { open: boolean }) => c.open)).toEqual([{ year: demo.currentYear, open: true, deadline: demo.deadline }]);
    // nothing happened after the day the demo was made for
    for (const r of demo.reports) {
      expect(r.writtenAt.getTime()).toBeLessThanOrEqual(DEMO_TODAY.getTime());
      if (r.publishedAt) expect(r.publishedAt.getTime()).toBeLessThanOrEqual(DEMO_TODAY.getTime());
    }
    expect(await verifyAuditChain(env.db.dataSource)).toEqual({ ok: true, checked: await env.api.auditCount(), firstBrokenId: null });
    // a second start does not seed again
    expect(await seedDemo(env.db.dataSource)).toBeNull();
  });

  it('the last cycle has a late publication with its closed 责任追究 case, and the evaluators’ findings in its reports', async () => {
    const demo = env.demo;
    const gongan = demo.report('yanchi.gongan', demo.previousYear)!;
    expect(gongan.publishedAt!.toISOString().slice(0, 10)).toBe(`${demo.currentYear}-03-16`);
    const cases = await env.api.ok(`{ accountabilityCases(options: { take: 50 }) { items { year kind status outcome description agencyId } } }`, {}, admin);
    expect(cases.accountabilityCases.items).toEqual([
      expect.objectContaining({ year: demo.previousYear, kind: 'OVERDUE', status: 'CLOSED', agencyId: await env.agencyId('yanchi.gongan') }),
    ]);
    expect(cases.accountabilityCases.items[0].outcome).toBeTruthy();
    // the findings are warnings (explained, as the report was signed), never errors
    const flawed = await env.db.dataSource.manager.find(Report, { where: { year: demo.previousYear } });
    expect(flawed.every((r) => r.errorCount === 0)).toBe(true);
    const warnings = new Set(flawed.flatMap((r) => (r.validation?.warnings ?? []).map((w) => w.ruleId)));
    expect(warnings).toEqual(new Set(['s5.similarity', 'text.numbers', 't3.carryOver']));
  });

  it('every demo login the README lists signs in', async () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| username |'), readme.indexOf('The `touming` command'));
    // `admin`, `wenlv.preparer` …, and the short forms `jiaoti.preparer` / `.reviewer` and `weijian.*`
    const names = new Set<string>();
    for (const row of table.split('\n').filter((l) => l.startsWith('| `'))) {
      const cell = row.split('|')[1];
      const full = [...cell.matchAll(/`([a-z]+(?:\.[a-z]+)?)`/g)].map((m) => m[1]);
      const prefix = full.find((n) => n.includes('.'))?.split('.')[0];
      for (const n of full) names.add(n);
      for (const m of cell.matchAll(/`\.([a-z]+)`/g)) names.add(`${prefix}.${m[1]}`);
      const roles = cell.match(/preparer|reviewer|approver/g) ?? [];
      for (const m of cell.matchAll(/`([a-z]+)\.\*`/g)) for (const r of roles) names.add(`${m[1]}.${r}`);
    }
    // 16 of 盐池县 and its agencies, and the offices of 吴忠市 and 同心县 above and beside it
    expect(names.size).toBe(18);
    for (const username of names) expect((await env.api.login(username)).length, username).toBeGreaterThan(20);
  });

  it('generated reports pass every error rule', async () => {
    const withErrors = await env.db.dataSource.manager.count(Report, { where: { errorCount: 0 } });
    const all = await env.db.dataSource.manager.count(Report);
    // only the real, imported report may break rules (it is kept as published)
    expect(all - withErrors).toBeLessThanOrEqual(1);
  });

  it('loads a whole report (sections, cells, tables, validation, previous year, agency) in a constant number of queries', async () => {
    const id = await env.reportId('yanchi.wenlv', 2021);
    const query = `query($id: ID!) { report(id: $id) { ${REPORT_FIELDS} agency { name } sections { key title text }
      cells { key value } tables { id blocks { rows { label cells { key value computed } } } }
      validation { errors { ruleId message } warnings { ruleId } notAssessable { ruleId } }
      previousYear { id year cells { key value } } } }`;
    env.db.queries.length = 0;
    const data = await env.api.ok(query, { id }, admin);
    const perReport = env.db.queries.filter((q) => !/^(BEGIN|COMMIT|START|SAVEPOINT|RELEASE)/i.test(q)).length;
    expect(data.report.cells.length).toBe(200);
    expect(data.report.tables.map((t: any) => t.id)).toEqual(['t2', 't3', 't4']);
    expect(data.report.previousYear.year).toBe(2020);
    expect(perReport).toBeLessThanOrEqual(8);

    // a list of many reports with agencies and cells costs the same number of queries as a list of two
    const list = `query($take: Int!) { reports(filter: { format: "2021" }, options: { take: $take }) { items { id agency { name } cells { key value } } } }`;
    env.db.queries.length = 0;
    await env.api.ok(list, { take: 2 }, admin);
    const few = env.db.queries.length;
    env.db.queries.length = 0;
    const many = await env.api.ok(list, { take: 60 }, admin);
    expect(many.reports.items.length).toBe(60);
    expect(env.db.queries.length).toBe(few);
  });

  it('filters, sorts and pages lists, refusing oversize pages and unknown sort keys', async () => {
    const q = `query($o: ListOptions, $f: ReportFilter) { reports(filter: $f, options: $o) { totalItems items { year status agencyId } } }`;
    const page = await env.api.ok(q, { f: { status: 'PUBLISHED' }, o: { take: 5, skip: 5, sort: 'year', order: 'DESC' } }, admin);
    expect(page.reports.items).toHaveLength(5);
    expect(page.reports.items.every((r: any) => r.status === 'PUBLISHED')).toBe(true);
    const years = page.reports.items.map((r: any) => r.year);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
    expect(codeOf(await env.api.gql(q, { o: { take: 201 } }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await env.api.gql(q, { o: { sort: 'id; DROP TABLE report' } }, admin))).toBe('BAD_USER_INPUT');
    // an agency user sees its own agency's reports only
    const own = await env.api.ok(q, { o: { take: 200 } }, preparer);
    const wenlvId = await env.agencyId('yanchi.wenlv');
    expect(own.reports.totalItems).toBe(env.demo.years.length);
    expect(own.reports.items.every((r: any) => r.agencyId === wenlvId)).toBe(true);
  });

  it('createReport makes a blank report with last year’s figures carried over', async () => {
    const next = env.demo.currentYear + 1;
    await env.api.ok(`mutation($y: Int!) { createCycle(input: { year: $y }) { year format deadline } }`, { y: next }, admin);
    const agencyId = await env.agencyId('yanchi.wenlv');
    const previous = await env.db.dataSource.manager.findOneByOrFail(Report, { agencyId, year: env.demo.currentYear });
    const previousContent = await loadContent(env.db.dataSource.manager, previous);
    const data = await env.api.ok(
      `mutation($a: ID!, $y: Int!) { createReport(agencyId: $a, year: $y) { ${REPORT_FIELDS} cells { key value } } }`,
      { a: agencyId, y: next },
      preparer,
    );
    const cells = Object.fromEntries(data.createReport.cells.map((c: any) => [c.key, c.value]));
    expect(data.createReport.status).toBe('DRAFT');
    expect(data.createReport.revision).toBe(1);
    const carried = carryOver(previousContent, '2021');
    expect(Object.keys(carried).length).toBeGreaterThan(0);
    for (const [key, value] of Object.entries(carried)) expect(cells[key], key).toBe(value);
    expect(cells['t3.carried.total']).toBe(previousContent.cells['t3.carryForward.total']);
    expect(cells['t3.new.total']).toBeNull();
    // a second report for the same agency and year is a conflict
    const again = await env.api.gql(`mutation($a: ID!, $y: Int!) { createReport(agencyId: $a, year: $y) { id } }`, { a: agencyId, y: next }, preparer);
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('optimistic concurrency: of two writers on one revision one wins, the other gets CONFLICT, nothing is lost', async () => {
    const id = await env.reportId('yanchi.wenlv', env.demo.currentYear);
    const { report } = await env.api.ok(`query($id: ID!) { report(id: $id) { revision } }`, { id }, preparer);
    const write = (key: string, value: number) =>
      env.api.gql(
        `mutation($id: ID!, $r: Int!, $c: [CellInput!]) { updateReport(id: $id, expectedRevision: $r, input: { cells: $c }) { revision cells { key value } } }`,
        { id, r: report.revision, c: [{ key, value }] },
        key === 't3.new.natural' ? preparer : admin,
      );
    const [a, b] = await Promise.all([write('t3.new.natural', 4242), write('t3.new.commercial', 4343)]);
    const results = [a, b];
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(codeOf(losers[0])).toBe('CONFLICT');
    expect(losers[0].errors![0].extensions!.currentRevision).toBe(report.revision + 1);
    const after = await env.api.ok(`query($id: ID!) { report(id: $id) { revision natural: cell(key: "t3.new.natural") commercial: cell(key: "t3.new.commercial") } }`, { id }, admin);
    expect(after.report.revision).toBe(report.revision + 1);
    const wonNatural = a === winners[0];
    expect(after.report.natural === 4242).toBe(wonNatural);
    expect(after.report.commercial === 4343).toBe(!wonNatural);

    // the loser retries on the current revision and both edits stand
    const retry = await env.api.ok(
      `mutation($id: ID!, $r: Int!, $c: [CellInput!]) { updateReport(id: $id, expectedRevision: $r, input: { cells: $c }) { revision } }`,
      { id, r: after.report.revision, c: [wonNatural ? { key: 't3.new.commercial', value: 4343 } : { key: 't3.new.natural', value: 4242 }] },
      admin,
    );
    expect(retry.updateReport.revision).toBe(report.revision + 2);
    const final = await env.api.ok(`query($id: ID!) { report(id: $id) { n: cell(key: "t3.new.natural") c: cell(key: "t3.new.commercial") } }`, { id }, admin);
    expect([final.report.n, final.report.c]).toEqual([4242, 4343]);
  });

  it('updateReport writes cells and sections, recomputes hash and validation, and audits cell-level before/after', async () => {
    const id = await env.reportId('yanchi.wenlv', env.demo.currentYear);
    const before = await env.api.ok(`query($id: ID!) { report(id: $id) { revision contentHash errorCount cell(key: "t3.new.legal") } }`, { id }, preparer);
    const data = await env.api.ok(
      `mutation($id: ID!, $r: Int!) { updateReport(id: $id, expectedRevision: $r, input: {
          cells: [{ key: "t3.new.legal", value: 9 }, { key: "t2.fees.amount", value: 1.2345 }],
          sections: [{ key: "other", text: "本年度未收取信息处理费。" }] }) {
        revision contentHash errorCount sections { key text } validation { errors { ruleId } } } }`,
      { id, r: before.report.revision },
      preparer,
    );
    expect(data.updateReport.revision).toBe(before.report.revision + 1);
    expect(data.updateReport.contentHash).not.toBe(before.report.contentHash);
    expect(data.updateReport.sections.find((s: any) => s.key === 'other').text).toBe('本年度未收取信息处理费。');
    // t3.new.legal now breaks the row total: the stored count follows the live validation
    expect(data.updateReport.errorCount).toBe(data.updateReport.validation.errors.length);
    expect(data.updateReport.errorCount).toBeGreaterThan(0);
    const entry = await env.api.lastAudit();
    expect(entry!.action).toBe('report.update');
    expect(entry!.reportId).toBe(id);
    expect(entry!.actorName).toContain('wenlv.preparer');
    expect((entry!.detail as any).cells).toEqual(
      expect.arrayContaining([
        { key: 't3.new.legal', before: before.report.cell, after: 9 },
        expect.objectContaining({ key: 't2.fees.amount', after: 1.2345 }),
      ]),
    );
    expect((entry!.detail as any).sections[0]).toMatchObject({ key: 'other', after: '本年度未收取信息处理费。' });
  });

  it.each([
    ['an unknown key', 't3.nope.natural', 1],
    ['a negative count', 't3.new.natural', -1],
    ['a fractional count', 't3.new.natural', 1.5],
    ['an amount with too many decimals', 't2.fees.amount', 1.23456],
    ['a negative amount', 't2.fees.amount', -3],
  ])('refuses %s as BAD_USER_INPUT naming the key, writing nothing', async (_what, key, value) => {
    const id = await env.reportId('yanchi.wenlv', env.demo.currentYear);
    const before = await env.api.ok(`query($id: ID!) { report(id: $id) { revision } }`, { id }, preparer);
    const audits = await env.api.auditCount();
    const result = await env.api.gql(
      `mutation($id: ID!, $r: Int!, $c: [CellInput!]) { updateReport(id: $id, expectedRevision: $r, input: { cells: $c }) { revision } }`,
      { id, r: before.report.revision, c: [{ key: 't3.new.research', value: 77 }, { key, value }] },
      preparer,
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.key).toBe(key);
    expect(result.errors![0].message).toContain(key);
    // the refusal speaks the same sentence as the domain's cell.kind rule (one rule, one message)
    const def = cellDefinition('2021', key);
    if (def) expect(result.errors![0].message).toContain(cellValueProblem(def, value)!);
    const after = await env.api.ok(`query($id: ID!) { report(id: $id) { revision cell(key: "t3.new.research") } }`, { id }, preparer);
    expect(after.report.revision).toBe(before.report.revision);
    expect(after.report.cell).not.toBe(77);
    expect(await env.api.auditCount()).toBe(audits);
  });

  it('a mutation failing after its writes leaves neither data nor audit entry', async () => {
    const id = await env.reportId('yanchi.wenlv', env.demo.currentYear);
    const service = env.api.api.container.get(ReportService);
    let armed = true;
    service.onContentChange(async () => {
      if (armed) throw new Error('forced failure after the data write');
    });
    const before = await env.api.ok(`query($id: ID!) { report(id: $id) { revision contentHash cell(key: "t3.new.research") } }`, { id }, preparer);
    const audits = await env.api.auditCount();
    const result = await env.api.gql(
      `mutation($id: ID!, $r: Int!) { updateReport(id: $id, expectedRevision: $r, input: { cells: [{ key: "t3.new.research", value: 31 }] }) { revision } }`,
      { id, r: before.report.revision },
      preparer,
    );
    armed = false;
    expect(codeOf(result)).toBe('INTERNAL_SERVER_ERROR');
    expect(result.errors![0].message).toBe('服务器内部错误');
    const after = await env.api.ok(`query($id: ID!) { report(id: $id) { revision contentHash cell(key: "t3.new.research") } }`, { id }, preparer);
    expect(after.report).toEqual(before.report);
    expect(await env.api.auditCount()).toBe(audits);
  });

  it('importReport places the published text and returns what it could not place', async () => {
    const created = await env.api.ok(`mutation { createAgency(input: { code: "test.import", name: "测试导入局", kind: DEPARTMENT }) { id } }`, {}, admin);
    const text = fs.readFileSync(path.join(__dirname, '..', 'src', 'seed', 'data', 'yanchi-wenlv-2020.txt'), 'utf8');
    const data = await env.api.ok(
      `mutation($a: ID!, $t: String) { importReport(agencyId: $a, text: $t) { detectedFormat detectedYear notes unplaced { line text reason }
        report { year format status cell(key: "t2.penalty.previous") agency { code } } } }`,
      { a: created.createAgency.id, t: text },
      admin,
    );
    expect(data.importReport.detectedFormat).toBe('2019');
    expect(data.importReport.detectedYear).toBe(2020);
    expect(data.importReport.report).toMatchObject({ year: 2020, format: '2019', status: 'DRAFT', cell: 106, agency: { code: 'test.import' } });
    expect(data.importReport.unplaced).toEqual([]);
    expect(data.importReport.notes.some((n: string) => /8个数.*7列/.test(n))).toBe(true);
    expect((await env.api.lastAudit())!.action).toBe('report.import');
    const bad = await env.api.gql(`mutation($a: ID!) { importReport(agencyId: $a, text: "   ") { detectedFormat } }`, { a: created.createAgency.id }, admin);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('deleteReport removes drafts only', async () => {
    const published = await env.reportId('yanchi.wenlv', env.demo.previousYear);
    expect(codeOf(await env.api.gql(`mutation($id: ID!) { deleteReport(id: $id) }`, { id: published }, preparer))).toBe('CONFLICT');
    const draft = await env.reportId('yanchi.wenlv', env.demo.currentYear + 1);
    expect(await env.api.ok(`mutation($id: ID!) { deleteReport(id: $id) }`, { id: draft }, preparer)).toEqual({ deleteReport: true });
    expect(await env.db.dataSource.manager.countBy(Report, { id: draft })).toBe(0);
    expect((await env.api.lastAudit())!.action).toBe('report.delete');
    expect(codeOf(await env.api.gql(`mutation($id: ID!) { deleteReport(id: $id) }`, { id: draft }, preparer))).toBe('NOT_FOUND');
  });

  it('published reports cannot be edited', async () => {
    const id = await env.reportId('yanchi.wenlv', env.demo.previousYear);
    const r = await env.api.gql(`mutation($id: ID!) { updateReport(id: $id, expectedRevision: 1, input: { sections: [{ key: "other", text: "x" }] }) { id } }`, { id }, preparer);
    expect(codeOf(r)).toBe('CONFLICT');
  });

  it('after all of this the audit chain still verifies', async () => {
    const result = await verifyAuditChain(env.db.dataSource);
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(await env.api.auditCount());
  });
});
