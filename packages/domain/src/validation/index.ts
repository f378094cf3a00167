export * from './types';
export { RULES, RULES_BY_ID, THRESHOLDS, CROSS_YEAR_RULE_IDS, rulesOf } from './rules';
export { validateReport, computedTotals, carryOver } from './validate';
export { textSimilarity, countNonWhitespace, repeatedPassages, type RepeatedPassage } from './text';
export { decimalPlaces, toUnits, fromUnits } from './numbers';
export { cellValueProblem } from './cell-value';
export { fillableTotals, suspectCells, type SuspectCell } from './entry';
