export { importReport, importText, importHtml, importPositioned } from './import-report';
export { positionedToLines, type PositionedItem, type PositionedPage } from './positioned';
export { htmlToLines } from './html-lines';
export { ReportImportError } from './types';
export type { ImportResult, UnplacedItem, SourceLine } from './types';
export { validateImport, IMPORT_UNPLACED_RULE } from './validate-import';
