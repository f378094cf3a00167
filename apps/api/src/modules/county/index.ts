import { XlsxImportResolver } from '../exports/xlsx-import.resolver';
import { PublicResolver } from '../public/public.resolver';
import { QualityResolver } from '../quality/quality.resolver';
import { CountyResolver } from './county.resolver';

/** county compilation, quality ranking, the public open-data API and XLSX import (issue 6) */
export const COMPILATION_RESOLVERS = [CountyResolver, QualityResolver, PublicResolver, XlsxImportResolver] as const;
export { mountDownloads } from '../exports/download.routes';
