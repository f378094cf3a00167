import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { expectCode, ReportClient } from './helpers';

/**
 * Statements per workflow act (BEGIN/COMMIT included, the request's own context and token check
 * included), so that restructuring the acts cannot quietly add round trips. The bounds are the counts
 * measured on both dialects; docs/performance.md explains the hot ones (signReport). Since every act
 * runs through workflow/act.ts (read access on the locked row, only the state it decides on), return
 * went 21 → 16, startCorrection 24 → 19, explainWarning 13 → 12, publish 25 → 24, requestRectification 9 → 8.
 * Later additions, each in the act's own transaction: the 消息 of the people told (the report, agency and
 * cycle read again by the notification observer, the recipients, one insert: +5 on submit, review,
 * approve, return, +2 on rectification), the submission's agency-name warning (+1 on submit) and the
 * region totals at publication (+2 net on publish). The token check reads the user with its agency's
 * region in one statement: one less for a supervising office (requestRectification 10 → 9); the 消息
 * read their report, its agency's name and its cycle in one statement (−2 on submit, review, approve,
 * return). Separation of powers: a signature keeps the content it saw (+1 on review and approve: the
 * cells; the submission reuses what it validated) and reads the signer's last administrator grant (+1);
 * a leader's signature and a review conclusion check the signer's password (step-up: the two throttle
 * counters on the primary and the password hash, +3).
 * Sign-off against a fair baseline (docs/performance.md, "Sign-off: a fair baseline and fewer
 * statements"): the act's lock reads the year's cycle, the agency's registered name and the revisions'
 * numbers in the same statement (−1 cycle, −1 revisions where asked for; submission's name check −1),
 * signatures and findings are one statement (−1), the step-up reads the throttle buckets, the password
 * hash and the administrator grant in one (−3 on review, approve and a review conclusion), and the
 * 消息 take the report's facts from the act (−1 where someone is told): review 21 → 14, approve 21 → 12,
 * submit 24 → 19, return 19 → 17, saveReview 15 → 12, publish 26 → 23, startCorrection 19 → 18,
 * signDenied 13 → 10.
 */
const BOUNDS: Record<string, number> = {
  explainWarning: 12,
  // the confidentiality review (its reviewer may not also submit the content), the explanations, and
  // the 保密审查员 told too (the review runs in parallel with the leaders)
  submit: 19,
  signDenied: 10,
  review: 14,
  approve: 12,
  returnReport: 17,
  // a review reads the signatures: the preparer of the content may not also review it
  saveReview: 12,
  publish: 23,
  requestRectification: 9,
  startCorrection: 18,
  updateSigned: 20,
};

describe.each(DIALECTS)('statements per workflow act on %s', (dialect) => {
  let env: SeededEnv;
  let tokens: Record<'admin' | 'p' | 'r' | 'a' | 's', string>;
  let wenlv: ReportClient;
  const counts: Record<string, number> = {};

  beforeAll(async () => {
    env = await seededEnv(dialect);
    const [admin, p, r, a, s] = await Promise.all(['admin', 'wenlv.preparer', 'wenlv.reviewer', 'wenlv.approver', 'wenlv.secrecy'].map((u) => env.api.login(u)));
    tokens = { admin, p, r, a, s };
    wenlv = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
  });
  afterAll(async () => {
    console.log(`statements per act on ${dialect}: ${JSON.stringify(counts)}`);
    await env?.close();
  });

  /** run one operation and record the statements it sent */
  async function counted<T>(name: string, work: () => Promise<T>): Promise<T> {
    env.db.queries.length = 0;
    const result = await work();
    counts[name] = env.db.queries.length;
    // DUMP_QUERIES=<act> prints what the act sent (to see where a new statement came from)
    if (process.env.DUMP_QUERIES === name) console.log(env.db.queries.map((q) => q.slice(0, 140)).join("\n"));
    return result;
  }

  const id = () => wenlv.id;

  it('every act stays within its statement count', async () => {
    const t = tokens;
    // a long 总体情况 makes a warning that must be explained
    await wenlv.edit(t.p, { sections: [{ key: 'overview', text: '本机关认真贯彻落实政府信息公开条例，'.repeat(70) }] });
    let state = await wenlv.state(t.p);
    const [first, ...rest] = [...new Set<string>(state.validation.warnings.map((w: { ruleId: string }) => w.ruleId))];
    await counted('explainWarning', () => env.api.ok(`mutation($id: ID!, $r: String!) { explainWarning(id: $id, ruleId: $r, text: "已核实") { id } }`, { id: id(), r: first }, t.p));
    for (const ruleId of rest) await env.api.ok(`mutation($id: ID!, $r: String!) { explainWarning(id: $id, ruleId: $r, text: "已核实") { id } }`, { id: id(), r: ruleId }, t.p);
    state = await wenlv.state(t.p);
    const hash = state.contentHash;
    expect((await counted('submit', () => wenlv.submit(t.p, hash))).data!.submitReport.status).toBe('SUBMITTED');
    expectCode(await counted('signDenied', () => wenlv.sign(t.a, 'REVIEW', hash)), 'FORBIDDEN');
    expect((await counted('review', () => wenlv.sign(t.r, 'REVIEW', hash))).data!.signReport.status).toBe('REVIEWED');
    expect((await counted('approve', () => wenlv.sign(t.a, 'APPROVE', hash))).data!.signReport.status).toBe('APPROVED');
    expect((await counted('returnReport', () => wenlv.returnTo(t.a, '请再核对'))).data!.returnReport.status).toBe('DRAFT');

    await wenlv.submit(t.p, hash);
    await wenlv.sign(t.r, 'REVIEW', hash);
    await wenlv.sign(t.a, 'APPROVE', hash);
    expect((await counted('saveReview', () => wenlv.review(t.s, hash))).errors).toBeUndefined();
    expect((await counted('publish', () => wenlv.publish(t.p))).data!.publishReport.status).toBe('PUBLISHED');
    await counted('requestRectification', () => env.api.ok(`mutation($id: ID!) { requestRectification(id: $id, comment: "表三有误") { id } }`, { id: id() }, t.admin));
    await counted('startCorrection', () => env.api.ok(`mutation($id: ID!) { startCorrection(id: $id) { id } }`, { id: id() }, t.p));

    // an edit of a signed report voids the signatures (the workflow's content-change hook)
    state = await wenlv.state(t.p);
    await wenlv.submit(t.p, state.contentHash);
    state = await wenlv.state(t.p);
    await counted('updateSigned', () => wenlv.update(t.p, state.revision, { sections: [{ key: 'other', text: '本年度未收取信息处理费。' }] }));
    expect((await wenlv.state(t.p)).status).toBe('DRAFT');

    for (const [name, bound] of Object.entries(BOUNDS)) expect(counts[name], name).toBeLessThanOrEqual(bound);
  });
});
