/**
 * What the signed-in user may do in the editor with this report: the domain's permissions (`can`) for
 * the report's agency, and the workflow's rule of which states allow editing or explaining.
 */
import { usePermissions } from 'react-admin';
import { can } from '@touming/domain/permissions';
import { canExplainWarnings, isContentEditable } from '@touming/domain/workflow';
import type { Permissions } from '../providers/authProvider';
import type { Report } from '../providers/types';

export interface EditorAccess {
  /** change cells and texts (and save) */
  canEdit: boolean;
  /** write the 说明 a warning needs */
  canExplain: boolean;
  /** paste-import a published text into this report */
  canImport: boolean;
}

export function useEditorAccess(report: Pick<Report, 'agencyId' | 'status'>): EditorAccess {
  const { permissions } = usePermissions<Permissions>();
  const may = (action: Parameters<typeof can>[1]) =>
    Boolean(permissions && can(permissions, action, report.agencyId));
  return {
    canEdit: may('report.edit') && isContentEditable(report.status),
    canExplain: may('report.explainWarning') && canExplainWarnings(report.status),
    canImport: may('report.import') && isContentEditable(report.status),
  };
}
