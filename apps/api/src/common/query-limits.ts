import {
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { OperationCheck } from './operation-checks';
import { coerceVariables } from './variables';

export const MAX_QUERY_DEPTH = 12;
export const MAX_QUERY_COMPLEXITY = 2000;
/** root fields of one mutation operation: aliases must not turn one request into a thousand writes */
export const MAX_ROOT_MUTATIONS = 10;

/** refuse queries nested deeper than `max` fields (fragments followed, introspection included) */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      if (node.kind === Kind.FIELD) {
        if (!node.selectionSet) return depth;
        depth += 1;
      }
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const name = node.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) return depth;
        return depthOf(fragment, depth, new Set(seen).add(name));
      }
      const selectionSet = 'selectionSet' in node ? node.selectionSet : undefined;
      if (!selectionSet) return depth;
      // a loop, not Math.max(...all): spreading 200,000 duplicate fields overflowed the stack (a 500)
      let deepest = depth;
      for (const s of selectionSet.selections) deepest = Math.max(deepest, depthOf(s, depth, seen));
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node, 0, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`查询嵌套过深（${depth} 层，最多 ${max} 层）`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }),
          );
        }
      },
    };
  };
}

/**
 * Whether an operation's complexity can depend on its variables: a field whose declared complexity is
 * a function of its arguments, or a @skip/@include directive (the estimator follows them), anywhere in
 * the operation or the document's fragments. Otherwise the estimate is the same for every request of
 * that document.
 */
function complexityDependsOnVariables(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let depends = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        return node === operation ? undefined : false;
      },
      Directive(node) {
        if (node.name.value === 'skip' || node.name.value === 'include') depends = true;
      },
      Field() {
        if (typeof typeInfo.getFieldDef()?.extensions?.complexity === 'function') depends = true;
      },
    }),
  );
  return depends;
}

/** per operation node (the same object for every request of a document Apollo has cached) */
const complexityOf = new WeakMap<OperationDefinitionNode, number | 'per-request'>();

/**
 * refuse operations whose estimated cost exceeds `max` (fields declare extra cost via complexity).
 * The estimate walks the whole document; it is made once per document when it cannot depend on the
 * variables (complexityDependsOnVariables), and the variables are still checked on every request.
 */
export function complexityCheck(max: number): OperationCheck {
  return ({ request, document, schema, operation }) => {
    // an operationName the document does not contain: the estimator would fail with a TypeError
    if (!operation) {
      throw new GraphQLError(`请求中没有名为“${request.operationName ?? ''}”的操作`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    if (operation.operation === 'mutation' && operation.selectionSet.selections.length > MAX_ROOT_MUTATIONS) {
      throw new GraphQLError(`一次请求最多包含 ${MAX_ROOT_MUTATIONS} 个变更操作`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    // the estimator coerces the variables first: invalid ones (null for String!, a string for
    // Int …) are the caller's mistake, not an internal error (found by the input fuzz); like
    // the estimator, the last of graphql-js's coercion errors is the one reported
    const coerced = coerceVariables(schema, operation, request.variables);
    if (coerced.errors) {
      throw new GraphQLError(coerced.errors[coerced.errors.length - 1].message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    let cached = complexityOf.get(operation);
    if (cached === undefined) {
      cached = complexityDependsOnVariables(schema, document, operation) ? 'per-request' : -1;
      complexityOf.set(operation, cached);
    }
    if (typeof cached === 'number' && cached >= 0) {
      if (cached > max) {
        throw new GraphQLError(`查询过于复杂（复杂度 ${cached}，上限 ${max}）`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
      }
      return;
    }
    let complexity: number;
    try {
      complexity = getComplexity({
        schema,
        operationName: request.operationName ?? undefined,
        query: document,
        variables: request.variables ?? {},
        estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      });
    } catch (error) {
      // the estimator coerces the variables first: invalid ones (null for String!, a string for
      // Int …) are the caller's mistake, not an internal error (found by the input fuzz)
      if (error instanceof GraphQLError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
      throw error;
    }
    if (cached === -1) complexityOf.set(operation, complexity);
    if (complexity > max) {
      // thrown from a plugin hook: without an http status Apollo would answer 500
      throw new GraphQLError(`查询过于复杂（复杂度 ${complexity}，上限 ${max}）`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
  };
}

/** true when the text has a lone UTF-16 surrogate, i.e. is not valid Unicode (cannot be UTF-8 encoded) */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

function illFormedIn(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return hasLoneSurrogate(value);
  if (depth > 50 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => illFormedIn(v, depth + 1));
  return Object.entries(value).some(([k, v]) => hasLoneSurrogate(k) || illFormedIn(v, depth + 1));
}

/**
 * Refuse text that is not valid Unicode (lone surrogates, e.g. "\udfff" in JSON) in the variables or
 * in the query's string literals: it cannot be stored as UTF-8, and MariaDB's JSON check on the audit
 * detail would fail deep inside a transaction (found by the input fuzz as a 500 on login).
 */
/** per document: whether one of its string literals is not valid Unicode (the document never changes) */
const illFormedLiterals = new WeakMap<DocumentNode, boolean>();

export const wellFormedTextCheck: OperationCheck = ({ request, document }) => {
  let bad = illFormedIn(request.variables ?? {});
  if (!bad) {
    let literals = illFormedLiterals.get(document);
    if (literals === undefined) {
      literals = false;
      visitStrings(document, (s) => {
        if (hasLoneSurrogate(s)) literals = true;
      });
      illFormedLiterals.set(document, literals);
    }
    bad = literals;
  }
  if (bad) throw new GraphQLError('输入包含无效的 Unicode 字符（孤立的代理项）', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
};

function visitStrings(node: unknown, see: (s: string) => void, depth = 0): void {
  if (depth > 200 || node === null || typeof node !== 'object') return;
  const n = node as { kind?: string; value?: unknown };
  if (n.kind === Kind.STRING && typeof n.value === 'string') see(n.value);
  for (const [key, child] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(child)) child.forEach((c) => visitStrings(c, see, depth + 1));
    else if (child && typeof child === 'object') visitStrings(child, see, depth + 1);
  }
}
