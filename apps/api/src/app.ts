import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config';
import { Container } from './common/container';
import type { RequestContext } from './common/context';
import { createLoaders } from './common/loaders';
import { landingPagePlugin } from './common/landing-page';
import { makeFormatError } from './common/errors';
import { executorFromEnv, executorGateway, type ExecutorKind, type JitExecutor } from './common/executor';
import { complexityCheck, depthLimit, MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH, wellFormedTextCheck } from './common/query-limits';
import { textBoundsCheck } from './common/input-bounds';
import { checkPlugin, type OperationCheck } from './common/operation-checks';
import { abuseAccounting, MAX_QUERY_TOKENS, queryLengthGate, refusal, refusedAddressGate } from './http/graphql-guards';
import { bodyRefusal, byteSize, createGraphqlEndpoint } from './http/graphql-endpoint';
import { PreparedOperations } from './http/prepared-operations';
import { createMetricsServer, mountMetrics } from './http/metrics-endpoint';
import { securityHeaderList, securityHeaders } from './http/security-headers';
import { migrationsApplied } from './db/data-source';
import { AuthService } from './modules/auth/auth.service';
import { metricsPlugin, operationOf, watchDataSource } from './observability';
import { registerModules } from './modules';
import { Mailer, registerMailer, sweepEmails } from './modules/notifications';
import { mountDownloads } from './modules/exports';
import { mountFiles } from './modules/files/files.routes';
import { FileStore } from './modules/files/file-store';
import { PdfPrinter } from './modules/exports/pdf/pdf-printer';
import { mountPublicPages } from './modules/public/pages/routes';
import { PublicRateLimiter } from './modules/public/rate-limit';
import { buildApiSchema } from './schema';
import { mountConsole } from './http/console-assets';
import { passwordChangeCheck } from './modules/auth/password-change-gate';

export interface Logger {
  info: (obj: unknown, msg?: string) => void;
  error: (obj: unknown, msg?: string) => void;
}

export interface Api {
  schema: GraphQLSchema;
  container: Container;
  apollo: ApolloServer<RequestContext>;
  /** which executor runs operations, and graphql-jit's cache when it is jit */
  executor: { kind: ExecutorKind; jit: JitExecutor | null };
  /** documents Apollo has validated, answered without its pipeline (http/prepared-operations.ts) */
  prepared: PreparedOperations;
  /** build the context of one request (also for in-process tests) */
  contextFor: (authorization?: string, extra?: { requestId?: string; ip?: string }) => Promise<RequestContext>;
}

/** the services and the schema over an open data source */
export async function createApi(
  dataSource: DataSource,
  config: Pick<AppConfig, 'jwtSecret' | 'jwtTtl' | 'production' | 'filesDir'> & Partial<Pick<AppConfig, 'smtpUrl' | 'mailFrom'>>,
  opts: { logger?: Logger; plugins?: ApolloServerPlugin<RequestContext>[]; executor?: ExecutorKind; prepared?: boolean } = {},
): Promise<Api> {
  const container = new Container();
  // e-mail copies of 消息 are sent for this database's notifications (modules/notifications/mailer.ts)
  registerMailer(
    dataSource,
    config.smtpUrl
      ? new Mailer({ url: config.smtpUrl, from: config.mailFrom ?? '透明 <touming@localhost>', log: (msg, detail) => opts.logger?.error(detail, msg) })
      : null,
  );
  const auth = new AuthService({ secret: config.jwtSecret, ttl: config.jwtTtl });
  container.set(AuthService, auth);
  container.set(FileStore, new FileStore(config.filesDir ?? null));
  registerModules(container);
  const schema = await buildApiSchema(container);
  const requestIdOnInternalErrors: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (!code || code === 'INTERNAL_SERVER_ERROR') {
              opts.logger?.error({ err: error.originalError ?? error, requestId: contextValue.requestId }, 'GraphQL 内部错误');
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
      };
    },
  };
  // graphql-jit by default; GRAPHQL_EXECUTOR=js keeps graphql-js (common/executor.ts says why)
  const executor = opts.executor ?? executorFromEnv(process.env.GRAPHQL_EXECUTOR);
  const gateway = executorGateway(schema, executor, { logger: opts.logger });
  // checked on every operation before it runs, by Apollo (as plugins) and by the prepared path
  const checks: OperationCheck[] = [wellFormedTextCheck, complexityCheck(MAX_QUERY_COMPLEXITY), textBoundsCheck, passwordChangeCheck];
  const prepared = new PreparedOperations({ schema, checks, run: gateway.run, enabled: opts.prepared ?? true });
  const ownPlugins: ApolloServerPlugin<RequestContext>[] = [
    // no HTTP cache hints are used: without this Apollo installs its cache-control plugin, whose
    // willResolveField wraps every field resolver of every response (measured: e2e/load, docs/performance.md)
    ApolloServerPluginCacheControlDisabled(),
    // nothing about requests or the schema leaves the server for Apollo's hosted services (APOLLO_KEY
    // in the environment would otherwise switch usage reporting on), and no federation traces
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
    landingPagePlugin(config.production),
    ...checks.map(checkPlugin),
    abuseAccounting(() => container.get(PublicRateLimiter)),
    requestIdOnInternalErrors,
    metricsPlugin,
    prepared.recorder(),
  ];
  const apollo = new ApolloServer<RequestContext>({
    gateway,
    // main.ts owns SIGTERM/SIGINT (stop via HttpApp.stop, then close the pool); Apollo's own handler
    // would race it and re-raise the signal
    stopOnTerminationSignals: false,
    introspection: !config.production,
    // production: no "Did you mean …" field suggestions in validation errors (they map the schema for
    // a stranger); formatError strips them from variable errors too
    hideSchemaDetailsFromClientErrors: config.production,
    // the parser stops after this many tokens: a 40,000-alias query costs milliseconds, not seconds
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    includeStacktraceInErrorResponses: !config.production,
    formatError: makeFormatError({ production: config.production }),
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    plugins: [...ownPlugins, ...(opts.plugins ?? [])],
  });
  // the prepared path stands in for these plugins' per-request work; any other plugin with request
  // hooks (a caller's, or one Apollo adds itself) turns it off
  prepared.attach(apollo, ownPlugins);
  return {
    schema,
    container,
    apollo,
    executor: { kind: executor, jit: gateway.jit },
    prepared,
    contextFor: (authorization, extra) => auth.contextFor(dataSource, authorization, extra),
  };
}

/**
 * Read replicas serve anonymous reads (the public portal and open-data API). A signed-in user's
 * reads stay on the primary for the whole request, so nobody ever reads an older state than what
 * they themselves just wrote (replication lag); writes and transactions go to the primary anyway.
 */
function pinToPrimary(ctx: RequestContext, res: http.ServerResponse): RequestContext {
  const ds = ctx.dataSource;
  if (!ctx.user || !(ds.options as { replication?: unknown }).replication) return ctx;
  const runner = ds.createQueryRunner('master');
  res.once('close', () => void runner.release());
  ctx.manager = runner.manager;
  ctx.loaders = createLoaders(runner.manager);
  return ctx;
}

export interface HttpApp {
  api: Api;
  app: express.Express;
  server: http.Server;
  /** the separate /metrics listener when METRICS_PORT is set (the caller listens on it), else null */
  metricsServer: http.Server | null;
  /**
   * Graceful stop: /readyz turns 503, every further response closes its keep-alive connection, the
   * listener closes and the requests in flight finish (Apollo's drain plugin; cut after 10 s).
   * The caller closes the database afterwards.
   */
  stop(): Promise<void>;
}

/** Express around the API: /graphql, /healthz, /readyz, and the built console at / when present */
export async function createHttpApp(dataSource: DataSource, config: AppConfig, logger?: Logger): Promise<HttpApp> {
  const app = express();
  // POST /graphql with a JSON body is answered by http/graphql-endpoint.ts, everything else by Express
  let graphqlEndpoint: ReturnType<typeof createGraphqlEndpoint> | null = null;
  const server = http.createServer((req, res) => {
    if (graphqlEndpoint?.handles(req)) graphqlEndpoint.handle(req, res);
    else app(req, res);
  });
  app.disable('x-powered-by');
  // TRUST_PROXY (off by default): whose X-Forwarded-For is believed — see http/trust-proxy.ts
  app.set('trust proxy', config.trustProxy);
  const headerOptions = { production: config.production, hstsMaxAge: config.hstsMaxAge };
  app.use(securityHeaders(headerOptions));
  const api = await createApi(dataSource, config, { logger, prepared: config.graphqlPrepared ?? true, plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })] });
  await api.apollo.start();
  watchDataSource(dataSource);
  let draining = false;

  // every request gets an id (the caller's X-Request-Id when well-formed) and one log line when done:
  // id, method, path without query string, status, duration, and for GraphQL the user and operation
  app.use((req, res, next) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
    res.locals.requestId = requestId;
    // while stopping, clients that reuse keep-alive connections must come back on a new connection
    // (to another instance): otherwise a busy connection would keep this one from ever draining
    if (draining) res.setHeader('connection', 'close');
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('close', () => operationOf.delete(requestId));
    res.on('finish', () => {
      const ctx = res.locals.ctx as RequestContext | undefined;
      logger?.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          ...(ctx ? { userId: ctx.user?.id ?? null, operation: operationOf.get(requestId) ?? null } : {}),
        },
        'request',
      );
    });
    next();
  });

  // e-mail copies that failed, or whose process stopped before sending them, are retried
  const mailSweep = config.smtpUrl
    ? setInterval(() => void sweepEmails(dataSource).catch((err) => logger?.error({ err }, '消息邮件重试出错')), 60_000).unref()
    : null;

  mountMetrics(app, config);
  const metricsServer = config.metricsPort !== null ? createMetricsServer() : null;

  app.get('/healthz', (_req, res) => {
    // demo: the console's login page lists the demo logins only when the demo data is seeded
    res.json({ status: 'ok', demo: config.seedDemo });
  });
  app.get('/readyz', async (_req, res) => {
    if (draining) {
      res.status(503).json({ status: 'unavailable', reason: '正在停止' });
      return;
    }
    try {
      await dataSource.query('SELECT 1');
      const migrated = await migrationsApplied(dataSource);
      if (!migrated) {
        res.status(503).json({ status: 'unavailable', reason: '数据库迁移尚未完成' });
        return;
      }
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: '数据库不可用' });
    }
  });

  const graphqlContext = async (authorization: string | undefined, requestId: string, ip: string | undefined, res: http.ServerResponse) =>
    pinToPrimary(await api.contextFor(authorization, { requestId, ip }), res);
  graphqlEndpoint = createGraphqlEndpoint({
    api,
    staticHeaders: securityHeaderList(headerOptions),
    trustProxy: app.get('trust proxy fn') as (address: string, hop: number) => boolean,
    bodyLimit: { text: config.bodyLimit, bytes: byteSize(config.bodyLimit) },
    logger,
    draining: () => draining,
    context: graphqlContext,
  });
  // the other /graphql requests (GET, other content types, compressed bodies) through Express
  app.use(
    '/graphql',
    refusedAddressGate(api),
    express.json({ limit: config.bodyLimit }),
    queryLengthGate(api),
    expressMiddleware(api.apollo, {
      context: async ({ req, res }) => {
        const ctx = await graphqlContext(req.headers.authorization, res.locals.requestId as string, req.ip, res);
        res.locals.ctx = ctx;
        return ctx;
      },
    }),
  );

  mountDownloads(app, api, dataSource);
  mountFiles(app, api);
  mountPublicPages(app, api);

  // the built console: pre-compressed, hashed assets cached for good, index.html revalidated
  mountConsole(app, config.adminDist);
  // body parser failures (too large, not JSON) answer in GraphQL's error shape, never with a stack
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error?.status ?? 500;
    if (status >= 500) logger?.error({ err: error }, 'HTTP 请求出错');
    const answer =
      status >= 500
        ? refusal(status, 'INTERNAL_SERVER_ERROR', '服务器内部错误')
        : { ...bodyRefusal(error?.type === 'entity.too.large' ? 'too-large' : 'malformed', config.bodyLimit), status };
    res.status(answer.status).json(answer.body);
  });
  const stop = async () => {
    draining = true;
    if (mailSweep) clearInterval(mailSweep);
    // Apollo's drain plugin: close the listener, end idle keep-alive connections and each busy one
    // once its request is answered, cut what is left after 10 s
    await api.apollo.stop();
    await api.container.get(PdfPrinter).close();
    if (metricsServer?.listening) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
  };


  return { api, app, server, metricsServer, stop };
}
