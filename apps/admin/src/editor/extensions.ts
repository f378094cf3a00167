/**
 * Extension points of the report editor for the workflow screens: submit / sign with the
 * content hash, return with a comment, confidentiality review, revisions, audit trail. A module adds
 * a component to one of these lists (e.g. in its resources/<name>/index.ts); the editor renders them
 * with the report as the server last confirmed it and the content as the user sees it.
 */
import type { ComponentType } from 'react';
import type { ReportContent } from '@touming/domain/report';
import type { ValidationResult } from '@touming/domain/validation';
import type { Report } from '../providers/types';

export interface EditorExtensionProps {
  /** the revision the server last confirmed */
  report: Report;
  /** what the user sees, unsaved edits included (hash it with contentHash to sign exactly this) */
  content: ReportContent;
  validation: ValidationResult;
  /** signing must wait until every edit is saved */
  hasUnsavedEdits: boolean;
  /** show a report the API returned after an action (keeps unsaved edits on top of it) */
  onReportChanged(report: Report): void;
}

/** buttons in the editor's header, after 保存 */
export const EDITOR_ACTIONS: ComponentType<EditorExtensionProps>[] = [];
/** panels under the validation summary */
export const EDITOR_PANELS: ComponentType<EditorExtensionProps>[] = [];
