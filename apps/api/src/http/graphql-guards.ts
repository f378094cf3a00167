/**
 * Bounds on what one GraphQL request may cost before it is refused, and the accounting of refusals:
 *
 * - MAX_QUERY_TOKENS: graphql's parser stops after this many tokens (Apollo passes parseOptions), so a
 *   40,000-alias or 200,000-field query is refused after a few milliseconds of lexing instead of
 *   seconds of validation. The console's largest operation has a few hundred tokens.
 * - MAX_QUERY_CHARS: the query text (not the variables, which carry report text) is refused above
 *   this length before it is parsed at all.
 * - An anonymous request refused before execution (unparsable, too long, too many tokens, invalid,
 *   over the depth/complexity/mutation/text limits) counts against the caller's per-IP limit of the
 *   public API; once the address is over that limit, its next anonymous requests are answered 429
 *   before parsing (PublicRateLimiter.refusedFor, no database read).
 * - TOO_MANY_REQUESTS is answered with HTTP 429 and Retry-After, as the downloads are, not 200.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestHandler, Response } from 'express';
import type { Api } from '../app';
import type { RequestContext } from '../common/context';
import { PublicRateLimiter } from '../modules/public/rate-limit';

export const MAX_QUERY_TOKENS = 3000;
export const MAX_QUERY_CHARS = 20_000;

/** codes of a request refused as a whole, before any resolver ran */
const REFUSAL_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/** a request answered before GraphQL runs: status, body in GraphQL's error shape, extra headers */
export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
}

export function refusal(status: number, code: string, message: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}): Refusal {
  return { status, headers, body: { errors: [{ message, extensions: { code, ...extensions } }] } };
}

function tooManyRequests(retryAfter: number): Refusal {
  return refusal(429, 'TOO_MANY_REQUESTS', `请求过于频繁，请 ${retryAfter} 秒后再试`, { retryAfter }, { 'retry-after': String(retryAfter) });
}

function send(res: Response, answer: Refusal) {
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.status(answer.status).json(answer.body);
}

/** who asks and from where, as both HTTP paths (Express and graphql-endpoint.ts) know it */
export interface Caller {
  ip: string | undefined;
  authorization: string | undefined;
}

/** before the body is read: an anonymous caller from an address over the limit is answered 429 */
export async function addressRefusal(api: Api, limiter: PublicRateLimiter, caller: Caller): Promise<Refusal | null> {
  const wait = limiter.refusedFor(caller.ip);
  if (wait === 0) return null;
  // a signed-in user is not limited by the anonymous limit (checked only in this rare case)
  const ctx = await api.contextFor(caller.authorization, { ip: caller.ip });
  return ctx.user ? null : tooManyRequests(wait);
}

/** after the body is parsed: the query text is refused above MAX_QUERY_CHARS (counted when anonymous) */
export async function queryLengthRefusal(api: Api, limiter: PublicRateLimiter, caller: Caller, query: unknown): Promise<Refusal | null> {
  if (typeof query !== 'string' || query.length <= MAX_QUERY_CHARS) return null;
  const ctx = await api.contextFor(caller.authorization, { ip: caller.ip });
  if (!ctx.user) await limiter.hit(ctx.dataSource, caller.ip);
  return refusal(400, 'BAD_USER_INPUT', `查询文本过长（${query.length} 个字符，上限 ${MAX_QUERY_CHARS}）`);
}

/** Express: addressRefusal */
export function refusedAddressGate(api: Api): RequestHandler {
  const limiter = api.container.get(PublicRateLimiter);
  return async (req, res, next) => {
    try {
      const answer = await addressRefusal(api, limiter, { ip: req.ip, authorization: req.headers.authorization });
      if (answer) send(res, answer);
      else next();
    } catch (error) {
      next(error);
    }
  };
}

/** Express: queryLengthRefusal */
export function queryLengthGate(api: Api): RequestHandler {
  const limiter = api.container.get(PublicRateLimiter);
  return async (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query?.query;
    try {
      const answer = await queryLengthRefusal(api, limiter, { ip: req.ip, authorization: req.headers.authorization }, query);
      if (answer) send(res, answer);
      else next();
    } catch (error) {
      next(error);
    }
  };
}

function isRequestRefusal(error: GraphQLFormattedError | { extensions?: Record<string, unknown>; path?: unknown }): boolean {
  return !error.path && REFUSAL_CODES.has(String(error.extensions?.code ?? ''));
}

/**
 * The Apollo side: Chinese text for the parser's token limit, anonymous refusals counted against the
 * per-IP limit, TOO_MANY_REQUESTS as HTTP 429 with Retry-After.
 */
export function abuseAccounting(limiter: () => PublicRateLimiter): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async parsingDidStart() {
          return async (error) => {
            const m = error && /more tha[nt] (\d+) tokens/.exec(error.message);
            if (m) error!.message = `查询过长（超过 ${m[1]} 个词法单元），请拆分成较小的查询`;
          };
        },
        async didEncounterErrors({ errors }) {
          if (contextValue.user) return;
          if (errors.some((e) => e.extensions?.code === 'TOO_MANY_REQUESTS')) return;
          if (errors.some((e) => isRequestRefusal(e))) await limiter().hit(contextValue.dataSource, contextValue.ip);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const limited = (response.body.singleResult.errors ?? []).filter((e) => e.extensions?.code === 'TOO_MANY_REQUESTS');
          if (limited.length === 0) return;
          const retryAfter = Math.max(1, ...limited.map((e) => Number(e.extensions?.retryAfter) || 1));
          response.http.status = 429;
          response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}
