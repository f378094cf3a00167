import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../common/context';
import { graphqlDuration, graphqlErrors, graphqlRequests } from './metrics';
import { operationLabel } from './operation';

/**
 * The operation of each GraphQL request in flight, by request id, for its HTTP log line (Apollo hands
 * plugins a shallow copy of the context, so the context object itself cannot be the key). The HTTP
 * layer takes the entry out when the response is done.
 */
export const operationOf = new Map<string, string>();

/** per operation node: Apollo hands every request of a cached document the same node */
const labels = new WeakMap<object, string>();
export function operationLabelOf(op: Parameters<typeof operationLabel>[0]): string {
  if (!op) return operationLabel(op);
  let label = labels.get(op);
  if (label === undefined) labels.set(op, (label = operationLabel(op)));
  return label;
}

/** one answered operation: counted and timed (`started`: process.hrtime.bigint() at its start) */
export function countOperation(operation: string, started: bigint): void {
  graphqlRequests.inc({ operation });
  graphqlDuration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
}

/** counts and times every GraphQL operation and its errors by code */
export const metricsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    const started = process.hrtime.bigint();
    let operation = 'unparsed';
    return {
      async didResolveOperation({ operation: op }) {
        operation = operationLabelOf(op);
        operationOf.set(contextValue.requestId, operation);
      },
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          graphqlErrors.inc({ operation, code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        }
      },
      async willSendResponse() {
        countOperation(operation, started);
      },
    };
  },
};
