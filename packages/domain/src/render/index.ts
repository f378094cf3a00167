export { renderText, renderTablesText } from './render-text';
export { renderHtml, escapeHtml, REPORT_CSS } from './render-html';
export { tableLayout, expandGrid, formatValue } from './layout';
export type { LayoutCell, LayoutGrid } from './layout';
