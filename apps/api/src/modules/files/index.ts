import type { ApiModule } from '../api-module';
import { PublishedFile, PublishedFileContent, PublishedFileParse } from './published-file.entity';
import { PublishedFileResolver } from './published-file.resolver';

/** the library of published report files (uploads over HTTP: files.routes.ts) */
export const filesModule: ApiModule = { name: 'files', resolvers: [PublishedFileResolver], entities: [PublishedFile, PublishedFileContent, PublishedFileParse] };
