export { importReport, importText, importHtml, importPositioned } from './import-report';
export { positionedToLines, type PositionedItem, type PositionedPage } from './positioned';
export { htmlToLines } from './html-lines';
export { ReportImportError } from './types';
export type { ImportResult, UnplacedItem, SourceLine } from './types';
export { validateImport, IMPORT_UNPLACED_RULE } from './validate-import';

/**
 * The importer's version: what a file parsed with was parsed by. Bump it whenever a change to the
 * importer could read a file differently, so the API's per-file cache of parse results is not reused.
 */
export const IMPORTER_VERSION = 'import-2026.12.2';
