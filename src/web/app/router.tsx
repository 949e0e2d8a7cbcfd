import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth, SignedInOr } from './guards.tsx';
import { BareLayout, Layout } from './layout.tsx';
import { NotFoundPage, RouteErrorPage } from './not-found-page.tsx';
import { PageError } from './page-error.tsx';
import { paths } from './paths.ts';

// Every page loads when first opened: the first load carries the frame (header, navigation) and the page asked for,
// never the other pages nor the map and chart libraries they use (decision 105). A new page is added the same way.
const CataloguePage = lazy(() =>
  import('../features/catalogue/catalogue-page.tsx').then((m) => ({ default: m.CataloguePage })),
);
const DiagnosticPage = lazy(() =>
  import('../features/diagnostic/diagnostic-page.tsx').then((m) => ({ default: m.DiagnosticPage })),
);
const ImplementationPage = lazy(() =>
  import('../features/implementation/implementation-page.tsx').then((m) => ({ default: m.ImplementationPage })),
);
const NeedsPage = lazy(() => import('../features/needs/needs-page.tsx').then((m) => ({ default: m.NeedsPage })));
const StrategyPage = lazy(() =>
  import('../features/strategy/strategy-page.tsx').then((m) => ({ default: m.StrategyPage })),
);
const WatchPage = lazy(() => import('../features/watch/watch-page.tsx').then((m) => ({ default: m.WatchPage })));
const ProvincePage = lazy(() => import('../features/communes/province-page.tsx'));
const CommunePage = lazy(() => import('../features/communes/commune-page.tsx'));
const LoginPage = lazy(() => import('../features/auth/login-page.tsx'));
const AccountPage = lazy(() => import('../features/auth/account-page.tsx'));
const UsersPage = lazy(() => import('../features/auth/users-page.tsx'));
const AuditPage = lazy(() => import('../features/audit/audit-page.tsx'));
const MissionsPage = lazy(() => import('../features/missions/missions-page.tsx'));
const MissionLayout = lazy(() => import('../features/missions/mission-layout.tsx'));
const MissionOverview = lazy(() => import('../features/missions/mission-overview.tsx'));
const MissionDiagnosticTab = lazy(() => import('../features/diagnostic/mission-diagnostic-tab.tsx'));
const GuidePage = lazy(() => import('../features/diagnostic/guide-page.tsx'));
const SelfAssessmentPage = lazy(() => import('../features/diagnostic/self-assessment-page.tsx'));
const MissionStrategyTab = lazy(() => import('../features/strategy/mission-strategy-tab.tsx'));
const SolutionPage = lazy(() => import('../features/catalogue/solution-page.tsx'));
const ComparePage = lazy(() => import('../features/catalogue/compare-page.tsx'));
const MissionImplementationTab = lazy(() => import('../features/implementation/mission-implementation-tab.tsx'));
const ImplementationProjectPage = lazy(() => import('../features/implementation/project-page.tsx'));
const PublicProgressPage = lazy(() => import('../features/implementation/public-progress-page.tsx'));
const NeedDetailPage = lazy(() => import('../features/needs/need-page.tsx'));
const GroupPage = lazy(() => import('../features/needs/group-page.tsx'));
const PublicHomePage = lazy(() => import('../features/public/home-page.tsx'));
const ProgrammePage = lazy(() => import('../features/public/programme-page.tsx'));
const PublicCategoriesPage = lazy(() => import('../features/public/categories-page.tsx'));
const PublicCategoryPage = lazy(() => import('../features/public/category-page.tsx'));
const OpenDataPage = lazy(() => import('../features/public/open-data-page.tsx'));
const PurchasingPage = lazy(() =>
  import('../features/purchasing/purchasing-page.tsx').then((m) => ({ default: m.PurchasingPage })),
);
const ScenarioPage = lazy(() => import('../features/purchasing/scenario-page.tsx'));
const ProcedureCostsPage = lazy(() => import('../features/purchasing/procedure-costs-page.tsx'));
const ApiKeysPage = lazy(() => import('../features/public/api-keys-page.tsx'));

/**
 * Every page (and every tab of a mission) gets its own error boundary: a page that fails to render shows a message
 * in the user's language and ways back, inside the header and navigation, and the other pages keep working.
 */
function withPageErrors(routes: RouteObject[]): RouteObject[] {
  return routes.map(
    (route) =>
      ({
        ...route,
        errorElement: route.errorElement ?? <PageError />,
        ...(route.children ? { children: withPageErrors(route.children) } : {}),
      }) as RouteObject,
  );
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    // Only when the frame itself fails (the header, the navigation): the pages have their own boundaries.
    errorElement: <RouteErrorPage />,
    children: withPageErrors([
      // Signed out, the address of the app opens the public front page; signed in, the province table.
      {
        path: paths.province.pattern,
        element: <SignedInOr publicPage={<PublicHomePage />}>{<ProvincePage />}</SignedInOr>,
      },
      { path: paths.communes.pattern, element: <ProvincePage /> },
      { path: paths.programme.pattern, element: <ProgrammePage /> },
      { path: paths.publicCategories.pattern, element: <PublicCategoriesPage /> },
      { path: paths.publicCategory.pattern, element: <PublicCategoryPage /> },
      { path: paths.openData.pattern, element: <OpenDataPage /> },
      { path: paths.commune.pattern, element: <CommunePage /> },
      {
        path: paths.missions.pattern,
        element: (
          <RequireAuth>
            <MissionsPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.mission.pattern,
        element: (
          <RequireAuth>
            <MissionLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <MissionOverview /> },
          { path: paths.missionDiagnostic.pattern, element: <MissionDiagnosticTab /> },
          { path: paths.missionStrategy.pattern, element: <MissionStrategyTab /> },
          { path: paths.missionImplementation.pattern, element: <MissionImplementationTab /> },
        ],
      },
      {
        path: paths.diagnostic.pattern,
        element: (
          <RequireAuth>
            <DiagnosticPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.diagnosticGuide.pattern,
        element: (
          <RequireAuth>
            <GuidePage />
          </RequireAuth>
        ),
      },
      { path: paths.strategy.pattern, element: <StrategyPage /> },
      { path: paths.implementation.pattern, element: <ImplementationPage /> },
      {
        path: paths.implementationProject.pattern,
        element: (
          <RequireAuth>
            <ImplementationProjectPage />
          </RequireAuth>
        ),
      },
      { path: paths.publicProgress.pattern, element: <PublicProgressPage /> },
      {
        path: paths.needs.pattern,
        element: (
          <RequireAuth>
            <NeedsPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.need.pattern,
        element: (
          <RequireAuth>
            <NeedDetailPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.needGroup.pattern,
        element: (
          <RequireAuth>
            <GroupPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.purchasing.pattern,
        element: (
          <RequireAuth>
            <PurchasingPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.purchasingScenario.pattern,
        element: (
          <RequireAuth>
            <ScenarioPage />
          </RequireAuth>
        ),
      },
      { path: paths.catalogue.pattern, element: <CataloguePage /> },
      {
        path: paths.catalogueSolution.pattern,
        element: (
          <RequireAuth>
            <SolutionPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.catalogueCompare.pattern,
        element: (
          <RequireAuth>
            <ComparePage />
          </RequireAuth>
        ),
      },
      { path: paths.watch.pattern, element: <WatchPage /> },
      { path: paths.login.pattern, element: <LoginPage /> },
      {
        path: paths.account.pattern,
        element: (
          <RequireAuth>
            <AccountPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.users.pattern,
        element: (
          <RequireAuth capability="manageUsers">
            <UsersPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.audit.pattern,
        element: (
          <RequireAuth capability="readAudit">
            <AuditPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.procedureCosts.pattern,
        element: (
          <RequireAuth capability="manageUsers">
            <ProcedureCostsPage />
          </RequireAuth>
        ),
      },
      {
        path: paths.apiKeys.pattern,
        element: (
          <RequireAuth capability="manageUsers">
            <ApiKeysPage />
          </RequireAuth>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ]),
  },
  {
    // Reached by a link sent to a resource person, without an account: no application menu.
    element: <BareLayout />,
    errorElement: <RouteErrorPage />,
    children: [{ path: paths.selfAssessment.pattern, element: <SelfAssessmentPage /> }],
  },
]);
