import PeopleIcon from '@mui/icons-material/People';
import type { User } from '../../providers/types';
import { UserList } from './UserList';
import { UserCreate, UserEdit } from './UserForms';

export default {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: PeopleIcon,
  recordRepresentation: (record: User) => `${record.displayName}（${record.username}）`,
};
