/**
 * How Apollo executes an operation once it has parsed and validated it: compiled by graphql-jit (the
 * default) or interpreted by graphql-js (GRAPHQL_EXECUTOR=js).
 *
 * graphql-js walks every field of every response through a generic loop (resolve info, path, value
 * completion per field); a report(id) answer has ~1,000 fields, so that loop was the largest share of
 * the CPU after the SQL. graphql-jit turns a document into a JavaScript function once and runs that
 * function on later requests. Apollo Server 5 has no executor option, but it accepts a gateway: an
 * object whose load() hands back an executor, which Apollo calls after its own parsing, validation,
 * document cache and every plugin's didResolveOperation (limits, text bounds, accounting). The plugins
 * and the error formatting therefore stay Apollo's; only field execution changes.
 *
 * A compiled function is kept per document (Apollo's query hash) and operation name in a bounded LRU.
 * A document graphql-jit cannot compile, or one touching a union or interface (graphql-jit does not
 * await an asynchronous resolveType, and type-graphql makes them asynchronous), runs through
 * graphql-js; that is logged once per document.
 *
 * Variables are coerced by graphql-js, not by graphql-jit: graphql-jit's own coercion does not fill an
 * input object's field defaults (`ListOptions.order: SortOrder! = ASC` made every console list fail
 * with "was not provided"). graphql-jit receives graphql-js's coerced values and coerces them once
 * more, which changes nothing when every enum value is named as it is stored and every custom scalar
 * accepts its own parsed value (checked per document; otherwise that document runs on graphql-js).
 * Invalid variables run through graphql-js, which reports them as it always has.
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  GraphQLError,
  isAbstractType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isScalarType,
  isSpecifiedScalarType,
  typeFromAST,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { coerceVariables } from './variables';

export type ExecutorKind = 'jit' | 'js';

/** GRAPHQL_EXECUTOR: `jit` (default) or `js`; anything else is refused at start-up */
export function executorFromEnv(value: string | undefined): ExecutorKind {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'jit') return 'jit';
  if (v === 'js' || v === 'graphql-js') return 'js';
  throw new Error(`GRAPHQL_EXECUTOR 只能是 jit 或 js（当前为 ${value}）`);
}

/** the compiled documents kept: a console has a few dozen operations; strangers' documents cycle out */
export const COMPILED_DOCUMENTS = 1000;

/** a Map in insertion order used as a least-recently-used cache of bounded size */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly max: number) {}
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
  get size(): number {
    return this.map.size;
  }
}

interface ExecutorLogger {
  warn?: (obj: unknown, msg?: string) => void;
  info: (obj: unknown, msg?: string) => void;
}

/**
 * Custom scalars whose parseValue accepts its own result unchanged (a Date stays that Date, an object
 * that object): graphql-jit may coerce their graphql-js-parsed values again. Any other custom scalar in
 * a document's variables sends the document to graphql-js.
 */
export const RECOERCIBLE_SCALARS = new Set(['DateTimeISO', 'JSONObject']);

/** why coercing this operation's already-coerced variables again could change them, or null */
function notRecoercible(schema: GraphQLSchema, operation: OperationDefinitionNode): string | null {
  const seen = new Set<string>();
  const check = (type: GraphQLInputType): string | null => {
    const named = getNamedType(type);
    if (seen.has(named.name)) return null;
    seen.add(named.name);
    if (isEnumType(named)) {
      const renamed = named.getValues().find((v) => v.value !== v.name);
      return renamed ? `enum ${named.name}.${renamed.name} is stored as ${String(renamed.value)}` : null;
    }
    if (isScalarType(named)) return isSpecifiedScalarType(named) || RECOERCIBLE_SCALARS.has(named.name) ? null : `scalar ${named.name}`;
    if (isInputObjectType(named)) {
      for (const field of Object.values(named.getFields())) {
        const problem = check(field.type);
        if (problem) return problem;
      }
    }
    return null;
  };
  for (const def of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, def.type as Parameters<typeof typeFromAST>[1]) as GraphQLInputType | undefined;
    if (!type) return `unknown type of $${def.variable.name.value}`;
    const problem = check(type);
    if (problem) return problem;
  }
  return null;
}

/** true when the document selects a field whose type is a union or an interface */
function touchesAbstractType(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        let named = type as { ofType?: unknown } | null;
        while (named && 'ofType' in named && named.ofType) named = named.ofType as { ofType?: unknown };
        if (named && isAbstractType(named)) found = true;
      },
    }),
  );
  return found;
}

/**
 * graphql-jit's own error class leaves `extensions` undefined when the original error has none (a
 * database failure, a TypeError): Apollo's error formatting reads `extensions.code` and, failing,
 * answered "Internal server error" in English instead of going through formatError. Each error is
 * rebuilt as graphql-js builds it (extensions from the original error, else empty; the original's
 * stack), keeping graphql-jit's locations and path.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: (error.originalError as Error | undefined) ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}

/**
 * graphql-js answers `{ errors, data }` when there are errors and graphql-jit `{ data, errors }`: the
 * JSON on the wire keeps graphql-js's order (clients and the bench look at the start of the body)
 */
function inGraphqlJsOrder(result: ExecutionResult): ExecutionResult {
  return result.errors ? { errors: result.errors.map(asGraphqlJsError), data: result.data } : result;
}

export interface JitExecutor {
  execute: (args: {
    document: DocumentNode;
    /** the operation Apollo resolved (null: none by that name; graphql-js reports it) */
    operation: OperationDefinitionNode | null | undefined;
    queryHash: string;
    operationName: string | null | undefined;
    context: unknown;
    variables?: Record<string, unknown>;
  }) => Promise<ExecutionResult>;
  /** compiled documents in the cache (null entries: documents that run through graphql-js) */
  readonly cached: number;
  /** documents that fell back to graphql-js since start */
  readonly fallbacks: number;
}

/** the executor over a schema: graphql-jit with a per-document cache, graphql-js where jit cannot */
export function createJitExecutor(schema: GraphQLSchema, opts: { maxDocuments?: number; logger?: ExecutorLogger } = {}): JitExecutor {
  const cache = new Lru<string, CompiledQuery | null>(opts.maxDocuments ?? COMPILED_DOCUMENTS);
  const schemaHasAbstractTypes = Object.values(schema.getTypeMap()).some((t) => !t.name.startsWith('__') && isAbstractType(t));
  let fallbacks = 0;

  const compile = (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined): CompiledQuery | null => {
    let reason: string | null = null;
    if (schemaHasAbstractTypes && touchesAbstractType(schema, document)) {
      reason = 'union/interface (asynchronous resolveType)';
    } else if ((reason = notRecoercible(schema, operation))) {
      // reason says which type
    } else {
      try {
        const compiled = compileQuery(schema, document, operationName);
        if (isCompiledQuery(compiled)) return compiled;
        reason = compiled.errors?.map((e) => e.message).join('; ') ?? 'unknown';
      } catch (error) {
        reason = (error as Error).message;
      }
    }
    fallbacks++;
    const log = opts.logger?.warn ?? opts.logger?.info;
    log?.({ operationName: operationName ?? null, reason }, 'GraphQL 文档无法编译，改用 graphql-js 执行');
    return null;
  };

  return {
    get cached() {
      return cache.size;
    },
    get fallbacks() {
      return fallbacks;
    },
    async execute({ document, operation, queryHash, operationName, context, variables }) {
      const js = () => execute({ schema, document, contextValue: context, variableValues: variables, operationName });
      if (!operation) return js();
      const key = `${queryHash}:${operationName ?? ''}`;
      let compiled = cache.get(key);
      if (compiled === undefined) {
        compiled = compile(document, operation, operationName ?? undefined);
        cache.set(key, compiled);
      }
      if (compiled === null) return js();
      const coerced = coerceVariables(schema, operation, variables);
      if (coerced.errors) return js();
      return inGraphqlJsOrder(await compiled.query(undefined, context, coerced.coerced));
    },
  };
}

/** what running one resolved operation takes (Apollo's gateway request context, or the prepared path) */
export interface OperationRun {
  document: DocumentNode;
  operation: OperationDefinitionNode | null | undefined;
  queryHash: string;
  operationName: string | null;
  context: unknown;
  variables?: Record<string, unknown>;
}

/**
 * A result already computed for this request by the prepared path (http/prepared-operations.ts), set
 * on the request's context: the path ran the operation, got errors, and hands the request to Apollo
 * for Apollo's own error formatting, statuses and plugins — without running the operation twice.
 */
export const PRECOMPUTED_RESULT = Symbol('touming.precomputedResult');

/** the outcome of an operation already run: its result, or what it threw */
export type Precomputed = { result: ExecutionResult } | { error: unknown };

/** the context with the outcome its operation already had (Apollo's copy of the context keeps it) */
export function withPrecomputed<T extends object>(context: T, precomputed: Precomputed): T {
  Object.defineProperty(context, PRECOMPUTED_RESULT, { value: precomputed, enumerable: true, configurable: true });
  return context;
}

/**
 * The gateway Apollo loads: it announces the schema (Apollo derives its document cache from it) and
 * returns the executor. `js` returns graphql-js's execute with the same arguments Apollo itself
 * would pass, so both switches go through the same path up to the executor. `run` is that executor
 * for callers other than Apollo (the prepared path).
 */
export function executorGateway(
  schema: GraphQLSchema,
  kind: ExecutorKind,
  opts: { maxDocuments?: number; logger?: ExecutorLogger } = {},
): GatewayInterface & { jit: JitExecutor | null; run: (args: OperationRun) => Promise<ExecutionResult> } {
  const jit = kind === 'jit' ? createJitExecutor(schema, opts) : null;
  const listeners = new Set<(ctx: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void>();
  const run = (args: OperationRun): Promise<ExecutionResult> => {
    if (jit) return jit.execute(args);
    return Promise.resolve(execute({ schema, document: args.document, contextValue: args.context, variableValues: args.variables, operationName: args.operationName }));
  };
  const executor: GatewayExecutor = async (rc) => {
    const precomputed = (rc.context as { [PRECOMPUTED_RESULT]?: Precomputed })[PRECOMPUTED_RESULT];
    if (precomputed) {
      if ('error' in precomputed) throw precomputed.error;
      return precomputed.result;
    }
    return run({ document: rc.document, operation: rc.operation, queryHash: rc.queryHash, operationName: rc.request.operationName ?? null, context: rc.context, variables: rc.request.variables });
  };
  return {
    jit,
    run,
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      listeners.clear();
    },
  };
}
