/**
 * GraphQL operations that are not react-admin resources (workflow, aggregates, queues) on react-admin's
 * own React Query client — the one <Admin> creates and its list and record hooks use, so one cache
 * holds both. Errors are the HttpErrors of ./graphqlClient (the API's Chinese message and code).
 *
 * Query keys start with the resource the data is about, like react-admin's own keys
 * ([resource, 'getList', params]): ['reports', 'ReportWorkflow', { id }]. Invalidating a resource
 * (after a mutation, or react-admin's refresh) reaches its lists and these queries alike.
 */
import { useCallback } from 'react';
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useLogoutIfAccessDenied } from 'ra-core';
import { operationName, request, type GraphQLDocument } from './graphqlClient';

/** what a query is about: react-admin's resource names, plus what has no resource of its own */
export type ApiResource =
  'reports' | 'agencies' | 'users' | 'cycles' | 'audit' | 'accountability' | 'contributions' | 'notifications';

export type GraphQLQueryKey = readonly unknown[];

export function graphqlQueryKey<TData, TVariables>(
  resource: ApiResource,
  document: GraphQLDocument<TData, TVariables>,
  variables?: TVariables,
): GraphQLQueryKey {
  return [resource, operationName(document), variables ?? {}];
}

function isAbort(error: unknown) {
  return (error as Error | null)?.name === 'AbortError';
}

/**
 * Like before react-query, these fetch when a screen asks and when their key changes, not again on
 * window focus, and show a failure at once (the screens offer 重试) instead of retrying three times.
 */
const QUERY_DEFAULTS = { refetchOnWindowFocus: false, retry: false } as const;

/**
 * Query options (key and fetch) of GraphQL queries, for useQuery / useQueries. A query failing with
 * an expired session signs the user out the way react-admin's own queries do (authProvider.checkError).
 */
export function useGraphQLQueryOptions() {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return useCallback(
    <TData, TVariables>(
      resource: ApiResource,
      document: GraphQLDocument<TData, TVariables>,
      variables: TVariables,
    ) =>
      queryOptions<TData, Error, TData, GraphQLQueryKey>({
        ...QUERY_DEFAULTS,
        queryKey: graphqlQueryKey(resource, document, variables),
        queryFn: async ({ signal }) => {
          try {
            return await request(document, variables, { signal });
          } catch (error) {
            if (!isAbort(error)) await logoutIfAccessDenied(error);
            throw error;
          }
        },
      }),
    [logoutIfAccessDenied],
  );
}

export type GraphQLQueryOptions<TData> = Omit<
  UseQueryOptions<TData, Error, TData>,
  'queryKey' | 'queryFn'
> & {
  /** values that, when they change, fetch again (added to the query key), e.g. a report's revision */
  dependsOn?: readonly unknown[];
};

/** one GraphQL query: react-query's result ({ data, error, isPending, isFetching, refetch, … }) */
export function useGraphQLQuery<TData, TVariables>(
  resource: ApiResource,
  document: GraphQLDocument<TData, TVariables>,
  variables: TVariables,
  { dependsOn, ...options }: GraphQLQueryOptions<TData> = {},
) {
  const optionsFor = useGraphQLQueryOptions();
  const base = optionsFor(resource, document, variables);
  return useQuery({
    ...base,
    ...options,
    queryKey: dependsOn ? [...base.queryKey, ...dependsOn] : base.queryKey,
  });
}

export type GraphQLMutationOptions<TData, TVariables> = Omit<
  UseMutationOptions<TData, Error, TVariables>,
  'mutationFn'
> & {
  /** the resources this changes: their queries (react-admin's lists, ours) go stale, those on screen fetch again */
  invalidates?: readonly ApiResource[];
  /** resources this changes where the screen needs nothing fetched now (it moves on, or shows the result itself) */
  marksStale?: readonly ApiResource[];
};

/**
 * One GraphQL mutation. A failure is the mutation's `error` (shown by the screen, which keeps what the
 * user entered) — an expired session is not signed out here but by the next query.
 */
export function useGraphQLMutation<TData, TVariables>(
  document: GraphQLDocument<TData, TVariables>,
  {
    invalidates = [],
    marksStale = [],
    onSuccess,
    ...options
  }: GraphQLMutationOptions<TData, TVariables> = {},
) {
  const queryClient = useQueryClient();
  return useMutation<TData, Error, TVariables>({
    mutationFn: (variables) => request(document, variables),
    ...options,
    onSuccess: (...args) => {
      for (const resource of invalidates) void queryClient.invalidateQueries({ queryKey: [resource] });
      markStale(queryClient, marksStale);
      return onSuccess?.(...args);
    },
  });
}

/**
 * Marks the resources' queries stale without fetching now: for a screen that has just put the fresh
 * record on screen itself (the editor after a workflow act); lists, queues and dashboards fetch again
 * when shown.
 */
export function markStale(queryClient: QueryClient, resources: readonly ApiResource[]) {
  for (const resource of resources)
    void queryClient.invalidateQueries({ queryKey: [resource], refetchType: 'none' });
}
