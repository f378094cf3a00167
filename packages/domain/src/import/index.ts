export { importReport, importText, importHtml } from './import-report';
export { htmlToLines } from './html-lines';
export { ReportImportError } from './types';
export type { ImportResult, UnplacedItem, SourceLine } from './types';
