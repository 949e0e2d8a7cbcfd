import { SITE_KINDS } from '../../../domain/communes/facts.ts';

export type SiteKind = (typeof SITE_KINDS)[number];

export function isSiteKind(kind: string): kind is SiteKind {
  return (SITE_KINDS as readonly string[]).includes(kind);
}

/** i18n key of a site kind's name; an unknown kind (added server-side later) shows as "other". */
export function siteKindLabelKey(kind: string): string {
  return `sites.kinds.${isSiteKind(kind) ? kind : 'other'}`;
}
