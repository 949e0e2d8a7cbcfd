import type { Capability } from '../features/auth/api.ts';
import { paths } from './paths.ts';

export type NavItem = {
  key: string;
  /** i18n key of the label */
  label: string;
  to: string;
  /** what /api/auth/me must allow for the entry to show */
  capability?: Capability;
  /** values for the label (e.g. the commune's name) */
  labelParams?: Record<string, string>;
};

/** A commune user's first entry: their own commune's page, where their work is. */
export function ownCommuneNav(user: { communeNis: string | null; communeName: string | null } | undefined) {
  if (!user?.communeNis) return null;
  return {
    key: 'ownCommune',
    label: 'nav.ownCommune',
    to: paths.commune.to(user.communeNis),
    labelParams: { name: user.communeName ?? user.communeNis },
  } satisfies NavItem;
}

/** Every area of the product, in the order of the work: the province, a commune's mission, pooling. */
export const MAIN_NAV: NavItem[] = [
  { key: 'communes', label: 'nav.communes', to: paths.province.to() },
  { key: 'missions', label: 'nav.missions', to: paths.missions.to() },
  { key: 'diagnostic', label: 'nav.diagnostic', to: paths.diagnostic.to() },
  { key: 'strategy', label: 'nav.strategy', to: paths.strategy.to() },
  { key: 'implementation', label: 'nav.implementation', to: paths.implementation.to() },
  { key: 'needs', label: 'nav.needs', to: paths.needs.to() },
  { key: 'purchasing', label: 'nav.purchasing', to: paths.purchasing.to() },
  { key: 'catalogue', label: 'nav.catalogue', to: paths.catalogue.to() },
  { key: 'watch', label: 'nav.watch', to: paths.watch.to() },
];

/** What the public may open (issue 14): the front page, the catalogue by category, the open data. */
export const PUBLIC_NAV: NavItem[] = [
  { key: 'home', label: 'nav.home', to: paths.province.to() },
  { key: 'publicCommunes', label: 'nav.communes', to: paths.communes.to() },
  { key: 'publicCategories', label: 'nav.publicCategories', to: paths.publicCategories.to() },
  { key: 'openData', label: 'nav.openData', to: paths.openData.to() },
];

export const ADMIN_NAV: NavItem[] = [
  { key: 'users', label: 'nav.users', to: paths.users.to(), capability: 'manageUsers' },
  { key: 'audit', label: 'nav.audit', to: paths.audit.to(), capability: 'readAudit' },
  // Issuing API keys is the agency admins' (policy `api_key`), the same people who manage the users.
  { key: 'apiKeys', label: 'nav.apiKeys', to: paths.apiKeys.to(), capability: 'manageUsers' },
  // The procedure costs behind the savings estimates (policy `procedure_cost`): the agency admins' too.
  { key: 'procedureCosts', label: 'nav.procedureCosts', to: paths.procedureCosts.to(), capability: 'manageUsers' },
];

/** Is `pathname` inside the area that `item` opens? The province area also holds the commune pages. */
export function isActive(item: NavItem, pathname: string, ownCommune?: NavItem | null): boolean {
  const inOwnCommune = ownCommune ? pathname === ownCommune.to || pathname.startsWith(`${ownCommune.to}/`) : false;
  if (item.key === 'home') return pathname === '/' || pathname.endsWith('/programme');
  if (item.key === 'publicCommunes')
    return pathname === '/communes' || (pathname.startsWith('/communes/') && !pathname.endsWith('/programme'));
  if (item.key === 'communes')
    return pathname === '/' || pathname === '/communes' || (pathname.startsWith('/communes/') && !inOwnCommune);
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}
