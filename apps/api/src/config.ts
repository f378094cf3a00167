import type { HashAlgorithm } from '@touming/domain/hash';
import { parseHashAlgorithm } from './common/hashing';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy';

/** the repository root: src/ and dist/ both sit one level below apps/api */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const DATA_DIR = path.join(REPO_ROOT, 'data');

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'mysql'; url: string; database: string; readUrls?: string[] };

export interface AppConfig {
  production: boolean;
  port: number;
  database: DatabaseConfig;
  jwtSecret: string;
  /** jsonwebtoken's expiresIn, e.g. "8h" */
  jwtTtl: string;
  seedDemo: boolean;
  /** the day the demo data is made for (DEMO_TODAY, YYYY-MM-DD; default: the day it is seeded) */
  demoToday?: Date;
  /** the built console, served at / when it exists */
  adminDist: string;
  bodyLimit: string;
  /** apply pending migrations at start-up (off where a migration Job does it, e.g. Kubernetes) */
  migrateOnStart: boolean;
  /** which proxies are believed about the client address (TRUST_PROXY; http/trust-proxy.ts) */
  trustProxy: TrustProxy;
  /** bearer token for GET /metrics on the main port (METRICS_TOKEN); null = not served there */
  metricsToken: string | null;
  /** separate port serving only /metrics (METRICS_PORT); null = none */
  metricsPort: number | null;
  /** Strict-Transport-Security max-age in seconds (HSTS_MAX_AGE); 0 = header not sent */
  hstsMaxAge: number;
  /** a directory (shared by every instance) for the library's published files (FILES_DIR); null = in the database */
  filesDir?: string | null;
  /** the algorithm of new content hashes and audit entries (HASH_ALGORITHM: sha256 or sm3) */
  hashAlgorithm: HashAlgorithm;
  /** SMTP server for e-mail copies of 消息 (SMTP_URL, nodemailer URL form); null = no e-mail */
  smtpUrl?: string | null;
  /** the From: of those e-mails (MAIL_FROM) */
  mailFrom?: string;
  /** documents Apollo has validated are answered without its pipeline (GRAPHQL_PREPARED; http/prepared-operations.ts) */
  graphqlPrepared?: boolean;
}

/** DATABASE_URL → database settings; absent → the embedded SQLite file data/touming.sqlite */
export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (!url) return { type: 'sqlite', path: path.join(DATA_DIR, 'touming.sqlite') };
  if (url === 'sqlite::memory:' || url === 'sqlite://:memory:') return { type: 'sqlite', path: ':memory:' };
  if (url.startsWith('sqlite:')) {
    // sqlite:///abs/path, sqlite://relative/path or sqlite:relative/path
    const rest = url.replace(/^sqlite:(\/\/)?/, '');
    return { type: 'sqlite', path: path.resolve(rest) };
  }
  if (url.startsWith('mysql:') || url.startsWith('mariadb:')) {
    const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!database) throw new Error('DATABASE_URL 需要包含数据库名，例如 mysql://user:pass@host:3306/touming');
    return { type: 'mysql', url: parsed.toString(), database };
  }
  throw new Error(`不支持的 DATABASE_URL：${url}（支持 mysql://… 或 sqlite:…）`);
}

/** DATABASE_READ_URLS: comma-separated mysql:// URLs of read replicas of the DATABASE_URL database */
export function withReadReplicas(db: DatabaseConfig, readUrls: string | undefined): DatabaseConfig {
  const urls = (readUrls ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (urls.length === 0) return db;
  if (db.type !== 'mysql') throw new Error('DATABASE_READ_URLS 只能与 MySQL/MariaDB 的 DATABASE_URL 一起使用');
  return { ...db, readUrls: urls.map((u) => parseDatabaseUrl(u)).map((r) => (r.type === 'mysql' ? r.url : '')) };
}

/** the secret kept in data/jwt-secret, created on first use: tokens survive restarts of a demo install */
function storedJwtSecret(): string {
  const file = path.join(DATA_DIR, 'jwt-secret');
  if (fs.existsSync(file)) {
    const secret = fs.readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export const MIN_JWT_SECRET_LENGTH = 32;

/**
 * Why a JWT secret must not be used in production, or null. Anyone who knows the secret can sign a
 * token for any user, so placeholders copied from examples (infra/k8s/secret.yaml's CHANGE-ME …),
 * short or low-variety values are refused.
 */
export function jwtSecretProblem(secret: string): string | null {
  if (secret.length < MIN_JWT_SECRET_LENGTH) return `JWT_SECRET 至少需要 ${MIN_JWT_SECRET_LENGTH} 个字符（例如 openssl rand -base64 48）`;
  if (/change.?me|example|placeholder|secret-?key|^test-secret|touming/i.test(secret)) return 'JWT_SECRET 仍是示例或默认值，请换成随机生成的密钥';
  if (new Set(secret).size < 10 || hasRepeatedRun(secret) || hasSequence(secret)) return 'JWT_SECRET 过于简单（字符种类太少、有重复或连续的片段），请换成随机生成的密钥';
  return null;
}

/** a piece of 8 characters that occurs twice ("abcdefghij" × 3): a made-up, not a random, secret */
function hasRepeatedRun(secret: string, size = 8): boolean {
  const seen = new Set<string>();
  for (let i = 0; i + size <= secret.length; i++) {
    const piece = secret.slice(i, i + size);
    if (seen.has(piece)) return true;
    seen.add(piece);
  }
  return false;
}

/** 8 characters counting up or down ("abcdefgh", "98765432") */
function hasSequence(secret: string, size = 8): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < secret.length; i++) {
    const step = secret.charCodeAt(i) - secret.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= size || down >= size) return true;
  }
  return false;
}

function optionalPort(name: string, value: string | undefined): number | null {
  if (!value) return null;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} 应为 1–65535 之间的端口号：${value}`);
  return port;
}

export const MIN_METRICS_TOKEN_LENGTH = 16;

function metricsToken(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length < MIN_METRICS_TOKEN_LENGTH) throw new Error(`METRICS_TOKEN 至少需要 ${MIN_METRICS_TOKEN_LENGTH} 个字符`);
  return value;
}

function hstsMaxAge(value: string | undefined): number {
  if (!value) return 0;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`HSTS_MAX_AGE 应为秒数（例如 31536000）：${value}`);
  return seconds;
}

/** DEMO_TODAY: a calendar day (noon in China) or an ISO instant */
function parseDemoToday(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T04:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new Error(`DEMO_TODAY 不是有效日期：${value}（格式 YYYY-MM-DD）`);
  return date;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

/** SMTP_URL: smtp:// or smtps:// (nodemailer's URL form); anything else is refused at start */
export function smtpUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^smtps?:\/\/[^\s]+$/.test(value)) throw new Error(`SMTP_URL 应为 smtp://用户:密码@主机:端口 或 smtps://…：${value.replace(/:[^:@/]*@/, ':***@')}`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const database = withReadReplicas(parseDatabaseUrl(env.DATABASE_URL), env.DATABASE_READ_URLS);
  if (database.type === 'sqlite' && database.path !== ':memory:') {
    fs.mkdirSync(path.dirname(database.path), { recursive: true });
  }
  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (production) throw new Error('生产环境必须设置 JWT_SECRET 环境变量');
    jwtSecret = storedJwtSecret();
  } else if (production) {
    const problem = jwtSecretProblem(jwtSecret);
    if (problem) throw new Error(`拒绝在生产环境启动：${problem}`);
  }
  return {
    production,
    port: Number(env.PORT ?? 4000),
    database,
    jwtSecret,
    jwtTtl: env.JWT_TTL || '8h',
    seedDemo: !production && flag(env.SEED_DEMO, true),
    demoToday: parseDemoToday(env.DEMO_TODAY),
    adminDist: env.ADMIN_DIST ?? path.join(REPO_ROOT, 'apps', 'admin', 'dist'),
    bodyLimit: env.BODY_LIMIT || '2mb',
    migrateOnStart: flag(env.MIGRATE_ON_START, true),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    metricsToken: metricsToken(env.METRICS_TOKEN),
    metricsPort: optionalPort('METRICS_PORT', env.METRICS_PORT),
    hstsMaxAge: hstsMaxAge(env.HSTS_MAX_AGE),
    filesDir: env.FILES_DIR?.trim() ? path.resolve(env.FILES_DIR.trim()) : null,
    hashAlgorithm: parseHashAlgorithm(env.HASH_ALGORITHM),
    smtpUrl: smtpUrl(env.SMTP_URL),
    mailFrom: env.MAIL_FROM || '透明 <touming@localhost>',
    graphqlPrepared: flag(env.GRAPHQL_PREPARED, true),
  };
}
