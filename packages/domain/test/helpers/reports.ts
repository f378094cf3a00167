import { generateReport } from '../../src/generate';
import type { FormatId } from '../../src/formats';
import type { ReportContent } from '../../src/report';
import { validateReport } from '../../src/validation';
import type { RuleResult, ValidationResult } from '../../src/validation';

/** last year's and this year's generated reports of one agency (both rule-consistent) */
export function pair(format: FormatId, seed = 1, scale = 2): { previous: ReportContent; report: ReportContent } {
  const years = format === '2019' ? [2019, 2020] : [2021, 2022];
  const agency = '某县市场监督管理局';
  const previous = generateReport({ format, year: years[0], agency, seed, scale });
  const report = generateReport({ format, year: years[1], agency, seed, scale, previous });
  return { previous, report };
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function all(result: ValidationResult): RuleResult[] {
  return [...result.errors, ...result.warnings, ...result.notAssessable];
}

export function failedOf(result: ValidationResult, ruleId: string): RuleResult[] {
  return [...result.errors, ...result.warnings].filter((r) => r.ruleId === ruleId);
}

export function notAssessableOf(result: ValidationResult, ruleId: string): RuleResult[] {
  return result.notAssessable.filter((r) => r.ruleId === ruleId);
}

export function validate(report: ReportContent, previous?: ReportContent | null) {
  return validateReport(report, { previous });
}
