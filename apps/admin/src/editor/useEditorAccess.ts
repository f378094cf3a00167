/**
 * What the signed-in user may do in the editor with this report: the domain's permissions (`can`) for
 * the report's agency, the workflow's rule of which states allow editing or explaining, and the API's
 * Report.editableCells / editableSections — which cells and texts this user may change (a 股室/下属单位
 * contributor exactly its assignment while the report is a draft).
 */
import { usePermissions } from 'react-admin';
import { can } from '@touming/domain/permissions';
import { canExplainWarnings, isContentEditable } from '@touming/domain/workflow';
import type { Permissions } from '../providers/authProvider';
import type { Report } from '../providers/types';

/** the part of the report a contributor may change; the rest is read-only */
export interface EditableScope {
  cells: ReadonlySet<string>;
  sections: ReadonlySet<string>;
}

export interface EditorAccess {
  /** change cells and texts (and save) — all of them, or those of `scope` */
  canEdit: boolean;
  /** null: every cell and text; else only these (a contributor's assignment) */
  scope: EditableScope | null;
  /** write the 说明 a warning needs */
  canExplain: boolean;
  /** paste-import a published text into this report */
  canImport: boolean;
}

type AccessReport = Pick<Report, 'agencyId' | 'status'> & Partial<Pick<Report, 'editableCells' | 'editableSections'>>;

export function editorAccess(permissions: Permissions | undefined, report: AccessReport): EditorAccess {
  const may = (action: Parameters<typeof can>[1]) => Boolean(permissions && can(permissions, action, report.agencyId));
  const fullEdit = may('report.edit') && isContentEditable(report.status);
  const cells = report.editableCells ?? [];
  const sections = report.editableSections ?? [];
  // a contributor: the API lists its assigned cells and texts (none outside a draft)
  const scope = !fullEdit && cells.length + sections.length > 0 ? { cells: new Set(cells), sections: new Set(sections) } : null;
  return {
    canEdit: fullEdit || scope !== null,
    scope,
    canExplain: may('report.explainWarning') && canExplainWarnings(report.status),
    canImport: fullEdit && may('report.import'),
  };
}

export function useEditorAccess(report: AccessReport): EditorAccess {
  const { permissions } = usePermissions<Permissions>();
  return editorAccess(permissions, report);
}
