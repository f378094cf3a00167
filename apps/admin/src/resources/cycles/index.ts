import EventIcon from '@mui/icons-material/Event';
import type { Cycle } from '../../providers/types';
import { CycleList } from './CycleList';
import { CycleCreate, CycleEdit } from './CycleForms';

export default {
  list: CycleList,
  create: CycleCreate,
  edit: CycleEdit,
  icon: EventIcon,
  recordRepresentation: (record: Cycle) => `${record.year}年度`,
};
