export * from './types';
export {
  SECTIONS,
  T3_COLUMNS,
  T3_APPLICANT_COLUMNS,
  T4_PART_COLUMNS,
  APPLICANT_GROUP,
  COMMON_RULES,
  cellsOf,
  cellKeyOf,
  table3,
  TABLE_4,
  T3_OTHER_ROWS_2019,
  T3_OTHER_ROWS_2021,
  t3ResultRowIds,
} from './common';
export { FORMAT_2019 } from './format-2019';
export { FORMAT_2021 } from './format-2021';
export {
  FORMATS,
  FORMAT_IDS,
  REPORT_YEARS,
  allFormats,
  cellDefinition,
  cellKeys,
  formatForYear,
  getFormat,
  isFormatId,
  isReportYear,
  latestFormat,
  registerFormat,
} from './registry';
import type { NarrativeKey } from './types';

export const NARRATIVE_KEYS: NarrativeKey[] = ['overview', 'problems', 'other'];
