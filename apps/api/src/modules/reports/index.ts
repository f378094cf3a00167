import type { ApiModule } from '../api-module';
import { ReportCell } from './report-cell.entity';
import { Report } from './report.entity';
import { ReportResolver } from './report.resolver';

/** reports and their cells: create, edit, import, delete, read, validate */
export const reportsModule: ApiModule = { name: 'reports', resolvers: [ReportResolver], entities: [Report, ReportCell] };
