import { lazyScreen } from '../../common/lazyWithReload';

// the editor carries the validation rules, the importer and the renderer: loaded when a report opens
export const ReportEditRoute = lazyScreen(() => import('../../editor/ReportEditor'));
