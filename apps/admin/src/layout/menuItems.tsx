/**
 * The menu, as data: each entry names the domain action that makes it visible. Workflow screens
 * (待我处理, 保密审查, 审计记录, 责任追究) add their entries here.
 */
import type { ReactElement } from 'react';
import DashboardIcon from '@mui/icons-material/Dashboard';
import DescriptionIcon from '@mui/icons-material/Description';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import PeopleIcon from '@mui/icons-material/People';
import EventIcon from '@mui/icons-material/Event';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import HistoryIcon from '@mui/icons-material/History';
import GavelIcon from '@mui/icons-material/Gavel';
import SummarizeIcon from '@mui/icons-material/Summarize';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import FolderIcon from '@mui/icons-material/FolderOpen';
import NotificationsIcon from '@mui/icons-material/Notifications';
import type { Action } from '@touming/domain/permissions';

export interface MenuEntry {
  to: string;
  /** a translation key; translated with the level words (%{level}汇总 reads 县级汇总 or 市级汇总) */
  label: string;
  icon: ReactElement;
  /** shown when the user may take this action (any agency) */
  action?: Action;
}

export const MENU_ENTRIES: MenuEntry[] = [
  { to: '/', label: 'touming.menu.dashboard', icon: <DashboardIcon /> },
  { to: '/todo', label: 'touming.wf.menu.todo', icon: <AssignmentIndIcon />, action: 'report.read' },
  { to: '/messages', label: 'touming.messages.menu', icon: <NotificationsIcon /> },
  { to: '/reports', label: 'touming.menu.reports', icon: <DescriptionIcon />, action: 'report.read' },
  { to: '/regions', label: 'touming.regions.menu', icon: <AccountTreeIcon />, action: 'region.read' },
  { to: '/agencies', label: 'touming.menu.agencies', icon: <AccountBalanceIcon />, action: 'agency.manage' },
  { to: '/users', label: 'touming.menu.users', icon: <PeopleIcon />, action: 'user.manage' },
  { to: '/cycles', label: 'touming.menu.cycles', icon: <EventIcon />, action: 'cycle.manage' },
  { to: '/audit', label: 'touming.wf.menu.audit', icon: <HistoryIcon />, action: 'audit.read' },
  { to: '/county', label: 'touming.county.menu', icon: <SummarizeIcon />, action: 'county.summary' },
  { to: '/compare', label: 'touming.compare.menu', icon: <CompareArrowsIcon />, action: 'county.summary' },
  { to: '/library', label: 'touming.library.menu', icon: <FolderIcon />, action: 'report.import' },
  { to: '/accountability', label: 'touming.wf.menu.accountability', icon: <GavelIcon />, action: 'accountability.read' },
];
