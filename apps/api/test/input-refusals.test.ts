/**
 * Inputs the input fuzz (e2e/reliability/input-abuse.test.ts) found answered with an internal error:
 * variables the complexity estimator cannot coerce, and text that is not valid Unicode (a lone
 * surrogate broke MariaDB's JSON check on the audit detail). Both are the caller's mistake: BAD_USER_INPUT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { codeOf } from './support/api';
import { DIALECTS } from './support/databases';
import { seededEnv, type SeededEnv } from './support/env';

describe.each(DIALECTS)('input refusals on %s', (dialect) => {
  let env: SeededEnv;
  beforeAll(async () => {
    env = await seededEnv(dialect);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a null for a non-null variable is BAD_USER_INPUT, not an internal error', async () => {
    const admin = await env.api.login('admin');
    const r = await env.api.gql(`mutation($d: String!) { assignContribution(reportId: "x", assigneeId: "y", target: "problems", dueDate: $d) { id } }`, { d: null }, admin);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
  });

  it('an operation name the document does not have is a client error', async () => {
    const contextValue = await env.api.context(null);
    const response = await env.api.api.apollo.executeOperation({ query: '{ me { id } }', operationName: 'Nope' }, { contextValue });
    const result = (response.body as { singleResult: { errors?: { extensions?: { code?: string } }[] } }).singleResult;
    expect(result.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('more than 10 aliased mutations in one operation are refused before any runs', async () => {
    const admin = await env.api.login('admin');
    const before = await env.api.auditCount();
    const many = (n: number) => `mutation { ${Array.from({ length: n }, (_, i) => `m${i}: createCycle(input: { year: 1990 }) { id }`).join(' ')} }`;
    expect(codeOf(await env.api.gql(many(11), {}, admin))).toBe('BAD_USER_INPUT');
    expect(await env.api.auditCount()).toBe(before);
    // ten pass the limit (and then fail on their own: 1990 is not a report year)
    const ten = await env.api.gql(many(10), {}, admin);
    expect(ten.errors?.[0]?.message).not.toContain('最多包含');
  });

  it('a lone surrogate in a variable is refused before anything runs (no audit entry)', async () => {
    const before = await env.api.auditCount();
    for (const u of ['a\udfffb', '\ud800', 'ok']) {
      const r = await env.api.gql(`mutation($u: String!) { login(username: $u, password: "x") { token } }`, { u });
      expect(codeOf(r)).toBe(u === 'ok' ? 'UNAUTHENTICATED' : 'BAD_USER_INPUT');
    }
    // only the well-formed attempt reached the login (one failure entry)
    expect(await env.api.auditCount()).toBe(before + 1);
    const paired = await env.api.gql(`mutation($u: String!) { login(username: $u, password: "x") { token } }`, { u: 'a😀b' });
    expect(codeOf(paired)).toBe('UNAUTHENTICATED');
  });

  it('a refused act naming an id too long to be one is refused and recorded, not an internal error', async () => {
    const preparer = await env.api.login('wenlv.preparer');
    const entries = env.db.dataSource.getRepository(AuditEntry);
    for (const agencyId of ['💩'.repeat(1000), 'x'.repeat(37)]) {
      const r = await env.api.gql('mutation($a: ID!) { importReport(agencyId: $a, text: "x", year: 2025) { __typename } }', { a: agencyId }, preparer);
      expect(codeOf(r), `agencyId of ${[...agencyId].length} characters`).toBe('FORBIDDEN');
      const [last] = await entries.find({ order: { id: 'DESC' }, take: 1 });
      expect(last.action).toBe('access.denied');
      expect(last.agencyId).toBeNull();
      expect(last.detail).toMatchObject({ attempted: 'report.import', givenIds: { agencyId: { beginning: [...agencyId].slice(0, 64).join(''), length: [...agencyId].length } } });
    }
    // an id that fits is recorded as given
    const r = await env.api.gql('mutation($a: ID!) { importReport(agencyId: $a, text: "x", year: 2025) { __typename } }', { a: 'not-an-agency' }, preparer);
    expect(codeOf(r)).toBe('FORBIDDEN');
    const [last] = await entries.find({ order: { id: 'DESC' }, take: 1 });
    expect(last.agencyId).toBe('not-an-agency');
  });
});
