import GavelIcon from '@mui/icons-material/Gavel';
import { AccountabilityCreate, AccountabilityEdit, AccountabilityList } from './AccountabilityViews';

export default {
  list: AccountabilityList,
  create: AccountabilityCreate,
  edit: AccountabilityEdit,
  icon: GavelIcon,
  recordRepresentation: (record: { id: string; year: number }) => `${record.year}年度 #${record.id}`,
};
