/**
 * Prepared operations: a POST /graphql whose document Apollo has already parsed, validated and
 * resolved is answered here, without Apollo's request pipeline.
 *
 * Why: after the lean endpoint (graphql-endpoint.ts), Apollo's pipeline was half the CPU of a small
 * operation — for `{ me { id } }`, 0.30 ms against 0.12 ms for the hand-written baseline (profile of
 * e2e/load/profile.mjs --op me: request-context objects, nine plugins' hooks awaited one stage at a
 * time, the SHA-256 of the query for the document cache, content-type parsing and negotiation on
 * every request). A build answering that document without Apollo ran at the baseline's throughput.
 *
 * What runs here is what Apollo runs for such a request, from the same sources:
 * - the document and operation are the ones Apollo validated for this exact query text and operation
 *   name (recorded by `recorder()` when Apollo resolved them; a text Apollo has not seen goes to Apollo);
 * - the same operation checks (common/operation-checks.ts: text, complexity, bounds, password gate);
 * - the same executor (graphql-jit or graphql-js, common/executor.ts) with the same context, shallow
 *   copied as Apollo copies it;
 * - the same JSON (`{"data":…}` plus Apollo's newline) and content type, chosen from Accept as Apollo does;
 * - the same metrics and log-line operation.
 *
 * Only the plain success is answered here. Anything else goes to Apollo unchanged: a body Apollo
 * would refuse or treat specially (extensions, persisted queries, batches), a failed context, a
 * refused check (Apollo runs the same check again and refuses with its own formatting), and any result
 * with errors — that one with the result already computed (PRECOMPUTED_RESULT), so Apollo formats the
 * errors, sets the status and runs its error hooks without running the operation a second time.
 * While the server stops, everything goes to Apollo. GRAPHQL_PREPARED=off turns the path off.
 */
import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, ExecutionResult, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import Negotiator from 'negotiator';
import type { RequestContext } from '../common/context';
import type { OperationRun, Precomputed } from '../common/executor';
import type { OperationCheck, ResolvedOperation } from '../common/operation-checks';
import { countOperation, operationLabelOf, operationOf } from '../observability';

/** documents kept: a console has a few dozen operations; strangers' documents cycle out */
export const PREPARED_DOCUMENTS = 1000;
/** and at most this many characters of query text in all (a valid document can be long) */
export const PREPARED_CHARS = 4_000_000;

/** Apollo's response media types (ApolloServer.ts MEDIA_TYPES), in the order Apollo offers them */
const APPLICATION_JSON = 'application/json; charset=utf-8';
const SINGLE_RESULT_TYPES = [APPLICATION_JSON, 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];

interface Prepared {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  queryHash: string;
  label: string;
  chars: number;
}

/** the request as Apollo reads a POST body, when it is the plain kind this path answers */
interface PlainRequest {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

const PLAIN_KEYS = new Set(['query', 'operationName', 'variables']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** null: Apollo must read it (anything but query, operationName and variables of the plain types) */
function plainRequest(body: unknown): PlainRequest | null {
  if (!isRecord(body)) return null;
  for (const key in body) if (!PLAIN_KEYS.has(key)) return null;
  const { query, operationName, variables } = body;
  if (typeof query !== 'string' || query === '') return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
  return { query, operationName: typeof operationName === 'string' ? operationName : undefined, variables: isRecord(variables) ? variables : undefined };
}

/** one key per query text and operation name (an empty name is not the same as none) */
function keyOf(query: string, operationName: string | undefined): string {
  return operationName === undefined ? `\u0000${query}` : `${operationName}\u0000${query}`;
}

/** the shallow copy Apollo makes of the context for each request (ApolloServer.ts cloneObject) */
function cloneContext(ctx: RequestContext): RequestContext {
  return Object.assign(Object.create(Object.getPrototypeOf(ctx) as object) as RequestContext, ctx);
}

export type PreparedOutcome =
  /** answered: status 200 with this content type and body */
  | { kind: 'answered'; contentType: string; body: string }
  /** Apollo answers; `precomputed`: the operation already ran, with this outcome */
  | { kind: 'apollo'; precomputed?: Precomputed };

const TO_APOLLO: PreparedOutcome = { kind: 'apollo' };

export interface PreparedDeps {
  schema: GraphQLSchema;
  /** the operation checks, in Apollo's plugin order */
  checks: readonly OperationCheck[];
  /** the executor Apollo's gateway uses */
  run: (args: OperationRun) => Promise<ExecutionResult>;
  enabled: boolean;
  maxDocuments?: number;
  maxChars?: number;
}

export class PreparedOperations {
  private readonly byKey = new Map<string, Prepared>();
  private chars = 0;
  private readonly contentTypes = new Map<string, string | null>();
  /** checked once Apollo is running: every plugin with request hooks is one this path stands in for */
  private pluginsKnown: boolean | null = null;
  private readonly known = new Set<ApolloServerPlugin<RequestContext>>();
  private apollo: ApolloServer<RequestContext> | null = null;
  private answered = 0;

  constructor(private readonly deps: PreparedDeps) {}

  get enabled(): boolean {
    return this.deps.enabled;
  }

  /** requests this path answered itself since start */
  get answeredCount(): number {
    return this.answered;
  }

  /** documents remembered */
  get size(): number {
    return this.byKey.size;
  }

  /**
   * The Apollo server this path stands in for, and the plugins whose per-request work it does
   * (the operation checks, metrics, error-only hooks). A plugin with request hooks not in this list —
   * one a caller added, or one Apollo installs itself such as usage reporting — turns the path off.
   */
  attach(apollo: ApolloServer<RequestContext>, plugins: Iterable<ApolloServerPlugin<RequestContext>>): void {
    this.apollo = apollo;
    for (const plugin of plugins) this.known.add(plugin);
  }

  /** the Apollo plugin that remembers each document Apollo validated and resolved to an operation */
  recorder(): ApolloServerPlugin<RequestContext> {
    const recorder: ApolloServerPlugin<RequestContext> = {
      requestDidStart: async () => ({
        didResolveOperation: async ({ source, document, operation, queryHash, request }) => {
          if (this.deps.enabled && operation && typeof source === 'string') this.remember(source, request.operationName, { document, operation, queryHash });
        },
      }),
    };
    this.known.add(recorder);
    return recorder;
  }

  private remember(query: string, operationName: string | undefined, found: { document: DocumentNode; operation: OperationDefinitionNode; queryHash: string }): void {
    const key = keyOf(query, operationName);
    if (this.byKey.has(key)) return;
    const maxChars = this.deps.maxChars ?? PREPARED_CHARS;
    if (key.length > maxChars) return;
    this.byKey.set(key, { ...found, label: operationLabelOf(found.operation), chars: key.length });
    this.chars += key.length;
    const maxDocuments = this.deps.maxDocuments ?? PREPARED_DOCUMENTS;
    // least recently used first (lookup moves a hit to the end)
    for (const [oldest, entry] of this.byKey) {
      if (this.byKey.size <= maxDocuments && this.chars <= maxChars) break;
      this.byKey.delete(oldest);
      this.chars -= entry.chars;
    }
  }

  private lookup(query: string, operationName: string | undefined): Prepared | undefined {
    const key = keyOf(query, operationName);
    const found = this.byKey.get(key);
    if (found) {
      this.byKey.delete(key);
      this.byKey.set(key, found);
    }
    return found;
  }

  /** Apollo's choice of content type for a single result (null: Apollo answers 406) */
  private contentTypeFor(accept: string | undefined): string | null {
    if (!accept) return APPLICATION_JSON;
    let chosen = this.contentTypes.get(accept);
    if (chosen === undefined) {
      chosen = new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_TYPES) ?? null;
      // a client sends one Accept header for all its requests; strangers' headers are not kept for long
      if (this.contentTypes.size >= 100) this.contentTypes.clear();
      this.contentTypes.set(accept, chosen);
    }
    return chosen;
  }

  /** true while Apollo is serving and every request hook in it is one this path stands in for */
  private ready(): boolean {
    // Apollo keeps its phase and plugin list private; both are read defensively, and a change in
    // Apollo's internals turns this path off (prepared-operations.test.ts fails loudly when it does)
    const internals = (this.apollo as unknown as { internals?: { state?: { phase?: string }; plugins?: ApolloServerPlugin<RequestContext>[] } } | null)?.internals;
    if (internals?.state?.phase !== 'started') return false;
    if (this.pluginsKnown === null) {
      this.pluginsKnown =
        Array.isArray(internals.plugins) &&
        internals.plugins.every(
          (p) =>
            !p.requestDidStart ||
            this.known.has(p) ||
            // Apollo's own, installed in production: it rewrites validation errors only, and a prepared
            // document has passed validation
            (p as { __internal_plugin_id__?: string }).__internal_plugin_id__ === 'DisableSuggestions',
        );
    }
    return this.pluginsKnown;
  }

  /** whether this path is answering at all (enabled, Apollo started, plugins known) */
  get active(): boolean {
    return this.deps.enabled && this.ready();
  }

  /**
   * Answers the request when it is a plain success of a prepared document; otherwise says Apollo
   * must (with the result when the operation already ran). `context` builds the request's context
   * once (later calls return the same promise): Apollo is handed the same function.
   */
  async answer(body: unknown, accept: string | undefined, context: () => Promise<RequestContext>): Promise<PreparedOutcome> {
    if (!this.active) return TO_APOLLO;
    const request = plainRequest(body);
    if (!request) return TO_APOLLO;
    const contentType = this.contentTypeFor(accept);
    if (!contentType) return TO_APOLLO;
    const prepared = this.lookup(request.query, request.operationName);
    if (!prepared) return TO_APOLLO;
    const started = process.hrtime.bigint();
    let ctx: RequestContext;
    try {
      ctx = await context();
    } catch {
      return TO_APOLLO;
    }
    const contextValue = cloneContext(ctx);
    const resolved: ResolvedOperation = {
      schema: this.deps.schema,
      document: prepared.document,
      operation: prepared.operation,
      request: { operationName: request.operationName, variables: request.variables },
      contextValue,
    };
    try {
      for (const check of this.deps.checks) check(resolved);
    } catch {
      return TO_APOLLO;
    }
    operationOf.set(ctx.requestId, prepared.label);
    let result: ExecutionResult;
    try {
      result = await this.deps.run({
        document: prepared.document,
        operation: prepared.operation,
        queryHash: prepared.queryHash,
        operationName: request.operationName ?? null,
        context: contextValue,
        variables: request.variables,
      });
    } catch (error) {
      return { kind: 'apollo', precomputed: { error } };
    }
    if (result.errors !== undefined || result.data == null) return { kind: 'apollo', precomputed: { result } };
    countOperation(prepared.label, started);
    this.answered++;
    // Apollo's body: its field order (errors, data, extensions) and a newline (runHttpQuery.ts)
    return { kind: 'answered', contentType, body: JSON.stringify({ errors: undefined, data: result.data, extensions: result.extensions }) + '\n' };
  }
}
