/**
 * One GraphQL operation that is not a react-admin resource (aggregates, progress), with loading and
 * error state. Errors are the same HttpErrors as everywhere (Chinese message, code).
 */
import { useCallback, useEffect, useState } from 'react';
import { useAuthProvider, useLogout } from 'react-admin';
import { errorCodeOf, request, type GraphQLDocument } from '../providers/graphqlClient';

/** runs again when the variables (compared by value) or any of `deps` change; `null` variables = don't run yet */
export function useApiQuery<TData, TVariables>(op: GraphQLDocument<TData, TVariables>, variables: TVariables | null, deps: unknown[] = []) {
  const [data, setData] = useState<TData | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(variables !== null);
  const [tick, setTick] = useState(0);
  const logout = useLogout();
  const authProvider = useAuthProvider();
  const key = JSON.stringify(variables);

  useEffect(() => {
    if (variables === null) return;
    const controller = new AbortController();
    setLoading(true);
    request(op, variables, { signal: controller.signal })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: Error) => {
        if (e.name === 'AbortError') return;
        if (errorCodeOf(e) === 'UNAUTHENTICATED' && authProvider) void logout();
        setError(e);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [op, key, tick, ...deps]);

  const refetch = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, refetch, setData };
}
