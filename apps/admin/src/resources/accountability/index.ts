import GavelIcon from '@mui/icons-material/Gavel';
import { AccountabilityCreate, AccountabilityEdit, AccountabilityList } from './AccountabilityViews';
import { AccountabilityShow } from './AccountabilityShow';

export default {
  list: AccountabilityList,
  create: AccountabilityCreate,
  edit: AccountabilityEdit,
  show: AccountabilityShow,
  icon: GavelIcon,
  // lists and links name a case by its title ("盐池县公安局 2025 年度报告逾期未报送"), never its id
  recordRepresentation: (record: { id: string; title?: string; year: number }) => record.title ?? `${record.year}年度责任追究案件`,
};
