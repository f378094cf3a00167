/**
 * The checks of an imported report: every consistency rule of its format (with last year's report for
 * the carry-over rules when given) and, as errors, whatever the importer could not place. A value that
 * could not be put into a cell with certainty is never guessed into one; the error makes a person look.
 */
import { validateReport, type RuleResult, type ValidationOptions, type ValidationResult } from '../validation';
import type { ImportResult } from './types';

export const IMPORT_UNPLACED_RULE = 'import.unplaced';

export function validateImport(result: ImportResult, options: ValidationOptions = {}): ValidationResult {
  const validation = validateReport(result.report, options);
  const unplaced: RuleResult[] = result.unplaced.map((u, i) => ({
    ruleId: IMPORT_UNPLACED_RULE,
    id: `${IMPORT_UNPLACED_RULE}:${i}`,
    severity: 'error',
    status: 'failed',
    cells: [],
    actual: u.text,
    message: `${u.line ? `第${u.line}行 ` : ''}“${u.text}”未能放入表格：${u.reason}`,
  }));
  return { ...validation, errors: [...unplaced, ...validation.errors] };
}
