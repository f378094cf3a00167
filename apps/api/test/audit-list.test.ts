/**
 * The audit list as people use it (the API side): filtered by group of action (most
 * entries are logins: "everything but the logins"), by action, person, agency and date, each filter on
 * an index; every entry names its action and agency in Chinese; 责任追究 cases carry a readable title.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTION_LABELS, auditCategoryOf } from '@touming/domain/audit';
import { WORKFLOW_ACTIONS, stageForAction } from '@touming/domain/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from './support/api';
import { DIALECTS } from './support/databases';
import { seededEnv, type SeededEnv } from './support/env';

const SRC = path.join(__dirname, '..', 'src');

/** every action the API's source records: literal `action: '…'` and the signing acts `report.${act}` */
function recordedActions(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.ts')) files.push(path.join(dir, e.name));
    }
  };
  walk(SRC);
  const actions = new Set<string>();
  for (const file of files) {
    // the appendAudit/recordDenial calls and their records (not other `action:` options, e.g. TypeORM's)
    if (!/appendAudit|recordDenial|AuditRecord/.test(fs.readFileSync(file, 'utf8'))) continue;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/action: (?:before\.status !== row\.status \? )?'([a-zA-Z.]+)'(?: : '([a-zA-Z.]+)')?/g)) {
      actions.add(m[1]);
      if (m[2]) actions.add(m[2]);
    }
  }
  for (const act of WORKFLOW_ACTIONS) if (stageForAction(act)) actions.add(`report.${act}`);
  return [...actions].sort();
}

interface Entry {
  id: string;
  action: string;
  actionLabel: string;
  category: string;
  actorId: string | null;
  agencyId: string | null;
  agency: { name: string } | null;
  at: string;
}

describe.each(DIALECTS)('the audit list on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  const list = async (filter: Record<string, unknown>, take = 200) =>
    (
      await env.api.ok(
        `query($f: AuditFilter, $o: ListOptions) { auditEntries(filter: $f, options: $o) { totalItems items { id action actionLabel category actorId agencyId agency { name } at } } }`,
        { f: filter, o: { take, sort: 'id', order: 'DESC' } },
        admin,
      )
    ).auditEntries as { totalItems: number; items: Entry[] };

  beforeAll(async () => {
    env = await seededEnv(dialect);
    admin = await env.api.login('admin');
    // a working morning: people sign in (one mistypes), a clerk edits, a leader returns a report
    for (const u of ['wenlv.preparer', 'jiaoti.preparer', 'jiaoti.reviewer', 'weijian.preparer']) await env.api.login(u);
    await env.api.gql('mutation { login(username: "wenlv.preparer", password: "wrong-password") { token } }');
    const preparer = await env.api.login('wenlv.preparer');
    const id = await env.reportId('yanchi.wenlv', env.demo.currentYear);
    const { report } = await env.api.ok(`query($id: ID!) { report(id: $id) { revision } }`, { id }, preparer);
    await env.api.ok(
      `mutation($id: ID!, $r: Int!) { updateReport(id: $id, expectedRevision: $r, input: { sections: [{ key: "other", text: "本年度未收取信息处理费。" }] }) { id } }`,
      { id, r: report.revision },
      preparer,
    );
    const jiaoti = await env.reportId('yanchi.jiaoti', env.demo.currentYear);
    await env.api.ok(`mutation($id: ID!) { returnReport(id: $id, comment: "请补充第五部分") { status } }`, { id: jiaoti }, await env.api.login('jiaoti.reviewer'));
  });
  afterAll(async () => {
    await env?.close();
  });

  it('every action the API records has a Chinese label and its own group (only the seed is “system”)', () => {
    const actions = recordedActions();
    expect(actions.length).toBeGreaterThan(25);
    for (const action of actions) {
      expect(AUDIT_ACTION_LABELS[action], action).toMatch(/[\u4e00-\u9fff]/);
      expect(auditCategoryOf(action) === 'SYSTEM', action).toBe(action.startsWith('seed.'));
    }
  });

  it('“everything but the logins”, only the logins, only the system, and lists of actions', async () => {
    const all = await list({});
    expect(all.items.filter((e) => e.category === 'AUTH').length).toBeGreaterThanOrEqual(7);
    const noLogins = await list({ excludeCategories: ['AUTH'] });
    expect(noLogins.items.some((e) => e.action.startsWith('auth.'))).toBe(false);
    expect(noLogins.totalItems).toBe(all.totalItems - all.items.filter((e) => e.category === 'AUTH').length);
    expect(noLogins.items.map((e) => e.action)).toEqual(expect.arrayContaining(['report.update', 'report.return', 'signature.voided']));

    const logins = await list({ categories: ['AUTH'] });
    expect(new Set(logins.items.map((e) => e.action))).toEqual(new Set(['auth.login', 'auth.login.failed']));
    // the seed's entries belong to no agency: outside every region, so the county office (placed in 盐池县)
    // does not see them; the system group filters to exactly those
    const system = await env.db.dataSource.query("SELECT action FROM audit_entry WHERE action LIKE 'seed.%' ORDER BY action");
    expect(system.map((r: { action: string }) => r.action)).toEqual(['seed.demo', 'seed.workflow']);
    expect((await list({ categories: ['SYSTEM'] })).items).toEqual([]);
    const signing = await list({ categories: ['WORKFLOW', 'REPORT'] });
    expect(new Set(signing.items.map((e) => e.category))).toEqual(new Set(['WORKFLOW', 'REPORT']));
    expect((await list({ actions: ['report.return', 'report.update'] })).items.map((e) => e.action).sort()).toEqual(['report.return', 'report.update']);
    expect((await list({ action: 'report.*' })).items.every((e) => e.action.startsWith('report.'))).toBe(true);
    expect(codeOf(await env.api.gql(`{ auditEntries(filter: { actions: ["report.update'; --"] }) { totalItems } }`, {}, admin))).toBe('BAD_USER_INPUT');
  });

  it('by person, by agency and by date; each entry names its action and agency in Chinese', async () => {
    const users = await env.api.ok(`{ users(options: { take: 200 }) { items { id username } } }`, {}, admin);
    const clerk = users.users.items.find((u: { username: string }) => u.username === 'wenlv.preparer').id;
    const byClerk = await list({ actorId: clerk });
    expect(byClerk.items.length).toBeGreaterThanOrEqual(2);
    expect(byClerk.items.every((e) => e.actorId === clerk)).toBe(true);

    const wenlv = await env.agencyId('yanchi.wenlv');
    const byAgency = await list({ agencyId: wenlv, excludeCategories: ['AUTH'] });
    expect(byAgency.items.length).toBeGreaterThanOrEqual(1);
    expect(byAgency.items.every((e) => e.agencyId === wenlv && e.agency?.name === '盐池县文化旅游广电局')).toBe(true);

    const update = byAgency.items.find((e) => e.action === 'report.update')!;
    expect(update.actionLabel).toBe('修改报告');
    const at = new Date(update.at).getTime();
    const window = await list({ from: new Date(at).toISOString(), to: new Date(at + 1).toISOString() });
    expect(window.items.map((e) => e.id)).toContain(update.id);
    expect(window.items.every((e) => new Date(e.at).getTime() === at)).toBe(true);
    expect((await list({ to: new Date(at).toISOString(), actions: ['report.update'] })).items.map((e) => e.id)).not.toContain(update.id);

    const returned = (await list({ actions: ['report.return'] })).items[0];
    expect(returned).toMatchObject({ actionLabel: '退回', category: 'WORKFLOW', agency: { name: '盐池县教育体育局' } });
  });

  it('each filter reads an index that ends in id, so a page needs no sort', async () => {
    const plans: Record<string, string> = {
      IDX_audit_entry_action_id: `e.action IN ('auth.login', 'auth.login.failed')`,
      IDX_audit_entry_agency_id: `e.agencyId = 'x'`,
      IDX_audit_entry_actor_id: `e.actorId = 'x'`,
    };
    for (const [index, where] of Object.entries(plans)) {
      if (dialect === 'sqlite') {
        const plan: { detail: string }[] = await env.db.dataSource.query(`EXPLAIN QUERY PLAN SELECT e.id FROM audit_entry e WHERE ${where} ORDER BY e.id DESC LIMIT 25`);
        const text = plan.map((p) => p.detail).join(' | ');
        expect(text, where).toContain(index);
        if (!where.includes(' IN ')) expect(text, where).not.toMatch(/TEMP B-TREE/);
      } else {
        const plan: { possible_keys: string | null }[] = await env.db.dataSource.query(`EXPLAIN SELECT e.id FROM audit_entry e WHERE ${where} ORDER BY e.id DESC LIMIT 25`);
        expect(plan[0].possible_keys ?? '', where).toContain(index);
      }
    }
  });

  it('责任追究 cases are named by agency, year and kind, never by an id', async () => {
    const cases = await env.api.ok(`{ accountabilityCases { items { title agency { name } } } }`, {}, admin);
    expect(cases.accountabilityCases.items).toEqual([{ title: `盐池县公安局 ${env.demo.previousYear} 年度报告逾期未报送`, agency: { name: '盐池县公安局' } }]);
  });
});
