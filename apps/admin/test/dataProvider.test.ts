import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from 'ra-core';
import { dataProvider, listOptions, reportChanges, reportFilter } from '../src/providers/dataProvider';
import { authProvider } from '../src/providers/authProvider';
import { errorCodeOf } from '../src/providers/graphqlClient';

interface Call {
  url: string;
  headers: Record<string, string>;
  query: string;
  variables: Record<string, unknown>;
}

let calls: Call[] = [];
let respond: (call: Call) => { status?: number; body: unknown };

class MemoryStorage {
  private data = new Map<string, string>();
  getItem(k: string) {
    return this.data.has(k) ? this.data.get(k)! : null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

beforeEach(() => {
  calls = [];
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      const call: Call = { url, headers: init.headers as Record<string, string>, query: body.query, variables: body.variables };
      calls.push(call);
      const r = respond(call);
      return new Response(JSON.stringify(r.body), { status: r.status ?? 200, headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('react-admin params → GraphQL variables', () => {
  it('turns page/perPage and sort into skip/take/sort/order', () => {
    expect(listOptions({ pagination: { page: 3, perPage: 20 }, sort: { field: 'year', order: 'DESC' } })).toEqual({ skip: 40, take: 20, sort: 'year', order: 'DESC' });
    // the API allows at most 200 per page
    expect(listOptions({ pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } }).take).toBe(200);
  });

  it('turns URL filter strings into a typed ReportFilter and drops blanks', () => {
    expect(reportFilter({ year: '2020', agencyId: 7, status: 'DRAFT', format: '', q: undefined })).toEqual({ year: 2020, agencyId: '7', status: 'DRAFT' });
  });

  it('sends the reports query with filter, options and the bearer token', async () => {
    localStorage.setItem('touming.token', 'tok-123');
    respond = () => ({ body: { data: { reports: { items: [{ id: 'r1', year: 2020 }], totalItems: 41 } } } });
    const result = await dataProvider.getList('reports', {
      pagination: { page: 2, perPage: 10 },
      sort: { field: 'updatedAt', order: 'DESC' },
      filter: { year: '2020', status: 'SUBMITTED' },
    });
    expect(result).toEqual({ data: [{ id: 'r1', year: 2020 }], total: 41 });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/graphql');
    expect(calls[0].headers.authorization).toBe('Bearer tok-123');
    expect(calls[0].query).toMatch(/reports\(filter:\s*\$filter[,\s]+options:\s*\$options\)/);
    expect(calls[0].variables).toEqual({ filter: { year: 2020, status: 'SUBMITTED' }, options: { skip: 10, take: 10, sort: 'updatedAt', order: 'DESC' } });
  });

  it('maps the search box (q) of agencies to the API filter "search"', async () => {
    respond = () => ({ body: { data: { agencies: { items: [], totalItems: 0 } } } });
    await dataProvider.getList('agencies', { pagination: { page: 1, perPage: 50 }, sort: { field: 'code', order: 'ASC' }, filter: { q: '文旅', kind: 'DEPARTMENT' } });
    expect(calls[0].variables.filter).toEqual({ kind: 'DEPARTMENT', search: '文旅' });
  });

  it('updates a report with its revision, sending only the changed cells and sections', async () => {
    respond = (c) => ({ body: { data: { updateReport: { id: 'r1', revision: (c.variables.expectedRevision as number) + 1 } } } });
    const previousData = {
      id: 'r1',
      revision: 4,
      cells: [
        { key: 't3.new.natural', value: 5 },
        { key: 't3.new.total', value: 5 },
      ],
      sections: [{ key: 'overview', title: '一、总体情况', text: '旧' }],
    };
    const data = { ...previousData, cells: [{ key: 't3.new.natural', value: 6 }, { key: 't3.new.total', value: 5 }], sections: [{ key: 'overview', title: '一、总体情况', text: '旧' }] };
    const r = await dataProvider.update('reports', { id: 'r1', data, previousData });
    expect(r.data).toEqual({ id: 'r1', revision: 5 });
    expect(calls[0].variables).toEqual({ id: 'r1', expectedRevision: 4, input: { cells: [{ key: 't3.new.natural', value: 6 }] } });
    expect(reportChanges({ sections: [{ key: 'other', title: '', text: '新' }] }, { sections: [{ key: 'other', title: '', text: '' }] })).toEqual({ sections: [{ key: 'other', text: '新' }] });
  });
});

describe('GraphQL errors → HttpError', () => {
  it('keeps the Chinese message, the code and the extensions (CONFLICT carries currentRevision)', async () => {
    respond = () => ({
      body: { data: null, errors: [{ message: '报告已被他人修改（当前为第 6 版），请刷新后重试', extensions: { code: 'CONFLICT', currentRevision: 6 } }] },
    });
    const error = await dataProvider.updateReport('r1', 4, { cells: [{ key: 't3.new.natural', value: 1 }] }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe('报告已被他人修改（当前为第 6 版），请刷新后重试');
    expect(error.status).toBe(409);
    expect(errorCodeOf(error)).toBe('CONFLICT');
    expect(error.body.extensions.currentRevision).toBe(6);
  });

  it('replaces an English framework message by a Chinese one for its code', async () => {
    respond = () => ({ status: 400, body: { errors: [{ message: 'Cannot query field "foo" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } });
    const error = await dataProvider.getOne('agencies', { id: '1' }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('UNAUTHENTICATED becomes 401 and makes the auth provider log out', async () => {
    localStorage.setItem('touming.token', 'expired');
    respond = () => ({ body: { data: null, errors: [{ message: '登录已失效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } }] } });
    const error = await dataProvider.getList('users', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} }).catch((e) => e);
    expect(error.status).toBe(401);
    await expect(authProvider.checkError(error)).rejects.toBeTruthy();
    expect(localStorage.getItem('touming.token')).toBeNull();
    // a FORBIDDEN error is shown, not a logout
    const forbidden = new HttpError('您没有权限执行此操作', 403, { code: 'FORBIDDEN' });
    await expect(authProvider.checkError(forbidden)).resolves.toBeUndefined();
  });

  it('a network failure is a Chinese message too', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await dataProvider.getList('cycles', { pagination: { page: 1, perPage: 10 }, sort: { field: 'year', order: 'DESC' }, filter: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe('无法连接服务器，请检查网络后重试');
  });
});

describe('auth provider', () => {
  it('logs in, keeps the token, and reports roles and agency as permissions', async () => {
    respond = () => ({
      body: {
        data: {
          login: {
            token: 'jwt-1',
            expiresAt: '2030-01-01T00:00:00Z',
            user: { id: 'u1', username: 'wenlv.preparer', displayName: '张三', agencyId: 'a9', agency: { id: 'a9', name: '文旅局', kind: 'DEPARTMENT' }, roles: ['AGENCY_PREPARER'], active: true },
          },
        },
      },
    });
    await authProvider.login({ username: ' wenlv.preparer ', password: 'touming-demo' });
    expect(calls[0].variables).toEqual({ username: 'wenlv.preparer', password: 'touming-demo' });
    expect(calls[0].headers.authorization).toBeUndefined();
    expect(localStorage.getItem('touming.token')).toBe('jwt-1');
    expect(await authProvider.getPermissions!({})).toEqual({ roles: ['AGENCY_PREPARER'], agencyId: 'a9' });
    // the domain's permissions decide what the menu and buttons offer
    expect(await authProvider.canAccess!({ resource: 'users', action: 'create' })).toBe(false);
    expect(await authProvider.canAccess!({ resource: 'reports', action: 'create' })).toBe(true);
    expect(await authProvider.canAccess!({ resource: 'reports', action: 'delete', record: { id: 'r', agencyId: 'other' } })).toBe(false);
  });

  it('a failed login shows the API message', async () => {
    respond = () => ({ body: { data: null, errors: [{ message: '用户名或密码错误', extensions: { code: 'UNAUTHENTICATED' } }] } });
    await expect(authProvider.login({ username: 'x', password: 'y' })).rejects.toThrow('用户名或密码错误');
  });
});
