import DescriptionIcon from '@mui/icons-material/Description';
import type { ReportSummary } from '../../providers/types';
import { ReportList } from './ReportList';
import { ReportCreate } from './ReportCreate';
import { ReportEditRoute } from './ReportEditRoute';

export default {
  list: ReportList,
  create: ReportCreate,
  edit: ReportEditRoute,
  icon: DescriptionIcon,
  recordRepresentation: (record: ReportSummary) => `${record.agency?.name ?? ''}${record.year}年度报告`,
};
