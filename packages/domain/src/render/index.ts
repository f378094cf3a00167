export { renderText, renderTablesText } from './render-text';
export { renderHtml, renderTablesHtml, escapeHtml, REPORT_CSS, type RenderHtmlOptions } from './render-html';
export { dateInChina, documentDate, signOffIndents, signOffOf, textWidth, type SignOff } from './sign-off';
export { tableLayout, expandGrid, formatValue } from './layout';
export type { LayoutCell, LayoutGrid } from './layout';
