/**
 * The workflow resources (审计记录 "audit", 责任追究 "accountability") on top of the console's data
 * provider: react-admin lists, filters and forms work on them as on any resource; every other resource
 * goes to the base provider unchanged.
 */
import type { DataProvider, GetListParams } from 'ra-core';
import { HttpError } from 'ra-core';
import {
  AccountabilityCasesDocument,
  AuditEntriesDocument,
  OpenAccountabilityCaseDocument,
  UpdateAccountabilityCaseDocument,
  type AccountabilityCaseFieldsFragment,
  type AccountabilityCaseFilter,
  type AuditEntryFieldsFragment,
  type AuditFilter,
  type OpenAccountabilityCaseInput,
  type UpdateAccountabilityCaseInput,
} from '../gql/graphql';
import { request } from '../providers/graphqlClient';
import { listOptions } from '../providers/dataProvider';
import type { ListOptions } from '../providers/types';

/** an entry of the audit trail (documents: ../resources/audit/audit.graphql) */
export type AuditEntry = AuditEntryFieldsFragment;
/** a 责任追究 case (documents: ../resources/accountability/accountability.graphql) */
export type AccountabilityCase = AccountabilityCaseFieldsFragment;

function present(value: unknown) {
  return value !== undefined && value !== null && value !== '';
}

/** react-admin's filter form (dates as YYYY-MM-DD) → the API's AuditFilter (from inclusive, to exclusive; category and 不看登录记录 as the API's categories) */
export function auditFilter(filter: Record<string, unknown> = {}): AuditFilter {
  const out: Record<string, unknown> = {};
  for (const key of ['reportId', 'agencyId', 'actorId', 'action'] satisfies (keyof AuditFilter)[]) {
    if (present(filter[key])) out[key] = String(filter[key]);
  }
  if (present(filter.category)) out.categories = [String(filter.category)];
  // most of the trail is sign-ins: one switch hides them
  if (filter.hideLogins === true) out.excludeCategories = ['AUTH'];
  if (present(filter.from)) out.from = new Date(`${String(filter.from)}T00:00:00+08:00`).toISOString();
  if (present(filter.to)) {
    // "到 3月5日" includes the whole of that day (China time)
    const end = new Date(`${String(filter.to)}T00:00:00+08:00`);
    end.setUTCDate(end.getUTCDate() + 1);
    out.to = end.toISOString();
  }
  return out as AuditFilter;
}

export function caseFilter(filter: Record<string, unknown> = {}): AccountabilityCaseFilter {
  const out: Record<string, unknown> = {};
  for (const key of ['agencyId', 'kind', 'status', 'regionId'] satisfies (keyof AccountabilityCaseFilter)[]) {
    if (present(filter[key])) out[key] = String(filter[key]);
  }
  if (present(filter.year)) out.year = Number(filter.year);
  // kind and status are the filter form's choices (the domain's lists); the API checks them
  return out as AccountabilityCaseFilter;
}

const WORKFLOW_RESOURCES = new Set(['audit', 'accountability']);

async function list(resource: string, params: GetListParams) {
  // newest first: the API orders by id; other sort fields are not offered on these lists
  const options: ListOptions = { ...listOptions({ pagination: params.pagination }), order: params.sort?.order === 'ASC' ? 'ASC' : 'DESC' };
  if (resource === 'audit') {
    const r = await request(AuditEntriesDocument, { filter: auditFilter(params.filter), options }, { signal: params.signal });
    return { data: r.auditEntries.items, total: r.auditEntries.totalItems };
  }
  const r = await request(AccountabilityCasesDocument, { filter: caseFilter(params.filter), options }, { signal: params.signal });
  return { data: r.accountabilityCases.items, total: r.accountabilityCases.totalItems };
}

async function findCase(id: string) {
  const r = await request(AccountabilityCasesDocument, { options: { take: 200, order: 'DESC' } });
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
        const r = await request(AuditEntriesDocument, { options: { take: 200, order: 'DESC' } });
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
      const input = {
        agencyId: String(d.agencyId),
        year: Number(d.year),
        kind: d.kind,
        description: d.description,
        responsiblePerson: d.responsiblePerson,
        rectifyBy: d.rectifyBy,
        auditEntryIds: Array.isArray(d.auditEntryIds) ? d.auditEntryIds.map(Number) : null,
      } as OpenAccountabilityCaseInput;
      if (present(d.reportId)) input.reportId = String(d.reportId);
      return { data: (await request(OpenAccountabilityCaseDocument, { input })).openAccountabilityCase as never };
    },
    update: async (resource, params) => {
      if (resource !== 'accountability') return base.update(resource, params);
      const d = params.data as Record<string, unknown>;
      const input: Record<string, unknown> = {};
      for (const key of ['status', 'description', 'outcome'] satisfies (keyof UpdateAccountabilityCaseInput)[]) {
        if (d[key] !== undefined) input[key] = d[key] === '' ? null : d[key];
      }
      const r = await request(UpdateAccountabilityCaseDocument, { id: String(params.id), input: input as UpdateAccountabilityCaseInput });
      return { data: r.updateAccountabilityCase as never };
    },
  };
}
