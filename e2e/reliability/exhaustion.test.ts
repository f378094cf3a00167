/**
 * Resource exhaustion and forged proxy headers against the built API, each printed as held
 * in the summary with its figures:
 * - forged X-Forwarded-For: 31 failed logins from one address, each claiming another, hit the per-IP
 *   limit of 30 all the same, and the trail records the real (loopback) address;
 * - nesting: a query of 200,000 duplicate `id` fields (was a 500) is a 4xx;
 * - zip bomb: an XLSX of ~0.4 MB inflating to 400 MB (was 8 s and ~800 MB), and one lying about its
 *   sizes, are refused with BAD_USER_INPUT while the server's peak memory barely moves;
 * - token flood: 40,000 aliased fields (360 KB) and a query of 6,600 tokens are refused before
 *   validation; anonymous refusals count against the per-IP limit, after which the address is
 *   answered 429 before its requests are parsed.
 * Timings are printed, not asserted (speed belongs in benchmarks); outcomes and memory are asserted.
 */
import fs from 'node:fs';
import { crc32, createDeflateRaw } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, gql, login, post, recordSummary, sql, startApi, type ApiProcess } from './support';

const DB = 'rel_exhaust';
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

/** the child's current and peak resident memory in MB (Linux /proc) */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** a one-entry ZIP (xl/worksheets/sheet1.xml) whose entry inflates to `bytes` spaces, built in 1 MB steps */
async function zipBomb(bytes: number, declare: (actual: number) => number = (n) => n): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  let crc = 0;
  for (let written = 0; written < bytes; written += chunk.length) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(parts);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const size = declare(bytes);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await run();
  return { value, ms: Math.round(performance.now() - t0) };
}

describe('resource exhaustion and forged proxy headers (MariaDB, HTTP)', () => {
  let api: ApiProcess;
  let admin: string;
  const summary: string[] = [];

  beforeAll(async () => {
    // the defaults of a real installation: TRUST_PROXY off, the public limit of 120 per minute
    api = await startApi(DB);
    admin = await login(api.base, 'admin');
  });
  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    recordSummary('5-exhaustion', summary);
  });

  it('forged X-Forwarded-For: the per-IP login limit holds and the trail records the real address', async () => {
    const replies = [];
    for (let i = 0; i < 31; i++) {
      const forged = `${(i * 37) % 223 + 1}.${i}.${(i * 11) % 250}.${i + 3}`;
      replies.push(await post(api.base, { query: LOGIN, variables: { u: `forger${i}`, p: 'x' } }, null, false, { 'x-forwarded-for': forged }));
    }
    expect(replies.slice(0, 30).every((r) => codeOf(r) === 'UNAUTHENTICATED')).toBe(true);
    expect(codeOf(replies[30])).toBe('TOO_MANY_REQUESTS');
    expect(replies[30].errors![0].extensions!.scope).toBe('ip');
    const conn = await sql(DB);
    try {
      const [rows] = (await conn.query("SELECT DISTINCT JSON_UNQUOTE(JSON_EXTRACT(detail, '$.ip')) AS ip FROM audit_entry WHERE action = 'auth.login.failed'")) as any;
      const ips = (rows as { ip: string }[]).map((r) => r.ip.replace(/^::ffff:/, ''));
      expect(ips).toEqual(['127.0.0.1']);
    } finally {
      await conn.end();
    }
    summary.push('伪造代理头（X-Forwarded-For）：31 次失败登录各自冒充不同地址 —— 第 31 次仍被按真实地址限流（TOO_MANY_REQUESTS），审计记录的地址均为真实地址 127.0.0.1 —— held');
  });

  it('nesting: 200,000 duplicate id fields are a 4xx, not a 500', async () => {
    const { value: r, ms } = await timed(() => post(api.base, { query: `{ me { ${'id '.repeat(200_000)}} }` }, admin));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    summary.push(`嵌套：GraphQL 查询含 200,000 个重复 id 字段（600 KB）—— HTTP ${r.status} ${codeOf(r)}，${ms} ms（原为 500）—— held`);
  });

  it('zip bomb: 400 MB in a small XLSX (honest and lying sizes) refused; the server’s peak memory barely moves', async () => {
    const agencyId = (await gql(api.base, '{ agencies(options: { take: 100 }) { items { id code } } }', {}, admin)).data.agencies.items.find(
      (a: { code: string }) => a.code === 'yanchi.wenlv',
    ).id;
    const before = memoryOf(api.child.pid!);
    const lines: string[] = [];
    for (const [what, bomb] of [
      ['如实声明 400 MB', await zipBomb(400 * 1024 * 1024)],
      ['谎称仅 1 KB', await zipBomb(400 * 1024 * 1024, () => 1024)],
    ] as const) {
      const { value: r, ms } = await timed(() =>
        gql(api.base, 'mutation($a: ID!, $b: String!) { importReportXlsx(agencyId: $a, year: 2025, base64: $b) { id } }', { a: agencyId, b: bomb.toString('base64') }, admin),
      );
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toContain('解压后过大');
      lines.push(`${what}（上传 ${Math.round(bomb.length / 1024)} KB）${ms} ms 拒绝`);
    }
    const after = memoryOf(api.child.pid!);
    // the reader inflated nothing; the check itself stops at 20 MB per upload
    expect(after.peak - before.peak).toBeLessThan(200);
    summary.push(`ZIP 炸弹：解压为 400 MB 的 XLSX —— ${lines.join('；')}，BAD_USER_INPUT；进程内存峰值 ${before.peak} → ${after.peak} MB（原为 8 秒、约 +800 MB）—— held`);
  });

  it('token flood: refused before validation; anonymous refusals count against the per-IP limit, then 429 before parsing', async () => {
    const aliases = `{ ${Array.from({ length: 40_000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const { value: big, ms: bigMs } = await timed(() => post(api.base, { query: aliases }));
    expect(big.status).toBe(400);
    const tokens = `{ me { ${'id '.repeat(6_600)}} }`;
    const { value: many, ms: manyMs } = await timed(() => post(api.base, { query: tokens }));
    expect(many.status).toBe(400);
    expect(codeOf(many)).toBe('GRAPHQL_PARSE_FAILED');
    // keep flooding anonymously: the refusals are counted (120 per minute), then the address is refused unparsed
    let first429 = 0;
    for (let i = 3; i <= 140 && !first429; i++) {
      const r = await post(api.base, { query: tokens });
      if (r.status === 429) first429 = i;
    }
    expect(first429).toBeGreaterThan(100);
    const { value: blocked, ms: blockedMs } = await timed(() => post(api.base, { query: aliases }));
    expect(blocked.status).toBe(429);
    // a signed-in user from the same address is still served
    const me = await gql(api.base, '{ me { username } }', {}, admin);
    expect(me.data.me.username).toBe('admin');
    summary.push(
      `词法单元洪水：40,000 个别名（${Math.round(aliases.length / 1024)} KB）${bigMs} ms 拒绝（HTTP 400），6,600 个词法单元 ${manyMs} ms 拒绝（解析上限 3,000）；` +
        `匿名被拒请求计入每 IP 限额，第 ${first429} 次起直接 429（${blockedMs} ms，不再解析），已登录用户不受影响 —— held`,
    );
  });
});
