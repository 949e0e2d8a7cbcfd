/**
 * Every page address of the web app, written once. `pattern` is what the router matches; `to(...)` builds a link.
 */
export const paths = {
  province: { pattern: '/', to: () => '/' },
  /** The communes' map and table (the signed-in users' home at `/`; the public's at this address). */
  communes: { pattern: '/communes', to: () => '/communes' },
  commune: { pattern: '/communes/:nisCode', to: (nisCode: string) => `/communes/${encodeURIComponent(nisCode)}` },
  missions: { pattern: '/missions', to: () => '/missions' },
  mission: { pattern: '/missions/:missionId', to: (id: string) => `/missions/${encodeURIComponent(id)}` },
  missionDiagnostic: {
    pattern: '/missions/:missionId/diagnostic',
    to: (id: string) => `/missions/${encodeURIComponent(id)}/diagnostic`,
  },
  missionStrategy: {
    pattern: '/missions/:missionId/strategy',
    /** `section`: one of the strategy tab's sections (projects, criteria, grid, ranking, plan, roadmap). */
    to: (id: string, section?: string) =>
      `/missions/${encodeURIComponent(id)}/strategy${section ? `?section=${encodeURIComponent(section)}` : ''}`,
  },
  missionImplementation: {
    pattern: '/missions/:missionId/implementation',
    to: (id: string) => `/missions/${encodeURIComponent(id)}/implementation`,
  },
  diagnostic: { pattern: '/diagnostic', to: () => '/diagnostic' },
  diagnosticGuide: { pattern: '/diagnostic/guide', to: () => '/diagnostic/guide' },
  selfAssessment: {
    pattern: '/self-assessment/:token',
    to: (token: string) => `/self-assessment/${encodeURIComponent(token)}`,
  },
  strategy: { pattern: '/strategy', to: () => '/strategy' },
  implementation: { pattern: '/implementation', to: () => '/implementation' },
  implementationProject: {
    pattern: '/implementation/projects/:projectId',
    to: (id: string) => `/implementation/projects/${encodeURIComponent(id)}`,
  },
  publicProgress: {
    pattern: '/communes/:nisCode/progress',
    to: (nisCode: string) => `/communes/${encodeURIComponent(nisCode)}/progress`,
  },
  programme: {
    pattern: '/communes/:nisCode/programme',
    to: (nisCode: string) => `/communes/${encodeURIComponent(nisCode)}/programme`,
  },
  publicCategories: { pattern: '/solutions', to: () => '/solutions' },
  publicCategory: {
    pattern: '/solutions/:category',
    to: (category: string) => `/solutions/${encodeURIComponent(category)}`,
  },
  openData: { pattern: '/open-data', to: () => '/open-data' },
  needs: { pattern: '/needs', to: (tab?: 'groups' | 'polls') => (tab ? `/needs?tab=${tab}` : '/needs') },
  need: { pattern: '/needs/:needId', to: (id: string) => `/needs/${encodeURIComponent(id)}` },
  needGroup: { pattern: '/needs/groups/:groupId', to: (id: string) => `/needs/groups/${encodeURIComponent(id)}` },
  catalogue: { pattern: '/catalogue', to: () => '/catalogue' },
  catalogueSolution: {
    pattern: '/catalogue/solutions/:solutionId',
    to: (id: string) => `/catalogue/solutions/${encodeURIComponent(id)}`,
  },
  catalogueCompare: {
    pattern: '/catalogue/compare',
    to: (ids: string[]) => `/catalogue/compare?ids=${ids.map(encodeURIComponent).join(',')}`,
  },
  purchasing: { pattern: '/purchasing', to: () => '/purchasing' },
  purchasingScenario: {
    pattern: '/purchasing/scenarios/:scenarioId',
    to: (id: string) => `/purchasing/scenarios/${encodeURIComponent(id)}`,
  },
  watch: { pattern: '/watch', to: () => '/watch' },
  login: {
    pattern: '/login',
    /** `next`: where to go back after signing in (a path of this app). */
    to: (next?: string) => (next && next !== '/login' ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  },
  account: { pattern: '/account', to: () => '/account' },
  users: { pattern: '/admin/users', to: () => '/admin/users' },
  audit: { pattern: '/admin/audit', to: () => '/admin/audit' },
  apiKeys: { pattern: '/admin/api-keys', to: () => '/admin/api-keys' },
  procedureCosts: { pattern: '/admin/procedure-costs', to: () => '/admin/procedure-costs' },
} as const;

/** The `next` parameter of the login page, kept only when it is a path of this app (no open redirect). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.province.to();
  if (next.startsWith(paths.login.pattern)) return paths.province.to();
  return next;
}

/**
 * Where a user lands after signing in: the page they were going to, else their own commune's page for a commune
 * user (the province table is not where their work is), else the province. `/` asked as `next` is the default
 * page, not a choice.
 */
export function landingPath(user: { communeNis: string | null } | null | undefined, next: string | null): string {
  const asked = safeNextPath(next);
  if (asked !== paths.province.to()) return asked;
  return user?.communeNis ? paths.commune.to(user.communeNis) : asked;
}
