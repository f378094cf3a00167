/**
 * E-mail copies of notifications through SMTP (SMTP_URL, nodemailer). A copy is marked PENDING in the
 * notification's own transaction and sent only after that transaction committed — never inside it, so
 * a slow or dead mail server holds no lock and a rolled-back event sends nothing. The outcome is kept
 * on the row (SENT, or FAILED with the error and the attempts); failed and stranded copies (a process
 * that stopped between commit and send) are retried by sweep() up to MAX_EMAIL_ATTEMPTS times.
 */
import { MAX_EMAIL_ATTEMPTS } from '@touming/domain/notifications';
import nodemailer, { type Transporter } from 'nodemailer';
import { In, LessThan, type DataSource } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { transactionOn } from '../../db/transaction';
import { User } from '../users/user.entity';
import { Notification } from './notification.entity';

export interface MailerOptions {
  /** smtp://user:pass@host:587 or smtps://…:465 (nodemailer's URL form) */
  url: string;
  /** the From: header */
  from: string;
  /** where send failures are reported (they are also kept on the row) */
  log?: (message: string, detail: Record<string, unknown>) => void;
}

export class Mailer {
  private readonly transport: Transporter;

  constructor(readonly options: MailerOptions) {
    const url = new URL(options.url);
    // bounded waits: a dead server fails the copy (kept FAILED and retried) instead of hanging it
    this.transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
  }

  async send(to: string, subject: string, text: string): Promise<void> {
    await this.transport.sendMail({ from: this.options.from, to, subject, text });
  }

  close(): void {
    this.transport.close();
  }
}

/** one mailer per database: the API that owns the data source sends its notifications' copies */
const mailers = new WeakMap<DataSource, Mailer>();

export function registerMailer(dataSource: DataSource, mailer: Mailer | null): void {
  if (mailer) mailers.set(dataSource, mailer);
  else mailers.delete(dataSource);
}

export function mailerFor(dataSource: DataSource): Mailer | null {
  return mailers.get(dataSource) ?? null;
}

/** send these notifications' copies once the caller's transaction has committed */
export function queueEmails(tx: RequestContext, ids: string[]): void {
  if (!tx.afterCommit) throw new Error('queueEmails must run inside withTransaction');
  tx.afterCommit.push(() => deliverEmails(tx.dataSource, ids).then(() => undefined));
}

const FOOTER = '\n\n——\n此邮件由透明（政府信息公开工作年度报告系统）自动发送，请登录系统查看和处理。';

/**
 * Send the copies of these notifications that are still due (PENDING, or FAILED with attempts left),
 * one by one, recording each outcome. Returns how many were sent and how many failed.
 */
export async function deliverEmails(dataSource: DataSource, ids: readonly string[]): Promise<{ sent: number; failed: number }> {
  const mailer = mailerFor(dataSource);
  if (!mailer || ids.length === 0) return { sent: 0, failed: 0 };
  const rows = await dataSource.manager.find(Notification, { where: { id: In([...ids]) } });
  const due = rows.filter((n) => n.emailStatus === 'PENDING' || (n.emailStatus === 'FAILED' && n.emailAttempts < MAX_EMAIL_ATTEMPTS));
  if (due.length === 0) return { sent: 0, failed: 0 };
  const users = await dataSource.manager.find(User, { where: { id: In([...new Set(due.map((n) => n.userId))]) } });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  let sent = 0;
  let failed = 0;
  for (const n of due) {
    const to = emailOf.get(n.userId);
    const attempts = n.emailAttempts + 1;
    try {
      if (!to) throw new Error('用户没有电子邮箱');
      await mailer.send(to, `【透明】${n.title}`, `${n.body}${FOOTER}`);
      // SQLite has one connection: a write outside a transaction could land in another request's
      await transactionOn(dataSource, (m) => m.update(Notification, { id: n.id }, { emailStatus: 'SENT', emailAttempts: attempts, emailError: null, emailSentAt: new Date() }));
      sent++;
    } catch (error) {
      const message = String((error as Error)?.message ?? error).slice(0, 1000);
      mailer.options.log?.('消息邮件发送失败', { notificationId: n.id, attempts, error: message });
      await transactionOn(dataSource, (m) => m.update(Notification, { id: n.id }, { emailStatus: 'FAILED', emailAttempts: attempts, emailError: message }));
      failed++;
    }
  }
  return { sent, failed };
}

/**
 * Retry what is due: FAILED copies with attempts left, and PENDING ones older than `staleMs` (their
 * process stopped before sending). Run periodically by the server.
 */
export async function sweepEmails(dataSource: DataSource, staleMs = 60_000): Promise<{ sent: number; failed: number }> {
  if (!mailerFor(dataSource)) return { sent: 0, failed: 0 };
  const stale = new Date(Date.now() - staleMs);
  const rows = await dataSource.manager.find(Notification, {
    select: { id: true },
    where: [
      { emailStatus: 'PENDING', createdAt: LessThan(stale) },
      { emailStatus: 'FAILED', emailAttempts: LessThan(MAX_EMAIL_ATTEMPTS) },
    ],
    take: 200,
  });
  return deliverEmails(dataSource, rows.map((r) => r.id));
}
