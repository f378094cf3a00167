/**
 * What the HTTP server sends a browser besides GraphQL:
 * - the console's files: the pre-compressed variant the browser accepts (brotli, else gzip, else as
 *   built), hashed assets cached for a year as immutable, index.html revalidated on every load, ETags
 *   answered with 304, a missing hashed asset a 404 rather than index.html;
 * - GET /graphql from a browser: a local page without any external reference in development, no
 *   landing page at all in production (Apollo's would load its Sandbox from a CDN).
 * Plain HTTP behaviour, the same on every database: it runs on SQLite only.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, type HttpApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { IMMUTABLE, REVALIDATE } from '../../src/http/console-assets';
import { TEST_SECRET } from '../support/api';
import { openTestDatabase, type TestDatabase } from '../support/databases';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** a request whose body is NOT decompressed (fetch would undo the encoding being tested) */
function get(base: string, pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** a console build in miniature: index.html, one big hashed script with its .br/.gz, one small file without */
function fakeDist(): { dir: string; script: Buffer; index: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'touming-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const index = '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>';
  fs.writeFileSync(path.join(dir, 'index.html'), index);
  const script = Buffer.from(Array.from({ length: 4000 }, (_, i) => `export const value${i} = "透明 ${i % 97}";`).join('\n'));
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), script);
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js.gz'), zlib.gzipSync(script, { level: 9 }));
  fs.writeFileSync(path.join(dir, 'assets', 'tiny-XyZ789.css'), 'body{margin:0}');
  return { dir, script, index };
}

async function start(db: TestDatabase, adminDist: string, production: boolean): Promise<{ http: HttpApp; base: string }> {
  const config = { ...loadConfig({ JWT_SECRET: TEST_SECRET, SEED_DEMO: '0' }), adminDist, production };
  const app = await createHttpApp(db.dataSource, config);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  return { http: app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

async function stop(app: HttpApp) {
  await app.stop();
}

describe('the console over HTTP and GET /graphql in a browser', () => {
  let db: TestDatabase;
  let dist: ReturnType<typeof fakeDist>;
  let dev: { http: HttpApp; base: string };
  let prod: { http: HttpApp; base: string };

  beforeAll(async () => {
    db = await openTestDatabase('sqlite');
    dist = fakeDist();
    dev = await start(db, dist.dir, false);
    prod = await start(db, dist.dir, true);
  });

  afterAll(async () => {
    await stop(dev.http);
    await stop(prod.http);
    await db.drop();
    fs.rmSync(dist.dir, { recursive: true, force: true });
  });

  it('a hashed script: brotli when accepted, else gzip, else as built; cached for a year as immutable', async () => {
    const script = '/assets/index-AbC123.js';
    const br = await get(dev.base, script, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(br.body).equals(dist.script)).toBe(true);
    expect(br.body.length).toBeLessThan(dist.script.length / 3);

    const gz = await get(dev.base, script, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(dist.script)).toBe(true);

    const refused = await get(dev.base, script, { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(refused.headers['content-encoding']).toBe('gzip');

    const plain = await get(dev.base, script, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(dist.script)).toBe(true);

    // the same in production
    expect((await get(prod.base, script, { 'accept-encoding': 'br' })).headers['content-encoding']).toBe('br');
  });

  it('a file built without compressed copies is sent as it is, still cached as a hashed asset', async () => {
    const css = await get(dev.base, '/assets/tiny-XyZ789.css', { 'accept-encoding': 'br, gzip' });
    expect(css.status).toBe(200);
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe(IMMUTABLE);
    expect(css.body.toString()).toBe('body{margin:0}');
  });

  it('index.html — at /, by name and for every console route — is revalidated on each load', async () => {
    for (const route of ['/', '/index.html', '/reports/123', '/county']) {
      const res = await get(dev.base, route, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
      expect(res.status, route).toBe(200);
      expect(res.headers['cache-control'], route).toBe(REVALIDATE);
      expect(res.headers['content-type'], route).toBe('text/html; charset=utf-8');
      expect(res.body.toString(), route).toBe(dist.index);
    }
  });

  it('answers a matching ETag with 304 and HEAD without a body', async () => {
    const first = await get(dev.base, '/assets/index-AbC123.js', { 'accept-encoding': 'br' });
    expect(first.headers.etag).toBeTruthy();
    const again = await get(dev.base, '/assets/index-AbC123.js', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get(dev.base, '/assets/index-AbC123.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(first.body.length);
  });

  it('a missing hashed asset is a 404, not the console page; API paths never fall back to it', async () => {
    const missing = await get(dev.base, '/assets/index-OLD999.js', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toMatch(/控制台可能已经更新/);
    const download = await get(dev.base, '/download/nothing-here');
    expect(download.status).toBe(404);
    expect(download.body.toString()).not.toContain('<div id="root">');
    // only files of the build are served: a path out of it gets the console page or a 404, never the file
    for (const sneaky of ['/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/assets/..%5c..%5cpackage.json']) {
      const res = await get(dev.base, sneaky);
      expect(res.body.toString(), sneaky).not.toMatch(/root:|"name"/);
    }
  });

  it('a console rebuilt under the running server is served without a restart', async () => {
    const fresh = Buffer.from('export const rebuilt = true;'.repeat(100));
    fs.writeFileSync(path.join(dist.dir, 'assets', 'index-NeW456.js'), fresh);
    // the listing is read again on a miss, at most once a second
    await new Promise((r) => setTimeout(r, 1100));
    const res = await get(dev.base, '/assets/index-NeW456.js', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.body.equals(fresh)).toBe(true);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('development: GET /graphql from a browser is a local page that references no other host', async () => {
    const res = await get(dev.base, '/graphql', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body.toString();
    expect(html).toContain('透明 · GraphQL 接口');
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(/i);
    expect(html).not.toMatch(/apollographql|embeddable-sandbox|cdn\./i);
    // and it lives under the console's CSP: nothing but this origin
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('production: no landing page at all', async () => {
    const res = await get(prod.base, '/graphql', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).not.toMatch(/^text\/html/);
    const body = res.body.toString();
    expect(body).not.toMatch(/<html|<script/i);
    expect(body).not.toMatch(/https?:\/\//i);
  });
});
