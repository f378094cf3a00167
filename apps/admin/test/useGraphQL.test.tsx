// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { CoreAdminContext, testDataProvider, type AuthProvider } from 'ra-core';
import { ReportWorkflowDocument, ScanReportDocument } from '../src/gql/graphql';
import { authProvider as consoleAuthProvider } from '../src/providers/authProvider';
import { graphqlQueryKey, useGraphQLMutation, useGraphQLQuery } from '../src/providers/useGraphQL';

/** what the fake API answers, by operation name in the query text */
let answers: Record<string, () => { status?: number; body: unknown }>;
let calls: string[];

beforeEach(() => {
  calls = [];
  answers = {};
  localStorage.setItem('touming.token', 'tok');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query } = JSON.parse(String(init.body)) as { query: string };
      const name = /(?:query|mutation) (\w+)/.exec(query)![1];
      calls.push(name);
      const r = answers[name]();
      return new Response(JSON.stringify(r.body), {
        status: r.status ?? 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

function wrapper(queryClient: QueryClient, authProvider: AuthProvider = consoleAuthProvider) {
  return ({ children }: { children: ReactNode }) => (
    <CoreAdminContext queryClient={queryClient} authProvider={authProvider} dataProvider={testDataProvider()}>
      {children}
    </CoreAdminContext>
  );
}

const workflow = (status: string) => ({
  body: {
    data: {
      report: {
        id: 'r1',
        agencyId: 'a1',
        agencyName: '文旅局',
        year: 2025,
        status,
        revision: 3,
        contentHash: 'h',
        errorCount: 0,
        availableActions: [],
        publicationBlockers: [],
        signatures: [],
        revisions: [],
        rectifications: [],
        deadline: { deadline: '2026-01-31', overdue: false, daysLeft: 3, daysOverdue: 0, published: false },
        confidentiality: { cleared: false, blockers: [] },
      },
    },
  },
});

describe('GraphQL queries on react-admin’s React Query client', () => {
  it('keys a query by resource, operation and variables, and types its result', async () => {
    const queryClient = new QueryClient();
    answers.ReportWorkflow = () => workflow('DRAFT');
    const { result } = renderHook(() => useGraphQLQuery('reports', ReportWorkflowDocument, { id: 'r1' }), {
      wrapper: wrapper(queryClient),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.report?.status).toBe('DRAFT');
    expect(graphqlQueryKey('reports', ReportWorkflowDocument, { id: 'r1' })).toEqual([
      'reports',
      'ReportWorkflow',
      { id: 'r1' },
    ]);
    expect(queryClient.getQueryData(['reports', 'ReportWorkflow', { id: 'r1' }])).toEqual(
      result.current.data,
    );
  });

  it('shows a failure at once with the API’s Chinese message, and an expired session signs out', async () => {
    const queryClient = new QueryClient();
    let requestsBeforeCheck = -1;
    const checkError = vi.fn((error: unknown) => {
      if (requestsBeforeCheck < 0) requestsBeforeCheck = calls.length;
      return consoleAuthProvider.checkError(error);
    });
    const logout = vi.fn(consoleAuthProvider.logout);
    answers.ReportWorkflow = () => ({
      body: {
        data: null,
        errors: [{ message: '登录已失效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } }],
      },
    });
    const { result, unmount } = renderHook(
      () => useGraphQLQuery('reports', ReportWorkflowDocument, { id: 'r1' }),
      {
        wrapper: wrapper(queryClient, { ...consoleAuthProvider, checkError, logout }),
      },
    );
    await waitFor(() => expect(checkError).toHaveBeenCalled());
    expect(requestsBeforeCheck).toBe(1); // no automatic retries before the failure is handled
    const error = checkError.mock.calls[0][0] as Error;
    expect(error.message).toBe('登录已失效，请重新登录');
    await waitFor(() => expect(logout).toHaveBeenCalled());
    expect(localStorage.getItem('touming.token')).toBeNull();
    // in the console the sign-out's redirect to the login page unmounts the screen
    unmount();
  });

  it('a FORBIDDEN query is shown, not signed out', async () => {
    const queryClient = new QueryClient();
    const logout = vi.fn(consoleAuthProvider.logout);
    answers.ReportWorkflow = () => ({
      body: { data: null, errors: [{ message: '您没有权限执行此操作', extensions: { code: 'FORBIDDEN' } }] },
    });
    const { result } = renderHook(() => useGraphQLQuery('reports', ReportWorkflowDocument, { id: 'r1' }), {
      wrapper: wrapper(queryClient, { ...consoleAuthProvider, logout }),
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toBe('您没有权限执行此操作');
    expect(calls).toEqual(['ReportWorkflow']); // shown at once: no automatic retries
    expect(logout).not.toHaveBeenCalled();
    expect(localStorage.getItem('touming.token')).toBe('tok');
  });

  it('a mutation invalidates its resource: the queries on screen fetch again, react-admin’s lists go stale', async () => {
    const queryClient = new QueryClient();
    let status = 'APPROVED';
    answers.ReportWorkflow = () => workflow(status);
    answers.ScanReport = () => ({ body: { data: { scanReport: [] } } });
    // a react-admin list of reports in the same cache, not on screen
    queryClient.setQueryData(['reports', 'getList', { page: 1 }], { data: [], total: 0 });
    queryClient.setQueryData(['users', 'getList', { page: 1 }], { data: [], total: 0 });
    const { result } = renderHook(
      () => ({
        workflow: useGraphQLQuery('reports', ReportWorkflowDocument, { id: 'r1' }),
        scan: useGraphQLMutation(ScanReportDocument, { invalidates: ['reports'] }),
      }),
      { wrapper: wrapper(queryClient) },
    );
    await waitFor(() => expect(result.current.workflow.data?.report?.status).toBe('APPROVED'));
    status = 'PUBLISHED';
    await act(() => result.current.scan.mutateAsync({ id: 'r1' }));
    await waitFor(() => expect(result.current.workflow.data?.report?.status).toBe('PUBLISHED'));
    expect(calls).toEqual(['ReportWorkflow', 'ScanReport', 'ReportWorkflow']);
    expect(queryClient.getQueryState(['reports', 'getList', { page: 1 }])?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(['users', 'getList', { page: 1 }])?.isInvalidated).toBe(false);
  });

  it('a failed mutation is the mutation’s error (the screen keeps the user’s input), without signing out', async () => {
    const queryClient = new QueryClient();
    const logout = vi.fn(consoleAuthProvider.logout);
    answers.ScanReport = () => ({
      body: {
        data: null,
        errors: [{ message: '登录已失效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } }],
      },
    });
    const { result } = renderHook(
      () => useGraphQLMutation(ScanReportDocument, { invalidates: ['reports'] }),
      {
        wrapper: wrapper(queryClient, { ...consoleAuthProvider, logout }),
      },
    );
    await act(async () => {
      await result.current.mutateAsync({ id: 'r1' }).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.error?.message).toBe('登录已失效，请重新登录'));
    expect(logout).not.toHaveBeenCalled();
  });
});
