export { importReport, importText, importHtml } from './import-report';
export { htmlToLines } from './html-lines';
export { ReportImportError } from './types';
export type { ImportResult, UnplacedItem, SourceLine } from './types';

/**
 * The importer's version: what a file parsed with was parsed by. Bump it whenever a change to the
 * importer could read a file differently, so the API's per-file cache of parse results is not reused.
 */
export const IMPORTER_VERSION = 'import-2026.12.1';
