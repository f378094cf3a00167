import { getVariableValues, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

export type CoercedVariables = { coerced: Record<string, unknown>; errors?: undefined } | { errors: readonly GraphQLError[]; coerced?: undefined };

const byVariables = new WeakMap<object, { operation: OperationDefinitionNode; result: CoercedVariables }>();

/**
 * graphql-js's coercion of a request's variables (defaults applied, input objects' defaults filled,
 * enums and scalars parsed), done once per request: the complexity estimate, the text bounds and the
 * executor all need it, and each did it again. Kept with the request's variables object (Apollo hands
 * the same object to every plugin and to the executor), so nothing outlives the request.
 */
export function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined | null): CoercedVariables {
  if (!variables) return getVariableValues(schema, operation.variableDefinitions ?? [], {}) as CoercedVariables;
  const cached = byVariables.get(variables);
  if (cached && cached.operation === operation) return cached.result;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables) as CoercedVariables;
  byVariables.set(variables, { operation, result });
  return result;
}
