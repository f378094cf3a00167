import type { AddressInfo } from 'node:net';
import { createHttpApp, type HttpApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { PdfPrinter } from '../../src/modules/exports/pdf/pdf-printer';
import { TEST_SECRET } from './api';
import type { TestDatabase } from './databases';

/** the whole HTTP app (as main.ts builds it) over a test database, listening on a free loopback port */
export interface HttpEnv {
  http: HttpApp;
  base: string;
  close(): Promise<void>;
}

export async function startHttp(db: TestDatabase, env: Record<string, string> = {}): Promise<HttpEnv> {
  const config = { ...loadConfig({ JWT_SECRET: TEST_SECRET, SEED_DEMO: '0', ...env }), adminDist: '/nonexistent' };
  const http = await createHttpApp(db.dataSource, config);
  await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  return {
    http,
    base,
    async close() {
      await new Promise<void>((resolve) => http.server.close(() => resolve()));
      await http.api.apollo.stop();
      await http.api.container.get(PdfPrinter).close();
    },
  };
}

export interface HttpReply {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

/** POST /graphql with a JSON body (or raw text), optional token and extra headers */
export async function post(base: string, body: unknown, opts: { token?: string; headers?: Record<string, string>; raw?: boolean } = {}): Promise<HttpReply> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
    body: opts.raw ? (body as string) : JSON.stringify(body),
  });
  const text = await res.text();
  let json: HttpReply['body'];
  try {
    json = JSON.parse(text);
  } catch {
    json = { errors: [{ message: text, extensions: { code: 'NOT_JSON' } }] };
  }
  return { status: res.status, headers: res.headers, body: json };
}

export const codeOfReply = (r: HttpReply) => r.body.errors?.[0]?.extensions?.code as string | undefined;
