/**
 * 责任追究 cases with their record: opened with a type, the responsible person, the facts linked to the
 * report and audit entries and a 整改期限 (the agency is told); the agency answers with its 整改情况
 * (the office is told); the office closes it with a 处理结果 (the agency is told). Titles are readable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { expectCode } from '../workflow/helpers';

const CASE = `id title status kind responsiblePerson rectifyBy description response respondedByName outcome closedAt reportId
  report { id year agencyName } auditEntries { id action actionLabel } availableActions availableActionLabels`;

describe.each(DIALECTS)('责任追究 cases on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  let preparer: string;
  let approver: string;
  let other: string;
  let contributor: string;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    [admin, preparer, approver, other, contributor] = await Promise.all(
      ['admin', 'wenlv.preparer', 'wenlv.approver', 'jiaoti.preparer', 'wenlv.contributor'].map((u) => env.api.login(u)),
    );
  });
  afterAll(async () => {
    await env?.close();
  });

  const latest = async (token: string) => (await env.api.ok(`{ myNotifications(options: { take: 5 }) { items { kind title body link } } }`, {}, token)).myNotifications.items;

  it('opened with type, responsible person, facts, linked report and audit entries and a 整改期限; answered; closed', async () => {
    const wenlv = await env.agencyId('yanchi.wenlv');
    const year = env.demo.previousYear;
    const reportId = await env.reportId('yanchi.wenlv', year);
    // the agency's own entries (its users' sign-ins in this test) stand in for the evidence
    const trail = await env.api.ok(`query($a: ID!) { auditEntries(filter: { agencyId: $a }, options: { take: 2 }) { items { id action } } }`, { a: wenlv }, admin);
    const entryIds = trail.auditEntries.items.map((e: { id: string }) => Number(e.id));
    expect(entryIds.length).toBeGreaterThan(0);
    const open = (input: Record<string, unknown>) =>
      env.api.gql(`mutation($i: OpenAccountabilityCaseInput!) { openAccountabilityCase(input: $i) { ${CASE} } }`, { i: { agencyId: wenlv, year, kind: 'QUALITY', ...input } }, admin);
    const facts = `${year}年度报告第五部分与上年雷同，“存在的主要问题”照搬上年原文。`;
    expectCode(await open({ description: facts, rectifyBy: '2099-01-31' }), 'BAD_USER_INPUT', '责任人');
    expectCode(await open({ description: facts, responsiblePerson: '王丽（办公室）', rectifyBy: '2020-01-01' }), 'BAD_USER_INPUT', '整改期限不能早于今天');
    expectCode(await open({ description: facts, responsiblePerson: '王丽（办公室）', rectifyBy: '2099-02-30' }), 'BAD_USER_INPUT', '整改期限');
    expectCode(
      await env.api.gql(`mutation($i: OpenAccountabilityCaseInput!) { openAccountabilityCase(input: $i) { id } }`, { i: { agencyId: wenlv, year, kind: 'QUALITY', description: facts, responsiblePerson: '王丽', rectifyBy: '2099-01-31' } }, preparer),
      'FORBIDDEN',
    );

    const opened = (await open({ description: facts, responsiblePerson: '王丽（办公室）', rectifyBy: '2099-01-31', auditEntryIds: entryIds })).data!.openAccountabilityCase;
    expect(opened).toMatchObject({
      title: `盐池县文化旅游广电局 ${year} 年度报告质量不合格`,
      status: 'OPEN',
      kind: 'QUALITY',
      responsiblePerson: '王丽（办公室）',
      rectifyBy: '2099-01-31',
      // the agency's report of that year is linked without being named
      reportId,
      report: { id: reportId, year, agencyName: '盐池县文化旅游广电局' },
      availableActions: ['close'],
      availableActionLabels: ['结案'],
    });
    expect(opened.auditEntries.map((e: { id: string }) => Number(e.id))).toEqual([...entryIds].sort((a, b) => a - b));
    expect(opened.auditEntries[0].actionLabel).toMatch(/[\u4e00-\u9fff]/);

    // the agency's preparer and leaders are told, with the 整改期限; the link opens the case
    const told = (await latest(approver))[0];
    expect(told).toMatchObject({ kind: 'CASE_OPENED', link: `/accountability/${opened.id}/show`, title: `责任追究立案：盐池县文化旅游广电局 ${year} 年度报告质量不合格` });
    expect(told.body).toContain('整改期限：2099-01-31');

    const read = (token: string) => env.api.gql(`query($id: ID!) { accountabilityCase(id: $id) { ${CASE} } }`, { id: opened.id }, token);
    expect((await read(preparer)).data!.accountabilityCase.availableActions).toEqual(['respond']);
    expectCode(await read(other), 'FORBIDDEN');
    expectCode(await read(contributor), 'FORBIDDEN');

    const respond = (token: string, response: string) =>
      env.api.gql(`mutation($id: ID!, $r: String!) { respondToAccountabilityCase(id: $id, response: $r) { ${CASE} } }`, { id: opened.id, r: response }, token);
    expectCode(await respond(preparer, '  '), 'BAD_USER_INPUT', '整改情况');
    expectCode(await respond(other, '别的单位替它回答'), 'FORBIDDEN');
    expectCode(await respond(admin, '县政务公开办不能替单位回答'), 'FORBIDDEN');
    const answered = (await respond(preparer, '已重新撰写第五部分并经主要领导审定，对经办人进行了批评教育。')).data!.respondToAccountabilityCase;
    expect(answered).toMatchObject({ status: 'ANSWERED', respondedByName: '王丽（办公室）（wenlv.preparer）', availableActions: ['respond'] });
    expect((await env.api.lastAudit())!.action).toBe('accountability.respond');
    const forOffice = (await latest(admin))[0];
    expect(forOffice).toMatchObject({ kind: 'CASE_ANSWERED', link: `/accountability/${opened.id}/show` });
    expect(forOffice.body).toContain('已重新撰写第五部分');

    expect((await read(admin)).data!.accountabilityCase.availableActions).toEqual(['rectify', 'close']);
    const close = (outcome: string | null) =>
      env.api.gql(`mutation($id: ID!, $o: String) { updateAccountabilityCase(id: $id, input: { status: CLOSED, outcome: $o }) { ${CASE} } }`, { id: opened.id, o: outcome }, admin);
    expectCode(await close(null), 'BAD_USER_INPUT', '处理结果');
    const closed = (await close('整改到位，予以通报批评。')).data!.updateAccountabilityCase;
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: '整改到位，予以通报批评。', availableActions: [] });
    expect(closed.closedAt).toBeTruthy();
    const done = (await latest(preparer))[0];
    expect(done).toMatchObject({ kind: 'CASE_CLOSED' });
    expect(done.body).toContain('处理结果：整改到位，予以通报批评。');
    expectCode(await respond(preparer, '结案后再报送'), 'CONFLICT');
  });
});
