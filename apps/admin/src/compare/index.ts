/**
 * Registers 与上年对比 as an EDITOR_ACTIONS extension. Imported once by App.tsx; the button is loaded
 * with the editor (lazily), like the file buttons.
 */
import { lazy } from 'react';
import { EDITOR_ACTIONS } from '../editor/extensions';

const CompareButton = lazy(() => import('./CompareButton').then((m) => ({ default: m.CompareButton })));

if (!EDITOR_ACTIONS.includes(CompareButton)) EDITOR_ACTIONS.push(CompareButton);
