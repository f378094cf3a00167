/**
 * react-admin data provider directly over Touming's GraphQL API (documents in ./resources.graphql,
 * typed by src/gql).
 * Resources: agencies, users, cycles, reports. Errors arrive as HttpError with the API's Chinese message
 * (see ./graphqlClient); the auth provider's checkError logs out on UNAUTHENTICATED.
 */
import type { DataProvider, GetListParams, Identifier, RaRecord } from 'ra-core';
import { HttpError } from 'ra-core';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@touming/domain/contract';
import {
  AgenciesDocument,
  AgencyDocument,
  CreateAgencyDocument,
  CreateCycleDocument,
  CreateReportDocument,
  CreateUserDocument,
  CyclesDocument,
  DeleteReportDocument,
  ImportReportDocument,
  ReportDocument,
  ReportsDocument,
  UpdateAgencyDocument,
  UpdateCycleDocument,
  UpdateReportDocument,
  UpdateUserDocument,
  UserDocument,
  UsersDocument,
  type AgencyFilter,
  type AgencyInput,
  type AgencyUpdateInput,
  type CycleInput,
  type CycleUpdateInput,
  type ImportReportMutationVariables,
  type ReportStatus,
  type UserFilter,
  type UserInput,
  type UserUpdateInput,
} from '../gql/graphql';
import { request } from './graphqlClient';
import type { Cycle, ImportResult, ListOptions, Report, ReportFilter, ReportUpdateInput } from './types';

/** react-admin's pagination and sort → the API's ListOptions */
export function listOptions(params: Pick<GetListParams, 'pagination' | 'sort'>): ListOptions {
  const page = Math.max(1, params.pagination?.page ?? 1);
  const perPage = Math.min(MAX_PAGE_SIZE, Math.max(1, params.pagination?.perPage ?? DEFAULT_PAGE_SIZE));
  const options: ListOptions = { skip: (page - 1) * perPage, take: perPage };
  if (params.sort?.field && params.sort.field !== 'id') {
    options.sort = params.sort.field;
    options.order = params.sort.order === 'DESC' ? 'DESC' : 'ASC';
  } else if (params.sort?.field === 'id') {
    options.order = params.sort.order === 'DESC' ? 'DESC' : 'ASC';
  }
  return options;
}

function blankToUndefined(value: unknown) {
  return value === '' || value === null || value === undefined ? undefined : value;
}

/** react-admin's filter values (strings from the URL) → the API's ReportFilter */
export function reportFilter(filter: Record<string, unknown> = {}): ReportFilter {
  const out: ReportFilter = {};
  const year = blankToUndefined(filter.year);
  if (year !== undefined) out.year = Number(year);
  const agencyId = blankToUndefined(filter.agencyId);
  if (agencyId !== undefined) out.agencyId = String(agencyId);
  const status = blankToUndefined(filter.status);
  // a status the schema does not know is refused by the API, with its message
  if (status !== undefined) out.status = String(status) as ReportStatus;
  const format = blankToUndefined(filter.format);
  if (format !== undefined) out.format = String(format);
  return out;
}

/** the filter form's values an API filter takes (react-admin's search box `q` is the API's `search`) */
function pickFilter<T>(filter: Record<string, unknown> = {}, keys: readonly (keyof T & string)[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = blankToUndefined(filter[key === 'search' ? 'q' : key] ?? filter[key]);
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

/**
 * The fields of a react-admin form that an API input takes (a blank text field is null). The key
 * lists are checked against the generated input types; the values are the form's, checked by the API.
 */
function pick<T>(data: Record<string, unknown>, keys: readonly (keyof T & string)[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (data[key] !== undefined) out[key] = data[key] === '' ? null : data[key];
  }
  return out as T;
}

const AGENCY_INPUT = ['code', 'name', 'kind', 'parentId', 'region'] as const satisfies readonly (keyof AgencyInput)[];
const AGENCY_UPDATE = [...AGENCY_INPUT, 'active'] as const satisfies readonly (keyof AgencyUpdateInput)[];
const USER_INPUT = ['username', 'displayName', 'email', 'password', 'agencyId', 'roles'] as const satisfies readonly (keyof UserInput)[];
const USER_UPDATE = ['displayName', 'email', 'password', 'agencyId', 'roles', 'active'] as const satisfies readonly (keyof UserUpdateInput)[];
const CYCLE_INPUT = ['year', 'format', 'deadline', 'requiresPreReview'] as const satisfies readonly (keyof CycleInput)[];
const CYCLE_UPDATE = ['deadline', 'requiresPreReview', 'open'] as const satisfies readonly (keyof CycleUpdateInput)[];

/** cells and sections that differ between two versions of a report: what updateReport sends */
export function reportChanges(data: Partial<Report>, previous: Partial<Report> | undefined): ReportUpdateInput {
  const input: ReportUpdateInput = {};
  const before = new Map((previous?.cells ?? []).map((c) => [c.key, c.value]));
  const cells = (data.cells ?? []).filter((c) => !before.has(c.key) || before.get(c.key) !== c.value);
  if (cells.length) input.cells = cells.map((c) => ({ key: c.key, value: c.value }));
  const beforeText = new Map((previous?.sections ?? []).map((s) => [s.key, s.text]));
  const sections = (data.sections ?? []).filter((s) => beforeText.get(s.key) !== s.text);
  if (sections.length) input.sections = sections.map((s) => ({ key: s.key, text: s.text }));
  return input;
}

function cyclePage(cycles: Cycle[], params: GetListParams) {
  const field = (params.sort?.field ?? 'year') as keyof Cycle;
  const dir = params.sort?.order === 'ASC' ? 1 : -1;
  let rows = [...cycles];
  if (params.filter?.open !== undefined && params.filter.open !== '') {
    rows = rows.filter((c) => c.open === (params.filter.open === true || params.filter.open === 'true'));
  }
  rows.sort((a, b) => (a[field] < b[field] ? -dir : a[field] > b[field] ? dir : 0));
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
}

const notDeletable = (what: string) =>
  Promise.reject(new HttpError(`${what}不能删除；如不再使用，请在编辑页将其停用`, 400, { code: 'BAD_USER_INPUT' }));

type AnyRecord = RaRecord & Record<string, unknown>;

async function getOne(resource: string, id: Identifier, signal?: AbortSignal): Promise<AnyRecord> {
  const sid = String(id);
  switch (resource) {
    case 'agencies': {
      const r = await request(AgencyDocument, { id: sid }, { signal });
      if (!r.agency) throw new HttpError('未找到该机构', 404, { code: 'NOT_FOUND' });
      return r.agency as unknown as AnyRecord;
    }
    case 'users': {
      const r = await request(UserDocument, { id: sid }, { signal });
      if (!r.user) throw new HttpError('未找到该用户', 404, { code: 'NOT_FOUND' });
      return r.user as unknown as AnyRecord;
    }
    case 'cycles': {
      const r = await request(CyclesDocument, undefined, { signal });
      const cycle = r.cycles.find((c) => String(c.id) === sid);
      if (!cycle) throw new HttpError('未找到该报告周期', 404, { code: 'NOT_FOUND' });
      return cycle as unknown as AnyRecord;
    }
    case 'reports': {
      const r = await request(ReportDocument, { id: sid }, { signal });
      if (!r.report) throw new HttpError('未找到该报告', 404, { code: 'NOT_FOUND' });
      return r.report as unknown as AnyRecord;
    }
    default:
      throw new HttpError(`未知的资源：${resource}`, 404, { code: 'NOT_FOUND' });
  }
}

async function getList(resource: string, params: GetListParams): Promise<{ data: AnyRecord[]; total: number }> {
  const options = listOptions(params);
  const signal = params.signal;
  switch (resource) {
    case 'agencies': {
      const r = await request(AgenciesDocument, { filter: pickFilter<AgencyFilter>(params.filter, ['kind', 'search']), options }, { signal });
      return { data: r.agencies.items as unknown as AnyRecord[], total: r.agencies.totalItems };
    }
    case 'users': {
      const r = await request(UsersDocument, { filter: pickFilter<UserFilter>(params.filter, ['agencyId', 'role', 'search']), options }, { signal });
      return { data: r.users.items as unknown as AnyRecord[], total: r.users.totalItems };
    }
    case 'cycles': {
      const r = await request(CyclesDocument, undefined, { signal });
      return cyclePage(r.cycles, params) as unknown as { data: AnyRecord[]; total: number };
    }
    case 'reports': {
      const r = await request(ReportsDocument, { filter: reportFilter(params.filter), options }, { signal });
      return { data: r.reports.items as unknown as AnyRecord[], total: r.reports.totalItems };
    }
    default:
      throw new HttpError(`未知的资源：${resource}`, 404, { code: 'NOT_FOUND' });
  }
}

export interface ToumingDataProvider extends DataProvider {
  importReport(args: ImportReportMutationVariables): Promise<ImportResult>;
  updateReport(id: string, expectedRevision: number, input: ReportUpdateInput): Promise<Report>;
}

export const dataProvider: ToumingDataProvider = {
  getList: (resource, params) => getList(resource, params) as never,

  getOne: async (resource, params) => ({ data: (await getOne(resource, params.id, params.signal)) as never }),

  // The API has no "ids" filter; reference fields ask for a handful of ids, fetched in parallel.
  getMany: async (resource, params) => {
    if (resource === 'cycles') {
      const r = await request(CyclesDocument, undefined, { signal: params.signal });
      const ids = new Set(params.ids.map(String));
      return { data: r.cycles.filter((c) => ids.has(String(c.id))) as never };
    }
    const settled = await Promise.allSettled(params.ids.map((id) => getOne(resource, id, params.signal)));
    return { data: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])) as never };
  },

  getManyReference: (resource, params) =>
    getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } }) as never,

  create: async (resource, params) => {
    const data = params.data as Record<string, unknown>;
    switch (resource) {
      case 'agencies':
        return { data: (await request(CreateAgencyDocument, { input: pick<AgencyInput>(data, AGENCY_INPUT) })).createAgency as never };
      case 'users':
        return { data: (await request(CreateUserDocument, { input: pick<UserInput>(data, USER_INPUT) })).createUser as never };
      case 'cycles': {
        const input = pick<CycleInput>(data, CYCLE_INPUT);
        if (input.year !== undefined) input.year = Number(input.year);
        return { data: (await request(CreateCycleDocument, { input })).createCycle as never };
      }
      case 'reports': {
        const r = await request(CreateReportDocument, { agencyId: String(data.agencyId), year: Number(data.year) });
        return { data: r.createReport as never };
      }
      default:
        throw new HttpError(`未知的资源：${resource}`, 404, { code: 'NOT_FOUND' });
    }
  },

  update: async (resource, params) => {
    const id = String(params.id);
    const data = params.data as Record<string, unknown>;
    switch (resource) {
      case 'agencies':
        return { data: (await request(UpdateAgencyDocument, { id, input: pick<AgencyUpdateInput>(data, AGENCY_UPDATE) })).updateAgency as never };
      case 'users': {
        const input = pick<UserUpdateInput>(data, USER_UPDATE);
        if (!input.password) delete input.password; // blank password field = keep the current one
        return { data: (await request(UpdateUserDocument, { id, input })).updateUser as never };
      }
      case 'cycles':
        return { data: (await request(UpdateCycleDocument, { id, input: pick<CycleUpdateInput>(data, CYCLE_UPDATE) })).updateCycle as never };
      case 'reports': {
        const previous = params.previousData as Partial<Report> | undefined;
        const expectedRevision = Number(params.meta?.expectedRevision ?? previous?.revision ?? data.revision);
        const input = reportChanges(data as Partial<Report>, previous);
        const r = await request(UpdateReportDocument, { id, expectedRevision, input });
        return { data: r.updateReport as never };
      }
      default:
        throw new HttpError(`未知的资源：${resource}`, 404, { code: 'NOT_FOUND' });
    }
  },

  updateMany: async (resource, params) => {
    const ids: Identifier[] = [];
    for (const id of params.ids) {
      await dataProvider.update(resource, { id, data: params.data, previousData: { id } as never });
      ids.push(id);
    }
    return { data: ids };
  },

  delete: async (resource, params) => {
    if (resource === 'reports') {
      await request(DeleteReportDocument, { id: String(params.id) });
      return { data: (params.previousData ?? { id: params.id }) as never };
    }
    if (resource === 'agencies') return notDeletable('机构');
    if (resource === 'users') return notDeletable('用户');
    return notDeletable('报告周期');
  },

  deleteMany: async (resource, params) => {
    for (const id of params.ids) await dataProvider.delete(resource, { id });
    return { data: params.ids };
  },

  importReport: async (args) => {
    const r = await request(ImportReportDocument, {
      agencyId: args.agencyId,
      year: args.year ?? null,
      text: args.text ?? null,
      html: args.html ?? null,
      fileBase64: args.fileBase64 ?? null,
      fileName: args.fileName ?? null,
    });
    return r.importReport;
  },

  updateReport: async (id, expectedRevision, input) =>
    (await request(UpdateReportDocument, { id, expectedRevision, input })).updateReport,
};
