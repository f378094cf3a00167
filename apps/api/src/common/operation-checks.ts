/**
 * The checks every operation passes once it is parsed and validated and before anything runs: text
 * that is valid Unicode, the complexity limit, the text bounds, the password-change gate. Each check
 * is a plain function that throws its refusal (a GraphQLError with a code and an HTTP status).
 *
 * Why plain functions and not only Apollo plugins: the same checks run in two places — as Apollo
 * plugins (didResolveOperation) for every request Apollo handles, and directly on the prepared path
 * (http/prepared-operations.ts), which answers documents Apollo has already validated. One list, in
 * one order (app.ts), so the two paths cannot drift apart.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { RequestContext } from './context';

/** what a check sees: the shape of Apollo's didResolveOperation request context it reads */
export interface ResolvedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  /** undefined: the document has no operation by the requested name */
  operation: OperationDefinitionNode | undefined;
  request: { operationName?: string; variables?: Record<string, unknown> };
  contextValue: RequestContext;
}

/** throws the refusal; returns when the operation may run */
export type OperationCheck = (resolved: ResolvedOperation) => void;

/** a check as an Apollo plugin (run when Apollo has resolved the operation) */
export function checkPlugin(check: OperationCheck): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          check(rc as unknown as ResolvedOperation);
        },
      };
    },
  };
}
