/**
 * POST /graphql with a JSON body, answered without Express.
 *
 * Why: every console call and API client request is this one shape, and on a small operation the
 * Express stack was a fifth of the server's CPU per request (profile of `{ me { id } }`, e2e/load/
 * profile.mjs: router and layer dispatch, body-parser's type/charset negotiation, helmet building
 * its headers again for every response, and `res.send` hashing every response body for an ETag
 * nobody can use on a POST). Here the same steps run as plain code: the same security headers
 * (computed once from the same helmet configuration), request id and log line, client address under
 * TRUST_PROXY, the address and query-length gates, the body limit; then the prepared path
 * (prepared-operations.ts) answers a document Apollo has already validated, and Apollo the rest.
 *
 * Everything else — GET /graphql, other content types, a compressed body, a query string — is left
 * to Express (`handles` answers false), so those keep exactly the behaviour they had.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { HeaderMap } from '@apollo/server';
import proxyaddr from 'proxy-addr';
import type { Api, Logger } from '../app';
import type { RequestContext } from '../common/context';
import { withPrecomputed, type Precomputed } from '../common/executor';
import { operationOf } from '../observability';
import { PublicRateLimiter } from '../modules/public/rate-limit';
import { addressRefusal, queryLengthRefusal, refusal, type Refusal } from './graphql-guards';

export interface GraphqlEndpointOptions {
  api: Api;
  /** headers every response carries (security headers), as [name, value] */
  staticHeaders: ReadonlyArray<readonly [string, string]>;
  /** Express's compiled "trust proxy" function, so the client's address is the one Express would give */
  trustProxy: (address: string, hop: number) => boolean;
  /** BODY_LIMIT as configured (for the message) and in bytes */
  bodyLimit: { text: string; bytes: number };
  logger?: Logger;
  draining: () => boolean;
  /** the request's context from its caller (the same function Express's path uses) */
  context: (authorization: string | undefined, requestId: string, ip: string, res: http.ServerResponse) => Promise<RequestContext>;
}

const JSON_TYPE = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/** the 413/400 answers for a body that cannot be read, shared with Express's error handler */
export function bodyRefusal(kind: 'too-large' | 'malformed', bodyLimit: string): Refusal {
  return kind === 'too-large' ? refusal(413, 'BAD_REQUEST', `请求体过大（上限 ${bodyLimit}）`) : refusal(400, 'BAD_REQUEST', '请求格式不正确');
}

/** BODY_LIMIT text ("2mb", "500kb", "1048576") in bytes, as body-parser reads it (1 kb = 1024 b) */
export function byteSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
  if (!m) throw new Error(`BODY_LIMIT 无法识别：${text}（应为如 2mb、500kb 的大小）`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}

export function createGraphqlEndpoint(options: GraphqlEndpointOptions) {
  const { api, staticHeaders, logger, bodyLimit } = options;
  const limiter = api.container.get(PublicRateLimiter);

  /** true when this request is ours (then it is answered here), false when Express should have it */
  function handles(req: http.IncomingMessage): boolean {
    if (req.method !== 'POST' || req.url !== '/graphql') return false;
    const encoding = req.headers['content-encoding'];
    if (encoding && encoding.toLowerCase() !== 'identity') return false;
    return JSON_TYPE.test(req.headers['content-type'] ?? '');
  }

  function answer(res: http.ServerResponse, status: number, headers: Iterable<readonly [string, string]>, body: string) {
    for (const [name, value] of headers) res.setHeader(name, value);
    res.statusCode = status;
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
  }

  function refuse(res: http.ServerResponse, given: Refusal) {
    answer(res, given.status, [['content-type', 'application/json; charset=utf-8'], ...Object.entries(given.headers)], JSON.stringify(given.body));
  }

  /**
   * The body as text, or 'too-large' when it is over the limit. Like body-parser, the rest of a body
   * over the limit is read off and dropped before the answer: a client still sending (a 10 MB text)
   * then gets the 413 instead of a broken pipe, and the connection stays usable.
   */
  function readBody(req: http.IncomingMessage): Promise<string | 'too-large'> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let over = Number(req.headers['content-length']) > bodyLimit.bytes;
      req.on('data', (chunk: Buffer) => {
        if (over) return;
        size += chunk.length;
        if (size > bodyLimit.bytes) {
          over = true;
          chunks.length = 0;
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => resolve(over ? 'too-large' : chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  }

  /** `seen.ctx`: the request's context once built (for the log line) */
  async function serve(req: http.IncomingMessage, res: http.ServerResponse, requestId: string, ip: string, seen: { ctx: RequestContext | null }): Promise<void> {
    const authorization = req.headers.authorization;
    const byAddress = await addressRefusal(api, limiter, { ip, authorization });
    if (byAddress) return refuse(res, byAddress);
    const text = await readBody(req);
    if (text === 'too-large') return refuse(res, bodyRefusal('too-large', bodyLimit.text));
    let body: unknown = {};
    // body-parser's strict JSON: an object or an array; an empty body (no bytes at all) is {}
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        return refuse(res, bodyRefusal('malformed', bodyLimit.text));
      }
      if (typeof body !== 'object' || body === null) return refuse(res, bodyRefusal('malformed', bodyLimit.text));
    }
    const byLength = await queryLengthRefusal(api, limiter, { ip, authorization }, (body as { query?: unknown }).query);
    if (byLength) return refuse(res, byLength);

    // the context is built once, on first need: by the prepared path or by Apollo (the same promise)
    let contextPromise: Promise<RequestContext> | null = null;
    const context = () =>
      (contextPromise ??= options.context(authorization, requestId, ip, res).then((ctx) => (seen.ctx = ctx)));
    let precomputed: Precomputed | undefined;
    // while stopping, Apollo answers everything (its own state decides what still runs)
    if (!options.draining()) {
      const outcome = await api.prepared.answer(body, req.headers.accept, context);
      if (outcome.kind === 'answered') return answer(res, 200, [['content-type', outcome.contentType]], outcome.body);
      precomputed = outcome.precomputed;
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await api.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: precomputed ? async () => withPrecomputed(await context(), precomputed) : context,
    });
    if (response.body.kind === 'complete') return answer(res, response.status ?? 200, response.headers, response.body.string);
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
    const started = process.hrtime.bigint();
    for (const [name, value] of staticHeaders) res.setHeader(name, value);
    // while stopping, clients that reuse keep-alive connections must come back on a new connection
    if (options.draining()) res.setHeader('connection', 'close');
    res.setHeader('x-request-id', requestId);
    const ip = proxyaddr(req, options.trustProxy);
    const seen: { ctx: RequestContext | null } = { ctx: null };
    res.on('close', () => operationOf.delete(requestId));
    res.on('finish', () => {
      logger?.info(
        {
          requestId,
          method: 'POST',
          path: '/graphql',
          status: res.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          ...(seen.ctx ? { userId: seen.ctx.user?.id ?? null, operation: operationOf.get(requestId) ?? null } : {}),
        },
        'request',
      );
    });
    serve(req, res, requestId, ip, seen).catch((error: unknown) => {
        logger?.error({ err: error, requestId }, 'HTTP 请求出错');
        if (res.headersSent) res.destroy();
        else refuse(res, refusal(500, 'INTERNAL_SERVER_ERROR', '服务器内部错误'));
    });
  }

  return { handles, handle };
}
