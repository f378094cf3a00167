import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';

export const MAX_QUERY_DEPTH = 12;
export const MAX_QUERY_COMPLEXITY = 2000;

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
      return Math.max(depth, ...selectionSet.selections.map((s) => depthOf(s, depth, seen)));
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

/** refuse operations whose estimated cost exceeds `max` (fields declare extra cost via complexity) */
export function complexityLimit(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const complexity = getComplexity({
            schema,
            operationName: request.operationName ?? undefined,
            query: document,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw new GraphQLError(`查询过于复杂（复杂度 ${complexity}，上限 ${max}）`, { extensions: { code: 'BAD_USER_INPUT' } });
          }
        },
      };
    },
  };
}
