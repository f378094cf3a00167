/**
 * Registers the editor's file buttons (下载, 复制公开链接) as an EDITOR_ACTIONS extension. Imported once by
 * App.tsx; the component is loaded with the editor (lazily), so the console's first screen stays small.
 */
import { lazy } from 'react';
import { EDITOR_ACTIONS } from '../editor/extensions';

const ReportFiles = lazy(() => import('./ReportFiles').then((m) => ({ default: m.ReportFiles })));

if (!EDITOR_ACTIONS.includes(ReportFiles)) EDITOR_ACTIONS.push(ReportFiles);
