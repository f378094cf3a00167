// The baseline: a minimal node:http + mysql2 server answering the six benchmarked GraphQL documents
// (recognised by operationName) with the fewest SQL statements we know how to write and the same JSON.
// Rules (validation, workflow checks, tables, deadlines, hashes) come from the same domain functions
// and pure API helpers the product uses: the comparison is of the serving stack, not of the rules.
//
//   DATABASE_URL=mysql://root@127.0.0.1:3306/touming_bench JWT_SECRET=… PORT=4100 node e2e/load/baseline.mjs
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const api = (p) => require(path.join(ROOT, 'apps/api/dist', p));
const { parse } = require('graphql');
const jwt = require('jsonwebtoken');
const domain = require('@touming/domain');
const { buildTables } = api('modules/formats/tables.js');
const { entryHash } = api('modules/audit/audit.service.js');
// the product's login throttle, for its pure parts only (bucket keys, when a bucket refuses, the message)
const { LoginThrottle, loginRefused } = api('modules/auth/login-throttle.js');
// the password hashes are argon2id, verified by the library the product verifies them with
const argon2 = require('@node-rs/argon2');
const throttle = new LoginThrottle();

// the secret as a KeyObject made once (a string makes jsonwebtoken try to parse a public key per call)
const SECRET = require('node:crypto').createSecretKey(Buffer.from(process.env.JWT_SECRET, 'utf8'));
const pool = mysql.createPool({ uri: process.env.DATABASE_URL, timezone: 'Z', connectionLimit: 10, decimalNumbers: true });

// ---- GraphQL plumbing: parsed documents cached; a response is the full object projected onto the selection

const documents = new Map();
function documentOf(query) {
  let doc = documents.get(query);
  if (!doc) {
    doc = parse(query).definitions[0];
    documents.set(query, doc);
  }
  return doc;
}
function project(value, selectionSet) {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => project(v, selectionSet));
  if (value instanceof Date) return value.toISOString();
  if (!selectionSet) return value;
  const out = {};
  for (const sel of selectionSet.selections) out[sel.alias?.value ?? sel.name.value] = project(value[sel.name.value], sel.selectionSet);
  return out;
}
class GqlError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

// ---- auth: the same JWT, the same user row check (active, token version)

/**
 * The token's user. A signature (`stepUp`) also reads what its step-up and its record need, in the
 * same statement: the password hash, the last administrator grant and the two login-throttle buckets
 * that may refuse the attempt (the account's key is the product's: login:user:<lower-case name>).
 */
async function userOf(conn, authorization, stepUp = null) {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!m) throw new GqlError('请先登录', 'UNAUTHENTICATED');
  let claims;
  try {
    claims = jwt.verify(m[1].trim(), SECRET, { algorithms: ['HS256'], issuer: 'touming' });
  } catch {
    throw new GqlError('登录已失效，请重新登录', 'UNAUTHENTICATED');
  }
  const [[u]] = stepUp
    ? await conn.query(
        'SELECT u.id, u.username, u.displayName, u.agencyId, u.roles, u.active, u.tokenVersion, u.passwordHash, u.adminGrantAt, u.adminGrantKind, ' +
          'i.`count` AS ipCount, i.windowStart AS ipWindowStart, a.`count` AS accountCount, a.windowStart AS accountWindowStart FROM `user` u ' +
          "LEFT JOIN rate_limit_bucket i ON i.`key` = ? LEFT JOIN rate_limit_bucket a ON a.`key` = CONCAT('login:user:', LEFT(LOWER(u.username), 150)) WHERE u.id = ?",
        [throttle.keys('', stepUp.ip).ip, claims.sub],
      )
    : await conn.query('SELECT id, username, displayName, agencyId, roles, active, tokenVersion FROM `user` WHERE id = ?', [claims.sub]);
  if (!u || !u.active || u.tokenVersion !== claims.tv) throw new GqlError('登录已失效，请重新登录', 'UNAUTHENTICATED');
  return { ...u, roles: u.roles.split(',') };
}
function authorize(user, action, agencyId) {
  if (!domain.can(user, action, agencyId)) throw new GqlError(domain.FORBIDDEN_MESSAGE, 'FORBIDDEN');
}

function contentOf(report, cells) {
  const values = {};
  for (const key of domain.cellKeys(report.format)) values[key] = null;
  for (const c of cells) values[c.key] = c.value;
  return { format: report.format, year: report.year, agency: report.agencyName, sections: { overview: report.overview, problems: report.problems, other: report.other }, cells: values };
}
const show = (v) => (v === undefined || v === null ? null : String(v));
const ruleResult = (r, explanation = null) => ({ ruleId: r.ruleId, id: r.id, severity: r.severity, status: r.status, cells: r.cells, expected: show(r.expected), actual: show(r.actual), message: r.message, explanation });

// ---- the six operations ----------------------------------------------------------------------

const ops = {
  // the signed-in user is read by userOf (1)
  async BenchMe(_conn, user) {
    return { me: user };
  },
  // report row + last year's id (1), both reports' cells (1), warning explanations (1)
  async BenchReport(conn, user, { id }) {
    const [[r]] = await conn.query('SELECT r.*, p.id AS prevId, p.agencyName AS prevAgencyName, p.format AS prevFormat, p.overview AS prevOverview, p.problems AS prevProblems, p.other AS prevOther FROM report r LEFT JOIN report p ON p.agencyId = r.agencyId AND p.year = r.year - 1 WHERE r.id = ?', [id]);
    if (!r) return { report: null };
    authorize(user, 'report.read', r.agencyId);
    const [cells] = await conn.query('SELECT reportId, `key`, value FROM report_cell WHERE reportId IN (?, ?)', [id, r.prevId ?? id]);
    const [expl] = await conn.query('SELECT ruleId, text FROM warning_explanation WHERE reportId = ?', [id]);
    const content = contentOf(r, cells.filter((c) => c.reportId === id));
    const previous = r.prevId
      ? contentOf({ format: r.prevFormat, year: r.year - 1, agencyName: r.prevAgencyName, overview: r.prevOverview, problems: r.prevProblems, other: r.prevOther }, cells.filter((c) => c.reportId === r.prevId))
      : null;
    const v = domain.validateReport(content, { previous });
    const explanations = Object.fromEntries(expl.map((e) => [e.ruleId, e.text]));
    return {
      report: {
        ...r,
        cells: Object.entries(content.cells).map(([key, value]) => ({ key, value })),
        tables: buildTables(r.format, content.cells, domain.computedTotals(content)),
        validation: { errors: v.errors.map((x) => ruleResult(x)), warnings: v.warnings.map((x) => ruleResult(x, explanations[x.ruleId] ?? null)), notAssessable: v.notAssessable.map((x) => ruleResult(x)) },
      },
    };
  },

  // one page with its agencies and the total in one statement (window count)
  async BenchReports(conn, user, { year, skip }) {
    authorize(user, 'report.read', null);
    const scoped = user.roles.includes('COUNTY_ADMIN') ? null : user.agencyId;
    const [rows] = await conn.query(
      `SELECT r.id, r.agencyName, r.status, r.revision, r.errorCount, r.warningCount, r.updatedAt, a.id AS aId, a.code AS aCode, a.name AS aName, a.kind AS aKind, COUNT(*) OVER () AS total
       FROM report r JOIN agency a ON a.id = r.agencyId WHERE (? IS NULL OR r.year = ?) AND (? IS NULL OR r.agencyId = ?)
       ORDER BY r.agencyName, r.id LIMIT 50 OFFSET ?`,
      [year ?? null, year ?? null, scoped, scoped, skip],
    );
    let total = rows[0]?.total;
    if (total === undefined) [[{ total }]] = await conn.query('SELECT COUNT(*) AS total FROM report WHERE year = ?', [year]);
    return { reports: { totalItems: Number(total), items: rows.map((r) => ({ ...r, agency: { id: r.aId, code: r.aCode, name: r.aName, kind: r.aKind } })) } };
  },

  // agencies ⟕ reports ⟕ first publication ⟕ open findings ⟕ standing review, cycle deadline inline: one statement
  async BenchDashboard(conn, user, { year }) {
    authorize(user, 'county.summary', null);
    const [rows] = await conn.query(
      `SELECT (SELECT deadline FROM reporting_cycle WHERE year = ?) AS cycleDeadline, a.id AS agencyId, a.name AS agencyName, a.kind AS agencyKind,
              r.id AS reportId, r.status, r.contentHash, r.errorCount, r.warningCount,
              (SELECT MIN(rv.publishedAt) FROM report_revision rv WHERE rv.reportId = r.id) AS firstPublishedAt,
              (SELECT COUNT(*) FROM finding f WHERE f.reportId = r.id AND f.status = 'OPEN') AS openFindings,
              cr.contentHash AS reviewHash, cr.checks, cr.conclusion, cr.bases, cr.disclosure, cr.reviewerId, cr.reviewedAt
       FROM agency a LEFT JOIN report r ON r.agencyId = a.id AND r.year = ?
       LEFT JOIN confidentiality_review cr ON cr.reportId = r.id AND cr.contentHash = r.contentHash AND cr.voidedAt IS NULL
       WHERE a.active = 1 AND a.kind IN ('COUNTY_GOVERNMENT', 'DEPARTMENT', 'TOWNSHIP') ORDER BY a.code`,
      [year, year],
    );
    if (rows.length && rows[0].cycleDeadline === null) throw new GqlError(`${year}年度的报告周期不存在`, 'NOT_FOUND');
    const today = new Date();
    return {
      cycleProgress: rows.map((row) => {
        const deadline = domain.reportDeadline(year, row.cycleDeadline, row.agencyKind === 'COUNTY_GOVERNMENT');
        const status = domain.deadlineStatus({ deadline, publishedAt: row.firstPublishedAt, today });
        const openFindings = Number(row.openFindings ?? 0);
        const review = row.reviewHash
          ? { contentHash: row.reviewHash, checks: JSON.parse(row.checks), conclusion: row.conclusion, bases: JSON.parse(row.bases), disclosure: row.disclosure, reviewerId: row.reviewerId, reviewedAt: row.reviewedAt.toISOString() }
          : null;
        const findings = Array.from({ length: openFindings }, () => ({ status: 'OPEN' }));
        return {
          agencyId: row.agencyId,
          agencyName: row.agencyName,
          agencyKind: row.agencyKind,
          reportId: row.reportId ?? null,
          status: row.status ?? null,
          errorCount: Number(row.errorCount ?? 0),
          warningCount: Number(row.warningCount ?? 0),
          openFindings,
          confidentialityCleared: !!row.reportId && domain.reviewBlockers(review, row.contentHash ?? '', findings).length === 0,
          firstPublishedAt: row.firstPublishedAt ?? null,
          deadline,
          overdue: status.overdue,
          daysOverdue: status.daysOverdue,
          daysLeft: status.daysLeft,
        };
      }),
    };
  },

  // sums and count of the current published revisions, format from the cycle: one statement
  async BenchStatistics(conn, user, { year }) {
    const [rows] = await conn.query(
      `SELECT f.format, f.reportCount, s.key, s.total, s.filled FROM
         (SELECT COALESCE((SELECT format FROM reporting_cycle WHERE year = ?), ?) AS format,
                 (SELECT COUNT(*) FROM report_revision r WHERE r.isCurrent = 1 AND r.year = ? AND r.format = COALESCE((SELECT format FROM reporting_cycle WHERE year = ?), ?)) AS reportCount) f
       LEFT JOIN (SELECT c.format, c.key, SUM(c.value) AS total, COUNT(c.value) AS filled FROM published_cell c JOIN report_revision r ON r.id = c.revisionId
                  WHERE r.isCurrent = 1 AND c.year = ? GROUP BY c.format, c.key) s ON s.format = f.format`,
      [year, domain.formatForYear(year).id, year, year, domain.formatForYear(year).id, year],
    );
    const format = rows[0].format;
    const reportCount = Number(rows[0].reportCount);
    const byKey = new Map(rows.filter((r) => r.key).map((r) => [r.key, r]));
    const def = domain.getFormat(format);
    const cells = {};
    for (const c of def.cells) {
      const row = byKey.get(c.key);
      const filled = row ? Number(row.filled) : 0;
      cells[c.key] = filled === 0 ? null : Number(Number(row.total).toFixed(c.kind === 'amount' ? (c.decimals ?? 2) : 0));
    }
    const content = domain.emptyReport(format, year, '合计');
    for (const key of Object.keys(content.cells)) content.cells[key] = cells[key] ?? null;
    return {
      publicStatistics: {
        year,
        format,
        kind: null,
        reportCount,
        cells: def.cells.map((c) => ({ key: c.key, label: c.label, value: cells[c.key] ?? null })),
        tables: buildTables(format, content.cells, domain.computedTotals(content)),
      },
    };
  },

  // bump (lock) · row + last year's id · both cells · write derived + changed cells · void standing signatures/reviews · audit (3)
  async BenchUpdate(conn, user, { id, rev, cells: input }) {
    const [[found]] = await conn.query('SELECT agencyId, format, status FROM report WHERE id = ?', [id]);
    if (!found) throw new GqlError('报告不存在', 'NOT_FOUND');
    authorize(user, 'report.edit', found.agencyId);
    for (const c of input) if (!domain.cellDefinition(found.format, c.key)) throw new GqlError(`未知的单元格：${c.key}`, 'BAD_USER_INPUT');
    await conn.query('BEGIN');
    try {
      const now = new Date();
      const [bump] = await conn.query('UPDATE report SET revision = revision + 1, updatedAt = ? WHERE id = ? AND revision = ?', [now, id, rev]);
      if (bump.affectedRows !== 1) throw new GqlError('报告已被他人修改，请刷新后重试', 'CONFLICT');
      const [[r]] = await conn.query('SELECT r.*, p.id AS prevId, p.agencyName AS prevAgencyName, p.format AS prevFormat, p.overview AS prevOverview, p.problems AS prevProblems, p.other AS prevOther FROM report r LEFT JOIN report p ON p.agencyId = r.agencyId AND p.year = r.year - 1 WHERE r.id = ?', [id]);
      if (r.status === 'PUBLISHED') throw new GqlError('已公开的报告不能修改；如需更正，请发起更正', 'CONFLICT');
      const [rows] = await conn.query('SELECT reportId, `key`, value FROM report_cell WHERE reportId IN (?, ?)', [id, r.prevId ?? id]);
      const before = contentOf(r, rows.filter((c) => c.reportId === id));
      const previous = r.prevId
        ? contentOf({ format: r.prevFormat, year: r.year - 1, agencyName: r.prevAgencyName, overview: r.prevOverview, problems: r.prevProblems, other: r.prevOther }, rows.filter((c) => c.reportId === r.prevId))
        : null;
      const after = { ...before, cells: { ...before.cells } };
      for (const c of input) after.cells[c.key] = c.value ?? null;
      const changes = input.map((c) => ({ key: c.key, before: before.cells[c.key], after: c.value ?? null })).filter((c) => c.before !== c.after);
      const validation = domain.validateReport(after, { previous });
      const hash = domain.contentHash(after);
      await conn.query('UPDATE report SET contentHash = ?, validation = ?, errorCount = ?, warningCount = ? WHERE id = ?', [hash, JSON.stringify(validation), validation.errors.length, validation.warnings.length, id]);
      for (const c of changes) {
        if (c.after === null) await conn.query('DELETE FROM report_cell WHERE reportId = ? AND `key` = ?', [id, c.key]);
        else await conn.query('INSERT INTO report_cell (reportId, `key`, value) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)', [id, c.key, c.after]);
      }
      // a changed content voids standing signatures and reviews: one statement each (none stand on a draft)
      const [voided] = await conn.query('UPDATE signature SET voidedAt = ?, voidedBy = ?, voidReason = ? WHERE reportId = ? AND voidedAt IS NULL', [now, user.id, '内容已修改', id]);
      if (voided.affectedRows) throw new Error('baseline: voiding signatures with their audit records is not implemented');
      await auditAppend(conn, user, { action: 'report.update', targetType: 'Report', targetId: id, agencyId: r.agencyId, reportId: id, detail: { revision: { from: rev, to: r.revision }, cells: changes, sections: [], contentHash: hash } });
      await conn.query('COMMIT');
      return { updateReport: { ...r, contentHash: hash, errorCount: validation.errors.length, warningCount: validation.warnings.length } };
    } catch (e) {
      await conn.query('ROLLBACK');
      throw e;
    }
  },

  // What the product's signReport does for a leader's signature (SigningService.sign), by hand:
  //   user + password hash + admin grant + throttle buckets (1, userOf) · BEGIN · the report locked with
  //   its cycle's flag, last revision number and agency's registered name (1) · its signatures and open
  //   or dismissed findings (1) · the domain's check · the step-up (argon2, no statement) · the cells,
  //   kept as the signed content (1) · the signature · the status · the 消息: recipients, insert (2) ·
  //   audit (3) · COMMIT
  async BenchSign(conn, user, { id, hash, password }) {
    const stage = 'REVIEW';
    // the document's literal: the signer acknowledges any open scanner findings
    const acknowledgeFindings = true;
    await conn.query('BEGIN');
    try {
      // scalar subqueries, not joins: a locking read locks the rows of every table it joins (a joined
      // cycle row serialised every signature of the year), not those of its nested subqueries
      const [[r]] = await conn.query(
        'SELECT r.id, r.agencyId, r.agencyName, r.year, r.format, r.status, r.revision, r.contentHash, r.overview, r.problems, r.other, ' +
          '(SELECT c.requiresPreReview FROM reporting_cycle c WHERE c.year = r.year) AS requiresPreReview, ' +
          '(SELECT MAX(v.revisionNo) FROM report_revision v WHERE v.reportId = r.id) AS lastRevision, ' +
          '(SELECT a.name FROM agency a WHERE a.id = r.agencyId) AS registeredName FROM report r WHERE r.id = ? FOR UPDATE',
        [id],
      );
      if (!r) throw new GqlError('报告不存在', 'NOT_FOUND');
      authorize(user, 'report.read', r.agencyId);
      const [rows] = await conn.query(
        "SELECT 'S' AS kind, id, stage, signerId, contentHash, signedAt, voidedAt, comment, NULL AS findingKey, NULL AS message, NULL AS findingStatus FROM signature WHERE reportId = ? " +
          "UNION ALL SELECT 'F', id, NULL, NULL, NULL, NULL, NULL, NULL, `key`, message, status FROM finding WHERE reportId = ? AND status <> 'FIXED' ORDER BY kind DESC, signedAt, id",
        [id, id],
      );
      const signatures = rows.filter((x) => x.kind === 'S').map((x) => ({ id: x.id, stage: x.stage, signerId: x.signerId, contentHash: x.contentHash, comment: x.comment, signedAt: x.signedAt.toISOString(), voidedAt: x.voidedAt ? x.voidedAt.toISOString() : null }));
      const findings = rows.filter((x) => x.kind === 'F').map((x) => ({ status: x.findingStatus, key: x.findingKey, message: x.message }));
      const requiresPreReview = !!r.requiresPreReview;
      const check = domain.checkSign({
        status: r.status,
        stage,
        actor: { id: user.id, agencyId: user.agencyId, roles: user.roles },
        reportAgencyId: r.agencyId,
        currentHash: r.contentHash,
        sentHash: hash,
        signatures,
        requiresPreReview,
        findings,
        acknowledgeFindings,
      });
      if (!check.ok) throw new GqlError(check.message ?? 'refused', check.code);
      if (domain.signatureNeedsStepUp(stage)) await confirmPassword(user, password, { reportId: id, agencyId: r.agencyId });
      const [cells] = await conn.query('SELECT `key`, value FROM report_cell WHERE reportId = ?', [id]);
      const at = new Date();
      const revision = r.status === 'PUBLISHED' ? (r.lastRevision ?? 0) : (r.lastRevision ?? 0) + 1;
      const acknowledged = domain.openFindingsToAcknowledge(findings);
      const sigId = randomUUID();
      const signerName = `${user.displayName}（${user.username}）`;
      await conn.query(
        'INSERT INTO signature (id, reportId, revision, stage, signerId, signerName, contentHash, comment, signedAt, acknowledgedFindings, signedContent) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)',
        [sigId, id, revision, stage, user.id, signerName, r.contentHash, at, acknowledged.length ? JSON.stringify(acknowledged) : null, JSON.stringify(contentOf(r, cells))],
      );
      await conn.query('UPDATE report SET status = ?, updatedAt = ? WHERE id = ?', [check.nextStatus, at, id]);
      const grant = user.adminGrantAt && user.adminGrantKind ? { kind: user.adminGrantKind, at: user.adminGrantAt } : null;
      const recent = domain.isRecentAdminGrant(grant, at) ? grant : null;
      const record = {
        action: `report.${domain.actionForStage(stage)}`,
        targetType: 'Signature',
        targetId: sigId,
        agencyId: r.agencyId,
        reportId: id,
        detail: {
          stage,
          from: r.status,
          to: check.nextStatus,
          contentHash: r.contentHash,
          revision,
          comment: null,
          stepUp: true,
          ...(acknowledged.length ? { acknowledgedFindings: acknowledged.map((f) => f.message) } : {}),
          ...(recent ? { adminGrant: domain.adminGrantWarning(recent), adminGrantAt: recent.at.toISOString() } : {}),
        },
      };
      await notify(conn, user, record, { agencyName: r.registeredName, year: r.year, requiresPreReview });
      await auditAppend(conn, user, record);
      await conn.query('COMMIT');
      return { signReport: { ...r, status: check.nextStatus } };
    } catch (e) {
      await conn.query('ROLLBACK');
      throw e;
    }
  },
};

/**
 * The signer's own password (the product's AuthService.confirmOwnPassword): refused while a throttle
 * bucket read with the user refuses; a wrong one is counted against the account and the address and
 * put on the trail, in a transaction of its own (the act's rolls back; the bench never sends one, so
 * the product's separate entry for the start of a lock is left out here).
 */
async function confirmPassword(user, password, target) {
  if (!password) throw new GqlError(domain.STEP_UP_MISSING_MESSAGE, 'STEP_UP_FAILED');
  const bucket = (count, windowStart) => (count == null ? null : { count: Number(count), windowStart: Number(windowStart) });
  const refusal = throttle.refusalOf({ ip: bucket(user.ipCount, user.ipWindowStart), account: bucket(user.accountCount, user.accountWindowStart) });
  if (refusal) throw new GqlError(loginRefused(refusal).message, 'TOO_MANY_REQUESTS');
  let ok = false;
  try {
    ok = await argon2.verify(user.passwordHash, password);
  } catch {}
  if (ok) return;
  const conn = await pool.getConnection();
  try {
    const now = Math.floor(Date.now() / 1000);
    const keys = throttle.keys(user.username, user.ip);
    await conn.query('INSERT INTO rate_limit_bucket (`key`, windowStart, `count`) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE `count` = IF(windowStart < ?, 1, `count` + 1), windowStart = VALUES(windowStart)', [keys.account, now, now - 24 * 60 * 60]);
    await conn.query('INSERT INTO rate_limit_bucket (`key`, windowStart, `count`) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE `count` = IF(windowStart = VALUES(windowStart), `count` + 1, 1), windowStart = VALUES(windowStart)', [keys.ip, now - (now % (15 * 60))]);
    await conn.query('BEGIN');
    await auditAppend(conn, user, { action: 'auth.stepUp.failed', targetType: 'Report', targetId: target.reportId, agencyId: target.agencyId, reportId: target.reportId, detail: { attempted: 'report.review', reason: 'wrong-password', ip: user.ip ?? null } });
    await conn.query('COMMIT');
  } finally {
    conn.release();
  }
  throw new GqlError(domain.STEP_UP_WRONG_MESSAGE, 'STEP_UP_FAILED');
}

/** the 消息 of an audited event (the product's notifications/notify.ts): the domain's plan and words, the recipients, one insert */
async function notify(conn, user, event, facts) {
  const plans = domain.plannedNotifications(event, { requiresPreReview: facts.requiresPreReview });
  const words = { agencyName: facts.agencyName, year: facts.year, actorName: user.displayName };
  const stage = event.detail.to ? domain.pendingStage(event.detail.to, { requiresPreReview: facts.requiresPreReview }) : null;
  if (stage) words.stage = stage;
  const told = new Set();
  const rows = [];
  const at = new Date();
  for (const plan of plans) {
    const { title, body } = domain.notificationText(plan.kind, words);
    const roles = plan.audience.roles.map(() => "CONCAT(',', roles, ',') LIKE ?");
    const [users] = await conn.query(
      `SELECT id FROM \`user\` WHERE active = 1 AND (${roles.join(' OR ')})${plan.audience.agencyId ? ' AND agencyId = ?' : ''}`,
      [...plan.audience.roles.map((role) => `%,${role},%`), ...(plan.audience.agencyId ? [plan.audience.agencyId] : [])],
    );
    for (const u of users) {
      if (u.id === user.id || told.has(u.id)) continue;
      told.add(u.id);
      rows.push([randomUUID(), u.id, plan.kind, title, body, plan.kind === 'REVIEW_TURN' ? `/reports/${event.reportId}/confidentiality` : `/reports/${event.reportId}`, event.agencyId, event.reportId, user.displayName, at, null, null, 0, null, null]);
    }
  }
  if (rows.length) {
    await conn.query('INSERT INTO notification (id, userId, kind, title, body, link, agencyId, reportId, actorName, createdAt, readAt, emailStatus, emailAttempts, emailError, emailSentAt) VALUES ?', [rows]);
  }
}

/** the hash-chained audit append: head under lock, entry, head */
async function auditAppend(conn, user, record) {
  const [[head]] = await conn.query('SELECT lastId, lastHash FROM audit_head WHERE id = 1 FOR UPDATE');
  const entry = { id: Number(head.lastId) + 1, at: new Date(), actorId: user.id, actorName: `${user.displayName}（${user.username}）`, agencyId: record.agencyId, reportId: record.reportId, action: record.action, targetType: record.targetType, targetId: record.targetId, detail: record.detail, requestId: randomUUID(), prevHash: head.lastHash };
  entry.hash = entryHash(entry);
  await conn.query('INSERT INTO audit_entry (id, at, actorId, actorName, agencyId, reportId, action, targetType, targetId, detail, requestId, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [entry.id, entry.at, entry.actorId, entry.actorName, entry.agencyId, entry.reportId, entry.action, entry.targetType, entry.targetId, JSON.stringify(entry.detail), entry.requestId, entry.prevHash, entry.hash]);
  await conn.query('UPDATE audit_head SET lastId = ?, lastHash = ? WHERE id = 1', [entry.id, entry.hash]);
}

// ---- HTTP ----------------------------------------------------------------------------------------

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || !req.url.startsWith('/graphql')) {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let body;
    let conn;
    try {
      const { query, variables = {} } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const doc = documentOf(query);
      const op = ops[doc.name?.value];
      if (!op) throw new GqlError('unknown operation', 'BAD_REQUEST');
      conn = await pool.getConnection();
      const user = await userOf(conn, req.headers.authorization, op === ops.BenchSign ? { ip: req.socket.remoteAddress } : null);
      if (op === ops.BenchSign) user.ip = req.socket.remoteAddress;
      body = JSON.stringify({ data: project(await op(conn, user, variables), doc.selectionSet) });
    } catch (e) {
      if (!(e instanceof GqlError)) console.error(e);
      body = JSON.stringify({ errors: [{ message: e.message, extensions: { code: e.code ?? 'INTERNAL_SERVER_ERROR' } }], data: null });
    } finally {
      conn?.release();
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1', () => console.log(`baseline listening on ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
