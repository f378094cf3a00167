import type { ApiModule } from '../api-module';
import { PublishedCell } from './published-cell.entity';
import { ReportRevision } from './report-revision.entity';
import { RevisionResolver } from './revision.resolver';

/** published revisions (frozen) and their cells, which county totals and open data sum */
export const revisionsModule: ApiModule = { name: 'revisions', resolvers: [RevisionResolver], entities: [ReportRevision, PublishedCell] };
