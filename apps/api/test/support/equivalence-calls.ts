/**
 * The operations two ways of answering GraphQL must answer alike: every document the console sends,
 * the bench's documents, and the inputs refused before execution. Used by the executor test
 * (graphql-jit against graphql-js) and the prepared-path test (Apollo's pipeline against the
 * prepared path), on the seeded demo of either dialect.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { MAX_QUERY_TOKENS } from '../../src/http/graphql-guards';
import { MAX_QUERY_DEPTH } from '../../src/common/query-limits';
import type { SeededEnv } from './env';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

export interface Call {
  label: string;
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  /** whose token (a key of the fixture's tokens), null: anonymous */
  who: string | null;
}

export interface EquivalenceFixture {
  tokens: Record<string, string>;
  ids: { report: string; published: string; otherReport: string; agency: string; user: string };
  year: number;
}

/** the users the calls act as, signed in, and the ids the calls name */
export async function equivalenceFixture(env: SeededEnv): Promise<EquivalenceFixture> {
  const tokens: Record<string, string> = {};
  for (const [who, username] of Object.entries({ admin: 'admin', preparer: 'wenlv.preparer', reviewer: 'wenlv.reviewer', secrecy: 'wenlv.secrecy', contributor: 'wenlv.contributor', other: 'jiaoti.preparer' })) {
    tokens[who] = await env.api.login(username);
  }
  const year = env.demo.currentYear;
  const me = await env.api.ok('{ me { id } }', {}, tokens.preparer);
  return {
    tokens,
    year,
    ids: {
      report: await env.reportId('yanchi.wenlv', year),
      published: await env.reportId('yanchi.wenlv', year - 1),
      otherReport: await env.reportId('yanchi.jiaoti', year - 1),
      agency: await env.agencyId('yanchi.wenlv'),
      user: me.me.id,
    },
  };
}

function graphqlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return graphqlFiles(full);
    return e.name.endsWith('.graphql') ? [full] : [];
  });
}

const NO_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Every operation of the console's .graphql files: queries as the anonymous caller, the county
 * office, a preparer and another agency's preparer; mutations as the anonymous caller, a contributor
 * and the office, each naming an unknown id, so they are refused after authorisation and write
 * nothing. `unique()` gives a fresh name per call (login attempts are throttled per name).
 */
export function consoleCalls(fx: EquivalenceFixture, unique: () => string): Call[] {
  const { ids, year } = fx;
  const variablesFor = (op: OperationDefinitionNode, mutation: boolean): Record<string, unknown> => {
    const name = op.name?.value ?? '';
    const vars: Record<string, unknown> = {};
    for (const def of op.variableDefinitions ?? []) {
      const v = def.variable.name.value;
      const idOf = () => {
        if (mutation) return NO_ID;
        if (/Agency/.test(name)) return ids.agency;
        if (/^User$/.test(name)) return ids.user;
        if (/Publications|Review/.test(name)) return ids.published;
        return ids.report;
      };
      const byName: Record<string, unknown> = {
        id: idOf(),
        agencyId: mutation ? NO_ID : ids.agency,
        year: /Quality|Proposed|CountySummary|GenerateCounty/.test(name) ? year - 1 : year,
        key: 't3.new.natural',
        scope: null,
        filter: /Report/.test(name) ? { year } : {},
        options: { take: 10, skip: 0 },
        expectedRevision: 1,
        contentHash: '0'.repeat(64),
        stage: 'REVIEW',
        comment: '等价测试',
        reason: '等价测试',
        ruleId: 'r1',
        text: '等价测试',
        username: `nobody-${unique()}`,
        password: 'wrong-password-equivalence',
        correctionNote: null,
      };
      if (v in byName) vars[v] = byName[v];
    }
    return vars;
  };
  const calls: Call[] = [];
  for (const file of graphqlFiles(path.join(REPO, 'apps', 'admin', 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const def of parse(text).definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION || !def.name) continue;
      const mutation = def.operation === 'mutation';
      const callers: (string | null)[] = mutation ? [null, 'contributor', 'admin'] : [null, 'admin', 'preparer', 'other'];
      for (const who of callers) {
        calls.push({ label: `${path.basename(file)} ${def.name.value} as ${who ?? 'anonymous'}`, query: text, operationName: def.name.value, variables: variablesFor(def, mutation), who });
      }
    }
  }
  return calls;
}

/** the bench's documents as the office, a preparer and a reviewer; the writes are refused (stale revision, wrong hash) */
export async function benchCalls(env: SeededEnv, fx: EquivalenceFixture): Promise<Call[]> {
  const { QUERIES } = (await import(path.join(REPO, 'e2e', 'load', 'queries.mjs'))) as { QUERIES: Record<string, string> };
  const { ids, year, tokens } = fx;
  const report = await env.api.ok(`query($id: ID!) { report(id: $id) { revision contentHash } }`, { id: ids.report }, tokens.admin);
  const varsOf: Record<string, Record<string, unknown>> = {
    report: { id: ids.report },
    reports: { year, skip: 0 },
    dashboard: { year },
    statistics: { year: year - 1 },
    // a stale revision and a wrong hash: refused (CONFLICT) after every check, nothing written
    update: { id: ids.report, rev: report.report.revision + 5, cells: [{ key: 't3.new.natural', value: 7 }] },
    signoff: { id: ids.report, hash: report.report.contentHash.replace(/^./, (c: string) => (c === '0' ? '1' : '0')) },
  };
  return Object.entries(QUERIES).flatMap(([name, query]) =>
    ['admin', 'preparer', 'reviewer'].map((who) => ({ label: `${name} as ${who}`, query, variables: varsOf[name], who })),
  );
}

/** defaults, coercion, and every refusal before execution (limits, invalid variables, text bounds), plus field errors */
export function inputCalls(fx: EquivalenceFixture): Call[] {
  const { ids, year } = fx;
  return [
    // a variable's default and an input object's defaults (ListOptions.take/skip/order)
    { label: 'variable default', query: `query($y: Int = ${year}) { cycleProgress(year: $y) { agencyName status } }`, who: 'admin' },
    { label: 'input defaults', query: `{ reports(options: { sort: "agencyName" }) { totalItems items { agencyName year } } }`, who: 'admin' },
    { label: 'literal arguments', query: `{ reports(filter: { year: ${year} }, options: { take: 3, skip: 1, order: DESC, sort: "agencyName" }) { items { agencyName } } }`, who: 'admin' },
    { label: 'int as string variable', query: `query($y: Int!) { cycleProgress(year: $y) { agencyName } }`, variables: { y: String(year) }, who: 'admin' },
    { label: 'null for non-null', query: `query($y: Int!) { cycleProgress(year: $y) { agencyName } }`, variables: { y: null }, who: 'admin' },
    { label: 'missing variable', query: `query($id: ID!) { report(id: $id) { id } }`, who: 'admin' },
    { label: 'unknown enum', query: `mutation($id: ID!, $s: SignatureStage!) { signReport(id: $id, stage: $s, contentHash: "x") { id } }`, variables: { id: ids.report, s: 'NOPE' }, who: 'admin' },
    { label: 'unknown input field', query: `query($o: ListOptions) { reports(options: $o) { totalItems } }`, variables: { o: { take: 1, nope: 1 } }, who: 'admin' },
    { label: 'unknown field', query: `{ me { idd } }`, who: 'admin' },
    { label: 'syntax error', query: `{ me { id }`, who: 'admin' },
    { label: 'too deep', query: `{ __schema { types { fields { type { ${'ofType { '.repeat(MAX_QUERY_DEPTH)}name ${'} '.repeat(MAX_QUERY_DEPTH)}} } } } }`, who: 'admin' },
    { label: 'too complex', query: `{ ${Array.from({ length: 120 }, (_, i) => `r${i}: report(id: "${ids.report}") { id validation { errors { id } } }`).join(' ')} }`, who: 'admin' },
    { label: 'too many tokens', query: `{ ${Array.from({ length: MAX_QUERY_TOKENS }, (_, i) => `a${i}: __typename`).join(' ')} }`, who: null },
    { label: 'lone surrogate', query: `mutation($t: String!) { explainWarning(id: "${ids.report}", ruleId: "r", text: $t) { id } }`, variables: { t: 'a\udfffb' }, who: 'preparer' },
    { label: 'text too long', query: `mutation($c: String!) { returnReport(id: "${ids.report}", comment: $c) { id } }`, variables: { c: 'x'.repeat(6000) }, who: 'admin' },
    { label: 'unknown operation name', query: `query A { me { id } } query B { me { username } }`, operationName: 'C', who: 'admin' },
    { label: 'two operations, one named', query: `query A { me { id } } query B { me { username } }`, operationName: 'B', who: 'admin' },
    { label: 'too many mutations', query: `mutation { ${Array.from({ length: 11 }, (_, i) => `m${i}: deleteReport(id: "${ids.report}")`).join(' ')} }`, who: 'admin' },
    { label: 'skip and include', query: `query($a: Boolean!) { me { id username @include(if: $a) displayName @skip(if: $a) } }`, variables: { a: true }, who: 'admin' },
    { label: 'typename and aliases', query: `{ __typename x: me { __typename i: id } }`, who: 'admin' },
    { label: 'anonymous needing a user', query: `{ me { id } reports { totalItems } }`, who: null },
    { label: 'forbidden field', query: `query($id: ID!) { report(id: $id) { id } }`, variables: { id: ids.otherReport }, who: 'preparer' },
    { label: 'not found', query: `query($id: ID!) { report(id: $id) { id } }`, variables: { id: NO_ID }, who: 'admin' },
    { label: 'public, anonymous', query: `query($y: Int!) { publicStatistics(year: $y) { year reportCount cells { key value } } }`, variables: { y: year - 1 }, who: null },
  ];
}
