import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from './support/api';
import { DIALECTS } from './support/databases';
import { seededEnv, type SeededEnv } from './support/env';

/**
 * Every role against every operation, on its own agency's data and on another agency's. The
 * expectations are written out here (the specification), not derived from the permission table.
 * "allowed" means the call got past authorisation: the operations are built so that an allowed call
 * then fails harmlessly (stale revision, bad input, unknown id) or reads, and writes nothing.
 */
type Who = 'anonymous' | 'admin' | 'preparer' | 'reviewer' | 'approver' | 'secrecy' | 'contributor';
const USERNAMES: Record<Exclude<Who, 'anonymous'>, string> = {
  admin: 'admin',
  preparer: 'wenlv.preparer',
  reviewer: 'wenlv.reviewer',
  approver: 'wenlv.approver',
  secrecy: 'wenlv.secrecy',
  contributor: 'wenlv.contributor',
};
const EVERYONE: Who[] = ['admin', 'preparer', 'reviewer', 'approver', 'secrecy', 'contributor'];

interface Ids {
  own: string;
  other: string;
  ownDraft: string;
  otherDraft: string;
  ownPublished: string;
  otherPublished: string;
}
interface Operation {
  name: string;
  query: string;
  vars: (ids: Ids) => Record<string, unknown>;
  /** who gets past authorisation; everyone else signed in gets FORBIDDEN, anonymous UNAUTHENTICATED */
  allowed: Who[];
  /** allowed even for anonymous callers */
  public?: boolean;
}

const OPERATIONS: Operation[] = [
  { name: 'me', query: `{ me { id } }`, vars: () => ({}), allowed: EVERYONE, public: true },
  { name: 'formats', query: `{ formats { id } }`, vars: () => ({}), allowed: EVERYONE },
  { name: 'cycles', query: `{ cycles { year } }`, vars: () => ({}), allowed: EVERYONE },
  { name: 'agencies', query: `{ agencies { totalItems } }`, vars: () => ({}), allowed: EVERYONE },
  { name: 'agency (own)', query: `query($a: ID!) { agency(id: $a) { id } }`, vars: (i) => ({ a: i.own }), allowed: EVERYONE },
  { name: 'agency (other)', query: `query($a: ID!) { agency(id: $a) { id } }`, vars: (i) => ({ a: i.other }), allowed: ['admin'] },
  { name: 'users', query: `{ users { totalItems } }`, vars: () => ({}), allowed: ['admin', 'preparer'] },
  { name: 'users of another agency', query: `query($a: ID!) { users(filter: { agencyId: $a }) { totalItems } }`, vars: (i) => ({ a: i.other }), allowed: ['admin'] },
  { name: 'reports', query: `{ reports { totalItems } }`, vars: () => ({}), allowed: EVERYONE },
  { name: 'reports of another agency', query: `query($a: ID!) { reports(filter: { agencyId: $a }) { totalItems } }`, vars: (i) => ({ a: i.other }), allowed: ['admin'] },
  { name: 'report (own)', query: `query($id: ID!) { report(id: $id) { id } }`, vars: (i) => ({ id: i.ownPublished }), allowed: EVERYONE },
  { name: 'report (other)', query: `query($id: ID!) { report(id: $id) { id } }`, vars: (i) => ({ id: i.otherPublished }), allowed: ['admin'] },
  { name: 'createReport (own)', query: `mutation($a: ID!) { createReport(agencyId: $a, year: 2025) { id } }`, vars: (i) => ({ a: i.own }), allowed: ['admin', 'preparer'] },
  { name: 'createReport (other)', query: `mutation($a: ID!) { createReport(agencyId: $a, year: 2025) { id } }`, vars: (i) => ({ a: i.other }), allowed: ['admin'] },
  {
    name: 'updateReport (own)',
    query: `mutation($id: ID!) { updateReport(id: $id, expectedRevision: 0, input: { cells: [{ key: "t4.reconsideration.upheld", value: 1 }] }) { id } }`,
    vars: (i) => ({ id: i.ownDraft }),
    allowed: ['admin', 'preparer'],
  },
  {
    name: 'updateReport (other)',
    query: `mutation($id: ID!) { updateReport(id: $id, expectedRevision: 0, input: { cells: [{ key: "t4.reconsideration.upheld", value: 1 }] }) { id } }`,
    vars: (i) => ({ id: i.otherDraft }),
    allowed: ['admin'],
  },
  { name: 'importReport (own)', query: `mutation($a: ID!) { importReport(agencyId: $a, text: " ") { detectedFormat } }`, vars: (i) => ({ a: i.own }), allowed: ['admin', 'preparer'] },
  { name: 'importReport (other)', query: `mutation($a: ID!) { importReport(agencyId: $a, text: " ") { detectedFormat } }`, vars: (i) => ({ a: i.other }), allowed: ['admin'] },
  { name: 'deleteReport (own, published)', query: `mutation($id: ID!) { deleteReport(id: $id) }`, vars: (i) => ({ id: i.ownPublished }), allowed: ['admin', 'preparer'] },
  { name: 'deleteReport (other, published)', query: `mutation($id: ID!) { deleteReport(id: $id) }`, vars: (i) => ({ id: i.otherPublished }), allowed: ['admin'] },
  { name: 'createAgency', query: `mutation { createAgency(input: { code: "bad code!", name: "x", kind: DEPARTMENT }) { id } }`, vars: () => ({}), allowed: ['admin'] },
  { name: 'updateAgency', query: `mutation($a: ID!) { updateAgency(id: $a, input: { code: "bad code!" }) { id } }`, vars: (i) => ({ a: i.own }), allowed: ['admin'] },
  {
    name: 'createUser',
    query: `mutation($a: ID!) { createUser(input: { username: "!", displayName: "x", password: "long-enough-1", agencyId: $a, roles: [AGENCY_PREPARER] }) { id } }`,
    vars: (i) => ({ a: i.own }),
    allowed: ['admin'],
  },
  { name: 'updateUser', query: `mutation { updateUser(id: "00000000-0000-0000-0000-000000000000", input: { displayName: "x" }) { id } }`, vars: () => ({}), allowed: ['admin'] },
  { name: 'createCycle', query: `mutation { createCycle(input: { year: 1990 }) { id } }`, vars: () => ({}), allowed: ['admin'] },
  { name: 'updateCycle', query: `mutation { updateCycle(id: "00000000-0000-0000-0000-000000000000", input: { open: false }) { id } }`, vars: () => ({}), allowed: ['admin'] },
];

describe.each(DIALECTS)('access matrix on %s', (dialect) => {
  let env: SeededEnv;
  const tokens: Partial<Record<Who, string>> = {};
  let ids: Ids;
  beforeAll(async () => {
    env = await seededEnv(dialect);
    for (const [who, username] of Object.entries(USERNAMES)) tokens[who as Who] = await env.api.login(username);
    ids = {
      own: await env.agencyId('yanchi.wenlv'),
      other: await env.agencyId('yanchi.jiaoti'),
      ownDraft: await env.reportId('yanchi.wenlv', 2025),
      otherDraft: await env.reportId('yanchi.jiaoti', 2025),
      ownPublished: await env.reportId('yanchi.wenlv', 2024),
      otherPublished: await env.reportId('yanchi.jiaoti', 2024),
    };
  });
  afterAll(async () => {
    await env?.close();
  });

  const cases = OPERATIONS.flatMap((op) => (['anonymous', ...EVERYONE] as Who[]).map((who) => [op.name, who, op] as const));
  it.each(cases)('%s as %s', async (_name, who, op) => {
    const auditsBefore = await env.api.auditCount();
    const result = await env.api.gql(op.query, op.vars(ids), tokens[who] ?? null);
    const code = codeOf(result);
    if (who === 'anonymous' && !op.public) {
      expect(code).toBe('UNAUTHENTICATED');
      expect(await env.api.auditCount()).toBe(auditsBefore);
    } else if (op.allowed.includes(who) || op.public) {
      expect(['FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL_SERVER_ERROR'], result.errors?.[0]?.message).not.toContain(code);
      // allowed calls here read or fail harmlessly: nothing is written, nothing audited
      expect(await env.api.auditCount()).toBe(auditsBefore);
    } else {
      expect(code).toBe('FORBIDDEN');
      expect(result.errors![0].message).toBe('您没有权限执行此操作');
      // a denial leaves exactly one 'access.denied' entry naming the user
      expect(await env.api.auditCount()).toBe(auditsBefore + 1);
      const entry = await env.api.lastAudit();
      expect(entry!.action).toBe('access.denied');
      expect(entry!.actorName).toContain(USERNAMES[who as Exclude<Who, 'anonymous'>]);
    }
  });
});
