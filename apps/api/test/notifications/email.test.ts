/**
 * E-mail copies of 消息 through a real SMTP conversation: the test starts a local SMTP server
 * (smtp-server, a free port) and an API whose SMTP_URL points at it. A copy goes out only after the
 * event committed, its outcome is recorded on the notification, a refused one is FAILED with the
 * server's answer and retried by the sweep, and a user without an address gets none.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverEmails, sweepEmails } from '../../src/modules/notifications';
import { Notification } from '../../src/modules/notifications/notification.entity';
import { User } from '../../src/modules/users/user.entity';
import { TestApi } from '../support/api';
import { openTestDatabase, type TestDatabase } from '../support/databases';
import { DEMO_TODAY } from '../support/env';
import { seedDemo } from '../../src/seed/seed';

interface Received {
  to: string[];
  raw: string;
}

let debug: (() => Promise<unknown>) | undefined;
async function until<T>(what: () => Promise<T | null | undefined | false>, label: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await what();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${label}: ${JSON.stringify(await debug?.())}`);
}

describe('e-mail copies of 消息 over SMTP', () => {
  let db: TestDatabase;
  let api: TestApi;
  let server: SMTPServer;
  const received: Received[] = [];
  /** addresses the server refuses (RCPT TO → 550) */
  const refused = new Set<string>();
  let admin: string;
  let year: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      // no reverse DNS of 127.0.0.1: on a machine without a resolver it waits for a timeout
      disableReverseLookup: true,
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refused.has(address.address)) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.server.address() as AddressInfo).port;
    db = await openTestDatabase('sqlite');
    const summary = await seedDemo(db.dataSource, { today: DEMO_TODAY });
    year = summary!.plan.currentYear;
    api = await TestApi.start(db.dataSource, { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: '透明 <touming@county.example>' });
    admin = await api.login('admin');
    debug = async () => ({ received: received.map((r) => r.to), rows: await db.dataSource.query('SELECT kind, emailStatus, emailAttempts, emailError, userId FROM notification') });
    const m = db.dataSource.manager;
    await m.update(User, { username: 'jiaoti.preparer' }, { email: 'liufang@jiaoti.example' });
    await m.update(User, { username: 'jiaoti.reviewer' }, { email: 'chengang@jiaoti.example' });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  const remind = async (code: string, message: string) => {
    const [agency] = await db.dataSource.query(`SELECT id FROM agency WHERE code = ?`, [code]);
    return api.ok(`mutation($i: SendRemindersInput!) { sendReminders(input: $i) { recipients } }`, { i: { year, agencyIds: [agency.id], message } }, admin);
  };
  const rowsOf = (username: string) =>
    db.dataSource.manager
      .createQueryBuilder(Notification, 'n')
      .innerJoin(User, 'u', 'u.id = n.userId')
      .where('u.username = :username', { username })
      .orderBy('n.createdAt', 'DESC')
      .getMany();

  it('a reminder reaches the addresses of those who have one, after the commit, and is marked SENT', async () => {
    await remind('yanchi.jiaoti', '请于本周内完成审签');
    const mails = await until(async () => (received.length >= 2 ? received : null), 'two e-mails');
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['chengang@jiaoti.example', 'liufang@jiaoti.example']);
    const mail = mails.find((m) => m.to[0] === 'liufang@jiaoti.example')!;
    expect(mail.raw).toMatch(/^From: .*touming@county\.example/m);
    // Chinese subject and body travel encoded; decoded they carry the notification's words
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    const sent = await until(async () => {
      const [row] = await rowsOf('jiaoti.preparer');
      return row?.emailStatus === 'SENT' ? row : null;
    }, 'SENT status');
    expect(sent.emailAttempts).toBe(1);
    expect(sent.emailSentAt).not.toBeNull();
    // the approver has no address: a notification, no e-mail
    const [approver] = await rowsOf('jiaoti.approver');
    expect(approver.kind).toBe('REMINDER');
    expect(approver.emailStatus).toBeNull();
  });

  it('a refused delivery is FAILED with the server’s answer, kept, and sent by a later sweep', async () => {
    refused.add('liufang@jiaoti.example');
    const before = received.length;
    await remind('yanchi.jiaoti', '第二次催报');
    const failed = await until(async () => {
      const [row] = await rowsOf('jiaoti.preparer');
      return row?.emailStatus === 'FAILED' ? row : null;
    }, 'FAILED status');
    expect(failed.emailAttempts).toBe(1);
    expect(failed.emailError).toMatch(/550|mailbox unavailable/);
    // the notification itself is there, unread, whatever happened to its copy
    expect(failed.readAt).toBeNull();
    await until(async () => (received.length >= before + 1 ? true : null), 'the reviewer’s copy');

    refused.clear();
    const swept = await sweepEmails(db.dataSource);
    expect(swept).toEqual({ sent: 1, failed: 0 });
    const [row] = await rowsOf('jiaoti.preparer');
    expect(row.emailStatus).toBe('SENT');
    expect(row.emailAttempts).toBe(2);
    expect(received.filter((m) => m.raw.includes('jiaoti')).length).toBeGreaterThan(0);
    // nothing left to send: a second delivery of the same row sends nothing
    expect(await deliverEmails(db.dataSource, [row.id])).toEqual({ sent: 0, failed: 0 });
  });

  it('an event that rolls back sends nothing', async () => {
    const count = await db.dataSource.manager.count(Notification);
    const before = received.length;
    const [published] = await db.dataSource.query(
      `SELECT a.id FROM agency a JOIN report r ON r.agencyId = a.id WHERE r.year = ? AND r.status = 'PUBLISHED' LIMIT 1`,
      [year],
    );
    const [jiaoti] = await db.dataSource.query(`SELECT id FROM agency WHERE code = 'yanchi.jiaoti'`);
    const result = await api.gql(`mutation($i: SendRemindersInput!) { sendReminders(input: $i) { recipients } }`, { i: { year, agencyIds: [jiaoti.id, published.id] } }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await new Promise((r) => setTimeout(r, 300));
    expect(await db.dataSource.manager.count(Notification)).toBe(count);
    expect(received.length).toBe(before);
  });
});
