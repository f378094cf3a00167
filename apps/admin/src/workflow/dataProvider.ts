/**
 * The workflow resources (审计记录 "audit", 责任追究 "accountability") on top of the console's data
 * provider: react-admin lists, filters and forms work on them as on any resource; every other resource
 * goes to the base provider unchanged.
 */
import type { DataProvider, GetListParams } from 'ra-core';
import { HttpError } from 'ra-core';
import { request, operation } from '../providers/graphqlClient';
import { listOptions } from '../providers/dataProvider';
import type { ListOptions, ListResult } from '../providers/operations';

export interface AuditEntry {
  id: string;
  action: string;
  actorId?: string | null;
  actorName?: string | null;
  agencyId?: string | null;
  reportId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  at: string;
  detail?: Record<string, unknown> | null;
  hash: string;
  prevHash: string;
}

export interface AccountabilityCase {
  id: string;
  agencyId: string;
  reportId?: string | null;
  year: number;
  kind: string;
  status: string;
  description: string;
  outcome?: string | null;
  openedAt: string;
  closedAt?: string | null;
  updatedAt: string;
}

const AUDIT = 'id action actorId actorName agencyId reportId targetType targetId at detail hash prevHash';
const CASE = 'id agencyId reportId year kind status description outcome openedAt closedAt updatedAt';

export const AUDIT_ENTRIES = operation<
  { auditEntries: ListResult<AuditEntry> },
  { filter?: Record<string, unknown>; options?: ListOptions }
>(`query AuditEntries($filter: AuditFilter, $options: ListOptions) {
  auditEntries(filter: $filter, options: $options) { items { ${AUDIT} } totalItems } }`);
export const CASES = operation<
  { accountabilityCases: ListResult<AccountabilityCase> },
  { filter?: Record<string, unknown>; options?: ListOptions }
>(`query Cases($filter: AccountabilityCaseFilter, $options: ListOptions) {
  accountabilityCases(filter: $filter, options: $options) { items { ${CASE} } totalItems } }`);
export const OPEN_CASE = operation<{ openAccountabilityCase: AccountabilityCase }, { input: Record<string, unknown> }>(
  `mutation OpenCase($input: OpenAccountabilityCaseInput!) { openAccountabilityCase(input: $input) { ${CASE} } }`,
);
export const UPDATE_CASE = operation<
  { updateAccountabilityCase: AccountabilityCase },
  { id: string; input: Record<string, unknown> }
>(`mutation UpdateCase($id: ID!, $input: UpdateAccountabilityCaseInput!) {
  updateAccountabilityCase(id: $id, input: $input) { ${CASE} } }`);

function present(value: unknown) {
  return value !== undefined && value !== null && value !== '';
}

/** react-admin's filter form (dates as YYYY-MM-DD) → the API's AuditFilter (from inclusive, to exclusive) */
export function auditFilter(filter: Record<string, unknown> = {}) {
  const out: Record<string, unknown> = {};
  for (const key of ['reportId', 'agencyId', 'actorId', 'action']) if (present(filter[key])) out[key] = String(filter[key]);
  if (present(filter.from)) out.from = new Date(`${String(filter.from)}T00:00:00+08:00`).toISOString();
  if (present(filter.to)) {
    // "到 3月5日" includes the whole of that day (China time)
    const end = new Date(`${String(filter.to)}T00:00:00+08:00`);
    end.setUTCDate(end.getUTCDate() + 1);
    out.to = end.toISOString();
  }
  return out;
}

export function caseFilter(filter: Record<string, unknown> = {}) {
  const out: Record<string, unknown> = {};
  for (const key of ['agencyId', 'kind', 'status']) if (present(filter[key])) out[key] = String(filter[key]);
  if (present(filter.year)) out.year = Number(filter.year);
  return out;
}

const WORKFLOW_RESOURCES = new Set(['audit', 'accountability']);

async function list(resource: string, params: GetListParams) {
  // newest first: the API orders by id; other sort fields are not offered on these lists
  const options: ListOptions = { ...listOptions({ pagination: params.pagination }), order: params.sort?.order === 'ASC' ? 'ASC' : 'DESC' };
  if (resource === 'audit') {
    const r = await request(AUDIT_ENTRIES, { filter: auditFilter(params.filter), options }, { signal: params.signal });
    return { data: r.auditEntries.items, total: r.auditEntries.totalItems };
  }
  const r = await request(CASES, { filter: caseFilter(params.filter), options }, { signal: params.signal });
  return { data: r.accountabilityCases.items, total: r.accountabilityCases.totalItems };
}

async function findCase(id: string) {
  const r = await request(CASES, { options: { take: 200, order: 'DESC' } });
  const found = r.accountabilityCases.items.find((c) => String(c.id) === id);
  if (!found) throw new HttpError('未找到该案件', 404, { code: 'NOT_FOUND' });
  return found;
}

export function withWorkflowResources<T extends DataProvider>(base: T): T {
  return {
    ...base,
    getList: (resource, params) =>
      WORKFLOW_RESOURCES.has(resource) ? (list(resource, params) as never) : base.getList(resource, params),
    getOne: async (resource, params) => {
      if (resource === 'accountability') return { data: (await findCase(String(params.id))) as never };
      if (resource === 'audit') {
        const r = await request(AUDIT_ENTRIES, { options: { take: 200, order: 'DESC' } });
        const found = r.auditEntries.items.find((e) => String(e.id) === String(params.id));
        if (!found) throw new HttpError('未找到该审计记录', 404, { code: 'NOT_FOUND' });
        return { data: found as never };
      }
      return base.getOne(resource, params);
    },
    getMany: async (resource, params) => {
      if (!WORKFLOW_RESOURCES.has(resource)) return base.getMany(resource, params);
      const settled = await Promise.allSettled(params.ids.map((id) => findCase(String(id))));
      return { data: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])) as never };
    },
    create: async (resource, params) => {
      if (resource !== 'accountability') return base.create(resource, params);
      const d = params.data as Record<string, unknown>;
      const input: Record<string, unknown> = {
        agencyId: String(d.agencyId),
        year: Number(d.year),
        kind: d.kind,
        description: d.description,
      };
      if (present(d.reportId)) input.reportId = String(d.reportId);
      return { data: (await request(OPEN_CASE, { input })).openAccountabilityCase as never };
    },
    update: async (resource, params) => {
      if (resource !== 'accountability') return base.update(resource, params);
      const d = params.data as Record<string, unknown>;
      const input: Record<string, unknown> = {};
      for (const key of ['status', 'description', 'outcome']) if (d[key] !== undefined) input[key] = d[key] === '' ? null : d[key];
      return { data: (await request(UPDATE_CASE, { id: String(params.id), input })).updateAccountabilityCase as never };
    },
  };
}
