/**
 * Registers the workflow screens with the editor (签署与公开 panel). Imported once by App.tsx; the panel
 * is loaded with the editor (lazily), so the console's first screen stays small.
 */
import { lazy } from 'react';
import { EDITOR_PANELS } from '../editor/extensions';

const WorkflowPanel = lazy(() => import('./WorkflowPanel').then((m) => ({ default: m.WorkflowPanel })));
// 保密审查请您修改: the findings sent back to the preparer, above the 签署与公开 panel
const FindingRequestsPanel = lazy(() => import('./FindingRequestsPanel').then((m) => ({ default: m.FindingRequestsPanel })));

if (!EDITOR_PANELS.includes(FindingRequestsPanel)) EDITOR_PANELS.push(FindingRequestsPanel);
if (!EDITOR_PANELS.includes(WorkflowPanel)) EDITOR_PANELS.push(WorkflowPanel);

export { withWorkflowResources } from './dataProvider';
