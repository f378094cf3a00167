import { lazy, Suspense } from 'react';
import { createHashRouter, Route, RouterProvider } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { dataProvider } from './providers/dataProvider';
import { authProvider } from './providers/authProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './login/LoginPage';
import { Dashboard } from './dashboard/Dashboard';
import { theme } from './theme';
import reports from './resources/reports';
import agencies from './resources/agencies';
import users from './resources/users';
import cycles from './resources/cycles';
import audit from './resources/audit';
import accountability from './resources/accountability';
import { withWorkflowResources } from './workflow';
import './files';
import './compare';
import { TodoPage } from './todo/TodoPage';
import { ChangePasswordPage } from './login/ChangePasswordPage';
import { MessagesPage } from './notifications/MessagesPage';
import { CountyPage } from './county/CountyPage';
import { RegionsPage } from './regions/RegionsPage';

const ComparePage = lazy(() => import('./compare/ComparePage').then((m) => ({ default: m.ComparePage })));
const LibraryPage = lazy(() => import('./library/LibraryPage').then((m) => ({ default: m.LibraryPage })));
const BatchComparePage = lazy(() => import('./compare/BatchComparePage').then((m) => ({ default: m.BatchComparePage })));
const ConfidentialityPage = lazy(() => import('./workflow/ConfidentialityPage').then((m) => ({ default: m.ConfidentialityPage })));
const consoleDataProvider = withWorkflowResources(dataProvider);

/**
 * The console. Resources follow react-admin's demo layout (one folder per resource exporting
 * { list, edit, create, show, icon, recordRepresentation }); a workflow screen adds its
 * resource here and its entry in ./layout/menuItems.
 */
function ToumingAdmin() {
  return (
    <Admin
      title="透明 · 政府信息公开工作年度报告系统"
      dataProvider={consoleDataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      loginPage={LoginPage}
      dashboard={Dashboard}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="reports" {...reports} />
      <Resource name="agencies" {...agencies} />
      <Resource name="users" {...users} />
      <Resource name="cycles" {...cycles} />
      <Resource name="audit" {...audit} />
      <Resource name="accountability" {...accountability} />
      <CustomRoutes>
        <Route path="/todo" element={<TodoPage />} />
        <Route path="/password" element={<ChangePasswordPage />} />
        <Route path="/messages" element={<MessagesPage />} />
        <Route path="/county" element={<CountyPage />} />
        <Route path="/regions" element={<RegionsPage />} />
        <Route
          path="/reports/:id/compare"
          element={
            <Suspense fallback={null}>
              <ComparePage />
            </Suspense>
          }
        />
        <Route
          path="/library"
          element={
            <Suspense fallback={null}>
              <LibraryPage />
            </Suspense>
          }
        />
        <Route
          path="/compare"
          element={
            <Suspense fallback={null}>
              <BatchComparePage />
            </Suspense>
          }
        />
        <Route
          path="/reports/:id/confidentiality"
          element={
            <Suspense fallback={null}>
              <ConfidentialityPage />
            </Suspense>
          }
        />
      </CustomRoutes>
    </Admin>
  );
}

/**
 * Our own hash router instead of the one <Admin> creates, for one setting: navigations are plain
 * state updates, not React transitions. With transitions, react-admin's "not signed in → log out →
 * go to /login" (LogoutOnMount) and its query-cache reset kept interrupting the pending navigation to
 * /login; each retry pushed another history entry, and a fresh visit showed a blank page for ~13 s
 * and ~1,300 pushState calls before the login form (e2e/browser/first-load.test.ts).
 */
const router = createHashRouter([{ path: '*', element: <ToumingAdmin /> }]);

export function App() {
  return <RouterProvider router={router} useTransitions={false} />;
}
