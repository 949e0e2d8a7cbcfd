import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { withStrings } from '../i18n/i18n.ts';
import { RequireAuth, SignedInOr } from './guards.tsx';
import { BareLayout, Layout } from './layout.tsx';
import { NotFoundPage, RouteErrorPage } from './not-found-page.tsx';
import { PageError } from './page-error.tsx';
import { paths } from './paths.ts';

// Every page loads when first opened: the first load carries the frame (header, navigation) and the page asked for,
// never the other pages nor the map and chart libraries they use (decision 105). A new page is added the same way.
const CataloguePage = lazy(
  withStrings(['catalogue'], () =>
    import('../features/catalogue/catalogue-page.tsx').then((m) => ({ default: m.CataloguePage })),
  ),
);
const DiagnosticPage = lazy(
  withStrings(['diagnostic', 'missions'], () =>
    import('../features/diagnostic/diagnostic-page.tsx').then((m) => ({ default: m.DiagnosticPage })),
  ),
);
const ImplementationPage = lazy(
  withStrings(['implementation', 'strategy'], () =>
    import('../features/implementation/implementation-page.tsx').then((m) => ({ default: m.ImplementationPage })),
  ),
);
const NeedsPage = lazy(
  withStrings(['needs'], () => import('../features/needs/needs-page.tsx').then((m) => ({ default: m.NeedsPage }))),
);
const StrategyPage = lazy(
  withStrings(['strategy'], () =>
    import('../features/strategy/strategy-page.tsx').then((m) => ({ default: m.StrategyPage })),
  ),
);
const WatchPage = lazy(
  withStrings(['watch', 'catalogue'], () =>
    import('../features/watch/watch-page.tsx').then((m) => ({ default: m.WatchPage })),
  ),
);
const ProvincePage = lazy(withStrings(['communes'], () => import('../features/communes/province-page.tsx')));
const CommunePage = lazy(
  withStrings(['communes', 'sites', 'missions'], () => import('../features/communes/commune-page.tsx')),
);
const LoginPage = lazy(withStrings(['account'], () => import('../features/auth/login-page.tsx')));
const AccountPage = lazy(
  withStrings(['account', 'users', 'roles', 'sites'], () => import('../features/auth/account-page.tsx')),
);
const UsersPage = lazy(
  withStrings(['account', 'users', 'roles', 'sites'], () => import('../features/auth/users-page.tsx')),
);
const AuditPage = lazy(withStrings(['audit', 'roles', 'sites'], () => import('../features/audit/audit-page.tsx')));
const MissionsPage = lazy(
  withStrings(
    ['missions', 'strategy', 'diagnostic', 'implementation'],
    () => import('../features/missions/missions-page.tsx'),
  ),
);
const MissionLayout = lazy(
  withStrings(
    ['missions', 'strategy', 'diagnostic', 'implementation'],
    () => import('../features/missions/mission-layout.tsx'),
  ),
);
const MissionOverview = lazy(
  withStrings(
    ['missions', 'strategy', 'diagnostic', 'implementation'],
    () => import('../features/missions/mission-overview.tsx'),
  ),
);
const MissionDiagnosticTab = lazy(
  withStrings(['diagnostic', 'missions'], () => import('../features/diagnostic/mission-diagnostic-tab.tsx')),
);
const GuidePage = lazy(withStrings(['diagnostic', 'missions'], () => import('../features/diagnostic/guide-page.tsx')));
const SelfAssessmentPage = lazy(
  withStrings(['diagnostic', 'missions'], () => import('../features/diagnostic/self-assessment-page.tsx')),
);
const MissionStrategyTab = lazy(
  withStrings(['strategy'], () => import('../features/strategy/mission-strategy-tab.tsx')),
);
const SolutionPage = lazy(withStrings(['catalogue'], () => import('../features/catalogue/solution-page.tsx')));
const ComparePage = lazy(withStrings(['catalogue'], () => import('../features/catalogue/compare-page.tsx')));
const MissionImplementationTab = lazy(
  withStrings(
    ['implementation', 'strategy'],
    () => import('../features/implementation/mission-implementation-tab.tsx'),
  ),
);
const ImplementationProjectPage = lazy(
  withStrings(['implementation', 'strategy'], () => import('../features/implementation/project-page.tsx')),
);
// The old public progress page: its address opens the commune's programme (issue 14).
const ProgressRedirect = lazy(() => import('../features/public/progress-redirect.tsx'));
const NeedDetailPage = lazy(withStrings(['needs'], () => import('../features/needs/need-page.tsx')));
const GroupPage = lazy(withStrings(['needs'], () => import('../features/needs/group-page.tsx')));
const PublicHomePage = lazy(withStrings(['public'], () => import('../features/public/home-page.tsx')));
const ProgrammePage = lazy(withStrings(['public'], () => import('../features/public/programme-page.tsx')));
const PublicCategoriesPage = lazy(withStrings(['public'], () => import('../features/public/categories-page.tsx')));
const PublicCategoryPage = lazy(withStrings(['public'], () => import('../features/public/category-page.tsx')));
const OpenDataPage = lazy(withStrings(['public'], () => import('../features/public/open-data-page.tsx')));
const PurchasingPage = lazy(
  withStrings(['purchasing'], () =>
    import('../features/purchasing/purchasing-page.tsx').then((m) => ({ default: m.PurchasingPage })),
  ),
);
const ScenarioPage = lazy(withStrings(['purchasing'], () => import('../features/purchasing/scenario-page.tsx')));
const ProcedureCostsPage = lazy(
  withStrings(['purchasing'], () => import('../features/purchasing/procedure-costs-page.tsx')),
);
const ApiKeysPage = lazy(withStrings(['public'], () => import('../features/public/api-keys-page.tsx')));

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
      { path: paths.publicProgress.pattern, element: <ProgressRedirect /> },
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
