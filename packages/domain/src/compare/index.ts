/** 比对报告: two reports of one agency side by side, and the comparison in words (text, HTML). */
export * from './compare';
export { comparisonOutline, renderComparisonText, renderComparisonHtml, CELL_HEADER, type ComparisonOutline } from './render';
export { comparisonConcern, rankByConcern, CONCERN_POINTS, type ComparisonConcern, type RankedComparison } from './concern';
