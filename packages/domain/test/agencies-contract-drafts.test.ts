import { describe, expect, it } from 'vitest';
import {
  AGENCY_KINDS,
  COMPILED_AGENCY_KINDS,
  isAgencyKind,
  isCompiledInTotals,
  isCountyGovernment,
  mustReport,
  REPORTING_AGENCY_KINDS,
} from '../src/agencies';
import { DEFAULT_PAGE_SIZE, ERROR_CODES, HTTP_STATUS_OF_ERROR, httpStatusOf, isErrorCode, MAX_PAGE_SIZE } from '../src/contract';
import { canImportOver, checkDelete, checkImportOver, isCorrection, isReviewDue, REPORT_STATUSES, workingRevisionNo } from '../src/workflow';

describe('agency kinds', () => {
  it('every kind but the county office reports; departments and townships are summed into the county totals', () => {
    expect(AGENCY_KINDS.filter(mustReport)).toEqual(['COUNTY_GOVERNMENT', 'DEPARTMENT', 'TOWNSHIP']);
    expect(AGENCY_KINDS.filter(isCompiledInTotals)).toEqual(['DEPARTMENT', 'TOWNSHIP']);
    // whatever is summed also reports (nothing is counted that never had to publish)
    expect(COMPILED_AGENCY_KINDS.every((k) => REPORTING_AGENCY_KINDS.includes(k))).toBe(true);
    expect(isCountyGovernment('COUNTY_GOVERNMENT')).toBe(true);
    expect(isCountyGovernment('DEPARTMENT')).toBe(false);
    expect(isCountyGovernment(null)).toBe(false);
  });

  it('knows its own kinds only', () => {
    expect(isAgencyKind('TOWNSHIP')).toBe(true);
    expect(isAgencyKind('township')).toBe(false);
    expect(isAgencyKind(undefined)).toBe(false);
  });
});

describe('the API contract', () => {
  it('gives every error code an HTTP status; client errors are 4xx, only the server-side ones are 5xx', () => {
    for (const code of ERROR_CODES) {
      const status = httpStatusOf(code)!;
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status >= 500, code).toBe(code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE' || code === 'INTEGRITY_FAILED');
    }
    expect(httpStatusOf('SERVICE_UNAVAILABLE')).toBe(503);
    expect(httpStatusOf('INTEGRITY_FAILED')).toBe(503);
    expect(httpStatusOf('UNAUTHENTICATED')).toBe(401);
    expect(httpStatusOf('FORBIDDEN')).toBe(403);
    expect(httpStatusOf('CONFLICT')).toBe(409);
    expect(httpStatusOf('TOO_MANY_REQUESTS')).toBe(429);
    expect(httpStatusOf('GRAPHQL_VALIDATION_FAILED')).toBe(400);
    expect(Object.keys(HTTP_STATUS_OF_ERROR)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers undefined for codes it does not know, including inherited property names', () => {
    expect(httpStatusOf('SOMETHING_ELSE')).toBeUndefined();
    expect(httpStatusOf('toString')).toBeUndefined();
    expect(httpStatusOf(undefined)).toBeUndefined();
    expect(isErrorCode('CONFLICT')).toBe(true);
    expect(isErrorCode('GRAPHQL_VALIDATION_FAILED')).toBe(false);
  });

  it('pages by default smaller than the cap', () => {
    expect(DEFAULT_PAGE_SIZE).toBeLessThan(MAX_PAGE_SIZE);
    expect(MAX_PAGE_SIZE).toBe(200);
  });
});

describe('drafts: import over and delete', () => {
  it('an import replaces only a draft of the same format', () => {
    expect(checkImportOver({ status: 'DRAFT', format: '2021', importedFormat: '2021', year: 2024 })).toEqual({ ok: true });
    for (const status of REPORT_STATUSES.filter((s) => s !== 'DRAFT')) {
      expect(checkImportOver({ status, format: '2021', importedFormat: '2021', year: 2024 })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('不是草稿') });
      expect(canImportOver(status)).toBe(false);
    }
    expect(canImportOver('DRAFT')).toBe(true);
    expect(checkImportOver({ status: 'DRAFT', format: '2021', importedFormat: '2019', year: 2020 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '已有的2020年度草稿使用 2021 格式，导入内容是 2019 格式；请先删除草稿',
    });
  });

  it('only a draft that was never published may be deleted', () => {
    expect(checkDelete({ status: 'DRAFT', publishedBefore: false })).toEqual({ ok: true });
    expect(checkDelete({ status: 'DRAFT', publishedBefore: true })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('已公开过') });
    expect(checkDelete({ status: 'SUBMITTED', publishedBefore: false })).toMatchObject({ ok: false, message: '只能删除草稿状态的报告' });
    // the state is named first: a published report is "not a draft", whatever its history
    expect(checkDelete({ status: 'PUBLISHED', publishedBefore: true })).toMatchObject({ ok: false, message: '只能删除草稿状态的报告' });
  });
});

describe('revision numbers', () => {
  const revs = (...nos: number[]) => nos.map((revisionNo) => ({ revisionNo }));

  it('prepares revision 1 before the first publication', () => {
    expect(workingRevisionNo({ status: 'DRAFT', revisions: [] })).toBe(1);
    expect(isCorrection({ status: 'APPROVED', revisions: [] })).toBe(false);
  });

  it('a published report is at its last revision; a correction prepares the next one', () => {
    expect(workingRevisionNo({ status: 'PUBLISHED', revisions: revs(1) })).toBe(1);
    expect(isCorrection({ status: 'PUBLISHED', revisions: revs(1) })).toBe(false);
    expect(workingRevisionNo({ status: 'DRAFT', revisions: revs(2, 1) })).toBe(3);
    expect(isCorrection({ status: 'SUBMITTED', revisions: revs(1) })).toBe(true);
  });
});

describe('the confidentiality review is due from submission on, in parallel with the leaders', () => {
  it('in every submitted, not yet published state', () => {
    expect(REPORT_STATUSES.filter(isReviewDue)).toEqual(['SUBMITTED', 'REVIEWED', 'APPROVED', 'PRE_REVIEWED']);
  });
});
