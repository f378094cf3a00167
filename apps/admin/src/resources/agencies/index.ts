import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { Agency } from '../../providers/types';
import { AgencyList } from './AgencyList';
import { AgencyCreate, AgencyEdit } from './AgencyForms';

export default {
  list: AgencyList,
  create: AgencyCreate,
  edit: AgencyEdit,
  icon: AccountBalanceIcon,
  recordRepresentation: (record: Agency) => record.name,
};
