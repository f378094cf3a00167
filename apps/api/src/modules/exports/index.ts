import type { ApiModule } from '../api-module';
import { XlsxImportResolver } from './xlsx-import.resolver';

export { mountDownloads } from './download.routes';

/** downloads (HTML, DOCX, XLSX, CSV, JSON; plain HTTP routes, mounted by app.ts) and XLSX import */
export const exportsModule: ApiModule = { name: 'exports', resolvers: [XlsxImportResolver], entities: [] };
