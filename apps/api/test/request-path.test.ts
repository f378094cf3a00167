import path from 'node:path';
import type DataLoader from 'dataloader';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScope, type ListScope } from '../src/common/scope';
import type { Page } from '../src/common/list';
import { Agency } from '../src/modules/agencies/agency.entity';
import { ReportingCycle } from '../src/modules/cycles/cycle.entity';
import { findCycleOfYear } from '../src/modules/cycles/cycle.repository';
import { Region } from '../src/modules/regions/region.entity';
import { createRequestContext } from '../src/common/context';
import { ConfidentialityReview } from '../src/modules/confidentiality/confidentiality-review.entity';
import { Finding } from '../src/modules/confidentiality/finding.entity';
import { Contribution } from '../src/modules/contributions/contribution.entity';
import { ReportRevision } from '../src/modules/revisions/report-revision.entity';
import { workflowLoaders } from '../src/modules/workflow/loaders';
import { RectificationRequest } from '../src/modules/workflow/rectification.entity';
import { Signature } from '../src/modules/workflow/signature.entity';
import { WarningExplanation } from '../src/modules/workflow/warning-explanation.entity';
import { Report } from '../src/modules/reports/report.entity';
import { loadWithPrevious, pageReports, REPORT_CONTENT_COLUMNS, type ReportListFilter } from '../src/modules/reports/report.repository';
import { User } from '../src/modules/users/user.entity';
import { tokenUser } from '../src/modules/users/user.repository';
import { codeOf } from './support/api';
import { DIALECTS } from './support/databases';
import { seededEnv, type SeededEnv } from './support/env';

/**
 * What the lean request path caches or hand-writes answers as before: the signed-in user read by SQL
 * equals TypeORM's entity, the reports page by SQL equals TypeORM's page, the complexity estimate made
 * once per document still follows the variables where they can change it; and the bench's reads stay
 * within their statement counts.
 */

/** the reports page as TypeORM built it before it was hand-written (the reference) */
const omit = <T extends object>(row: T, keys: readonly string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

async function typeormPage(manager: EntityManager, filter: ReportListFilter, page: Page) {
  const qb = manager.createQueryBuilder(Report, 'r');
  applyScope(qb, 'r.agencyId', filter.scope);
  if (filter.agencyId) qb.andWhere('r.agencyId = :agencyId', { agencyId: filter.agencyId });
  if (filter.year != null) qb.andWhere('r.year = :year', { year: filter.year });
  if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
  if (filter.format) qb.andWhere('r.format = :format', { format: filter.format });
  qb.leftJoinAndSelect('r.agencyRef', 'a').orderBy(`r.${page.sort}`, page.order);
  // (TypeORM keys its orderings by column: a second one on agencyName used to replace a descending sort by name)
  if (page.sort !== 'agencyName') qb.addOrderBy('r.agencyName', 'ASC');
  const [items, totalItems] = await qb.addOrderBy('r.id', 'ASC').offset(page.skip).limit(page.take).getManyAndCount();
  return { items, totalItems };
}

describe.each(DIALECTS)('the request path (%s)', (dialect) => {
  let env: SeededEnv;
  beforeAll(async () => {
    env = await seededEnv(dialect);
  }, 180_000);
  afterAll(async () => {
    await env?.close();
  });

  it("the signed-in user's row by hand-written SQL equals TypeORM's entity (every user, inactive and revoked ones too)", async () => {
    const m = env.db.dataSource.manager;
    const someone = await m.findOneByOrFail(User, { username: 'wenlv.contributor' });
    const token = await env.api.login('wenlv.contributor');
    expect((await env.api.api.contextFor(`Bearer ${token}`)).user?.username).toBe('wenlv.contributor');
    await m.update(User, { id: someone.id }, { active: false, tokenVersion: 3, email: 'wenlv@example.org', mustChangePassword: true });
    const users = await m.find(User);
    expect(users.length).toBeGreaterThan(10);
    for (const u of users) {
      const row = await tokenUser(m, u.id);
      const agency = await m.findOneByOrFail(Agency, { id: u.agencyId });
      const region = agency.regionId ? await m.findOneByOrFail(Region, { id: agency.regionId }) : null;
      expect(row, u.username).toEqual({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        email: u.email,
        agencyId: u.agencyId,
        roles: u.roles,
        active: u.active,
        tokenVersion: u.tokenVersion,
        mustChangePassword: u.mustChangePassword,
        agencyRegionPath: region?.path ?? null,
      });
    }
    expect(users.some((u) => u.email)).toBe(true);
    expect(users.some((u) => u.mustChangePassword)).toBe(true);
    expect(await tokenUser(m, '00000000-0000-4000-8000-000000000000')).toBeNull();
    // the revoked token of the deactivated user is refused, as before
    const ctx = await env.api.api.contextFor(`Bearer ${token}`);
    expect(ctx.user).toBeNull();
    expect(ctx.authError?.message).toBe('登录已失效，请重新登录');
    await m.update(User, { id: someone.id }, { active: true, tokenVersion: 0, email: someone.email, mustChangePassword: false });
  });

  it('`me` answers from the token check\'s row what it holds, and reads the row for anything else', async () => {
    const m = env.db.dataSource.manager;
    const user = await m.findOneByOrFail(User, { username: 'wenlv.reviewer' });
    const grantAt = new Date('2026-12-01T02:03:04.000Z');
    await m.update(User, { id: user.id }, { adminGrantAt: grantAt, adminGrantKind: 'role' });
    try {
      const token = await env.api.login('wenlv.reviewer');
      const fast = await env.api.gql('{ me { id username mustChangePassword ...F } } fragment F on User { roles agency { name } }', {}, token);
      expect(fast.data!.me).toEqual({ id: user.id, username: 'wenlv.reviewer', mustChangePassword: false, roles: user.roles, agency: { name: '盐池县文化旅游广电局' } });
      // a field the token's row does not hold, also behind a fragment: read from the user's row
      const full = await env.api.gql('{ me { id ... on User { adminGrantAt adminGrantKind } } }', {}, token);
      expect(full.data!.me).toEqual({ id: user.id, adminGrantAt: grantAt.toISOString(), adminGrantKind: 'role' });
    } finally {
      await m.update(User, { id: user.id }, { adminGrantAt: null, adminGrantKind: null });
    }
  });

  it('a document whose complexity depends on its variables is estimated per request; others once', async () => {
    const admin = await env.api.login('admin');
    // publicReports costs its child complexity times `take`: the same document is fine with a small
    // page and over the limit with a large one, in either order
    const heavy = `query($t: Int!) { publicReports(options: { take: $t }) { items { tables { id } } } }`;
    expect(codeOf(await env.api.gql(heavy, { t: 1 }, admin))).toBeUndefined();
    const refused = await env.api.gql(heavy, { t: 50 }, admin);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/^查询过于复杂/);
    expect(codeOf(await env.api.gql(heavy, { t: 1 }, admin))).toBeUndefined();
    // @include follows its variable too
    const included = `query($big: Boolean!) { me { id } ${Array.from({ length: 80 }, (_, i) => `r${i}: reports @include(if: $big) { items { validation { errors { id } } } }`).join(' ')} }`;
    expect(codeOf(await env.api.gql(included, { big: false }, admin))).toBeUndefined();
    expect(codeOf(await env.api.gql(included, { big: true }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await env.api.gql(included, { big: false }, admin))).toBeUndefined();
    // a fixed document: refused every time with the same message (the cached estimate)
    const fixed = `{ ${Array.from({ length: 80 }, (_, i) => `r${i}: reports { items { validation { errors { id } } } }`).join(' ')} }`;
    const first = await env.api.gql(fixed, {}, admin);
    const second = await env.api.gql(fixed, {}, admin);
    expect(codeOf(first)).toBe('BAD_USER_INPUT');
    expect(second).toEqual(first);
    // invalid variables are still refused on every request of a cached document
    const typed = `query($y: Int!) { cycleProgress(year: $y) { agencyName } }`;
    expect(codeOf(await env.api.gql(typed, { y: 2025 }, admin))).toBeUndefined();
    const bad = await env.api.gql(typed, { y: 'x' }, admin);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/Int cannot represent/);
  });

  it("a page of reports by hand-written SQL equals TypeORM's page (filters, sorts, scopes, past the end)", async () => {
    const m = env.db.dataSource.manager;
    const year = env.demo.currentYear;
    const county = await m.findOneByOrFail(Region, { code: '640323' });
    const city = await m.findOneByOrFail(Region, { code: '640300' });
    const scopes: ListScope[] = [null, { agencyId: await env.agencyId('yanchi.wenlv') }, { regionPath: county.path }, { regionPath: city.path }];
    const filters: ReportListFilter[] = [{}, { year }, { year: year - 1, status: 'PUBLISHED' }, { format: '2021' }, { agencyId: await env.agencyId('yanchi.wenlv') }];
    const pages: Page[] = [
      { skip: 0, take: 50, sort: 'year', order: 'ASC' },
      { skip: 3, take: 5, sort: 'agencyName', order: 'DESC' },
      { skip: 0, take: 7, sort: 'status', order: 'ASC' },
      { skip: 2, take: 4, sort: 'updatedAt', order: 'DESC' },
      { skip: 1, take: 3, sort: 'errorCount', order: 'ASC' },
      { skip: 10_000, take: 10, sort: 'year', order: 'ASC' },
    ];
    let rows = 0;
    for (const scope of scopes) {
      for (const f of filters) {
        for (const page of pages) {
          const filter = { ...f, scope };
          const ours = await pageReports(m, filter, page);
          const reference = await typeormPage(m, filter, page);
          expect(ours, JSON.stringify({ filter, page })).toStrictEqual(reference);
          rows += ours.items.length;
          // a listing: the same rows and values, without the content columns
          const listing = await pageReports(m, filter, page, 'listing');
          expect(listing.totalItems).toBe(reference.totalItems);
          expect(listing.items.map((r) => ({ ...r }))).toStrictEqual(reference.items.map((r) => omit({ ...r }, REPORT_CONTENT_COLUMNS)));
        }
      }
    }
    expect(rows).toBeGreaterThan(200);
  });

  it('a list page reads the content columns only when a selected field needs them', async () => {
    const admin = await env.api.login('admin');
    const year = env.demo.currentYear - 1;
    const list = (items: string) => env.api.gql(`query ($y: Int) { reports(filter: { year: $y }, options: { take: 5, sort: "agencyName" }) { items { ${items} } } }`, { y: year }, admin);
    const listing = await list('id status revision agency { name }');
    expect(listing.errors).toBeUndefined();
    const statements = () => env.db.queries.filter((q) => /FROM \(SELECT r\.id/.test(q)).map((q) => q.includes('`r_overview`'));
    env.db.queries.length = 0;
    await list('id __typename agencyName');
    expect(statements()).toEqual([false]);
    env.db.queries.length = 0;
    const whole = await list('id sections { key text }');
    expect(statements()).toEqual([true]);
    const items = (whole.data as { reports: { items: Array<{ id: string; sections: Array<{ key: string; text: string }> }> } }).reports.items;
    expect(items).toHaveLength(5);
    for (const item of items) {
      const one = await env.api.gql('query ($id: ID!) { report(id: $id) { sections { key text } } }', { id: item.id }, admin);
      expect(item.sections).toStrictEqual((one.data as { report: { sections: unknown } }).report.sections);
      expect(item.sections.some((section) => section.text.length > 0)).toBe(true);
    }
  });

  it("the workflow's per-report rows by hand-written SQL equal TypeORM's entities (every report, every kind)", async () => {
    const m = env.db.dataSource.manager;
    const reports = await m.find(Report, { order: { id: 'ASC' } });
    const ids = reports.map((r) => r.id);
    // rows the demo may not hold: findings of every status at tied sections, open and resolved rectifications
    const [a, b] = reports;
    const user = await m.findOneByOrFail(User, { username: 'admin' });
    const finding = (reportId: string, n: number, status: string, section: string, start: number) => ({
      id: `00000000-0000-4000-8000-0000000000${10 + n}`, reportId, key: `k${n}`, kind: 'ID_CARD', section, start, end: start + 4, match: '1234', message: '疑似', status, foundAt: new Date(Date.UTC(2026, 0, n)),
    });
    const findings = [finding(a.id, 1, 'OPEN', 'overview', 9), finding(a.id, 2, 'DISMISSED', 'overview', 3), finding(a.id, 3, 'FIXED', 'other', 1), finding(b.id, 4, 'OPEN', 'problems', 0)];
    await m.insert(Finding, findings as never[]);
    const rectification = (reportId: string, n: number, resolvedAt: Date | null) => ({
      id: `00000000-0000-4000-8000-0000000000${20 + n}`, reportId, agencyId: a.agencyId, comment: '请整改', requestedById: user.id, requestedAt: new Date(Date.UTC(2026, 0, n)), resolvedRevisionId: null, resolvedAt,
    });
    const rectifications = [rectification(a.id, 1, null), rectification(a.id, 2, new Date()), rectification(b.id, 3, null), rectification(a.id, 4, null)];
    await m.insert(RectificationRequest, rectifications as never[]);
    const loaders = workflowLoaders(createRequestContext(env.db.dataSource));
    const kinds = [
      ['signatures', Signature, { signedAt: 'ASC', id: 'ASC' }, {}],
      ['explanations', WarningExplanation, { ruleId: 'ASC' }, {}],
      ['reviews', ConfidentialityReview, { reviewedAt: 'DESC', id: 'ASC' }, {}],
      ['findings', Finding, { section: 'ASC', start: 'ASC' }, { status: Not('FIXED') }],
      ['revisions', ReportRevision, { revisionNo: 'ASC' }, {}],
      ['contributions', Contribution, { dueDate: 'ASC', id: 'ASC' }, {}],
      ['rectifications', RectificationRequest, { requestedAt: 'ASC' }, { resolvedAt: IsNull() }],
    ] as const;
    for (const [name, entity, order, where] of kinds) {
      const ours = await (loaders[name] as DataLoader<string, unknown[]>).loadMany(ids);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const all = await m.find(entity as any, { where: { reportId: In(ids), ...where }, order: order as any });
      const reference = ids.map((id) => all.filter((row) => (row as { reportId: string }).reportId === id));
      expect(ours, name).toStrictEqual(reference);
      expect(all.length, `${name}: rows to compare`).toBeGreaterThan(name === 'contributions' ? -1 : 1);
    }
    await m.delete(Finding, findings.map((f) => f.id));
    await m.delete(RectificationRequest, rectifications.map((r) => r.id));
  });

  it("a report with last year's and its agency's region path, and a year's cycle, by hand-written SQL equal TypeORM's entities", async () => {
    const m = env.db.dataSource.manager;
    const reports = await m.find(Report);
    let withPrevious = 0;
    for (const report of reports) {
      const previous = await m.findOneBy(Report, { agencyId: report.agencyId, year: report.year - 1 });
      const agency = await m.findOneByOrFail(Agency, { id: report.agencyId });
      const region = agency.regionId ? await m.findOneByOrFail(Region, { id: agency.regionId }) : null;
      expect(await loadWithPrevious(m, report.id)).toStrictEqual([report, previous, region?.path ?? null]);
      if (previous) withPrevious++;
    }
    expect(withPrevious).toBeGreaterThan(10);
    expect(await loadWithPrevious(m, '00000000-0000-4000-8000-000000000000')).toStrictEqual([undefined, null, null]);
    // the cycle of a year, likewise
    const cycles = await m.find(ReportingCycle);
    expect(cycles.length).toBeGreaterThan(2);
    for (const cycle of cycles) expect(await findCycleOfYear(m, cycle.year)).toStrictEqual(cycle);
    expect(await findCycleOfYear(m, 1990)).toBeNull();
  });

  it("the bench's reads stay within their statement counts (the token check included)", async () => {
    const { QUERIES } = (await import(path.join(__dirname, '..', '..', '..', 'e2e', 'load', 'queries.mjs'))) as { QUERIES: Record<string, string> };
    const year = env.demo.currentYear;
    const admin = await env.api.login('admin');
    const reportId = await env.reportId('yanchi.wenlv', year);
    // baseline (e2e/load/baseline.mjs): me 1, report 4, reports 2, dashboard 2, statistics 2
    const bounds: Record<string, [Record<string, unknown>, number]> = {
      me: [{}, 1],
      report: [{ id: reportId }, 4],
      reports: [{ year, skip: 0 }, 2],
      dashboard: [{ year }, 3],
      statistics: [{ year: year - 1 }, 3],
    };
    const counts: Record<string, number> = {};
    for (const [name, [variables, bound]] of Object.entries(bounds)) {
      // twice: the second request has every document cache warm, the first may not
      for (let i = 0; i < 2; i++) {
        env.db.queries.length = 0;
        const result = await env.api.gql(QUERIES[name], variables, admin);
        expect(result.errors, name).toBeUndefined();
        counts[name] = env.db.queries.length;
        if (process.env.DUMP_QUERIES === name) console.log(env.db.queries.map((q) => q.slice(0, 140)).join('\n'));
        expect(counts[name], name).toBeLessThanOrEqual(bound);
      }
    }
    console.log(`statements per read on ${dialect}: ${JSON.stringify(counts)}`);
  });
});
