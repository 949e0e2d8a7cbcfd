import type { Role } from '../../domain/auth/roles.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

/**
 * The one place that decides who may do what. Routes declare the action and resource they serve
 * (`config.access`); services call `authorize` again once they know the record's commune. Anything not
 * granted here is denied.
 */
export type UserActor = {
  kind: 'user';
  id: string;
  email: string;
  role: Role;
  communeNis: string | null;
  sessionId: string;
};
/** The operator at the command line, or the server setting itself up: trusted, and named in the audit log. */
export type SystemActor = { kind: 'system'; label: 'cli' | 'bootstrap' | 'démo' | 'open-data' };
export type Actor = { kind: 'anonymous' } | UserActor | SystemActor;
export const ANONYMOUS: Actor = { kind: 'anonymous' };

export const ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

export const RESOURCE_TYPES = [
  'commune',
  'site',
  'user',
  'audit',
  'account',
  'mission',
  'maturity_model',
  'diagnostic',
  'diagnostic_target',
  'resource_person',
  'self_assessment',
  'strategy',
  'strategy_comment',
  'analysis',
  'implementation',
  'procurement',
  'implementation_publication',
  'procurement_threshold',
  'threshold_verification_note',
  'implementation_alert',
  'implementation_dashboard',
  'notification_log',
  'catalogue',
  'catalogue_adhesion',
  'call_off',
  'catalogue_shortlist',
  'catalogue_search',
  'watch',
  'need',
  'mutualisation',
  'interest_answer',
  'api_key',
  'purchasing',
  'purchasing_participation',
  'central_purchasing_adhesion',
  'procedure_cost',
  'commune_designation',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/**
 * What the record is, as far as access goes. `communeNis` undefined at route level means "in some commune":
 * the route lets a commune editor through and the service checks the record's own commune.
 */
export type Resource = { type: ResourceType; communeNis?: string | null; published?: boolean; ownerId?: string };

/** any: everywhere; own: in the actor's commune; published: what a commune chose to publish; self: the actor's own account. */
type Reach = 'any' | 'own' | 'published' | 'self';
type Grants = Partial<Record<Action, Reach>>;
type Who = Role | 'public';

const READ_ONLY: Grants = { read: 'any' };
const FULL: Grants = { read: 'any', create: 'any', update: 'any', delete: 'any' };

export const GRANTS: Record<ResourceType, Partial<Record<Who, Grants>>> = {
  commune: {
    public: READ_ONLY,
    agency_admin: { read: 'any', update: 'any' },
    consultant: { read: 'any', update: 'any' },
    commune_editor: { read: 'any', update: 'own' },
    commune_viewer: READ_ONLY,
  },
  site: {
    public: READ_ONLY,
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'any', create: 'own', update: 'own', delete: 'own' },
    commune_viewer: READ_ONLY,
  },
  user: { agency_admin: { read: 'any', create: 'any', update: 'any' } },
  audit: { agency_admin: READ_ONLY },
  // Missions are the agency's work for a commune: its staff run them, the commune's users follow them. Any
  // consultant may change any mission and its phases, not only those they are in charge of: the agency is a small
  // team whose project leaders take over from one another, and the audit log names who changed what (decision 006).
  // The consultants named on a mission are who is responsible, not who may act.
  mission: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own' },
    commune_viewer: { read: 'own' },
  },
  // The interview guide: agency admins edit it (a draft next version, then publish); everyone signed in reads it.
  maturity_model: {
    agency_admin: FULL,
    consultant: READ_ONLY,
    commune_editor: READ_ONLY,
    commune_viewer: READ_ONLY,
  },
  // A mission's diagnostic (interviews' answers, results, SWOT, specificities, report): the agency runs it as an
  // independent audit, the commune's users read their own. Commune editors do not record interviews: they are
  // heard, or fill a self-assessment link a consultant sends them (docs/decisions/030-diagnostic.md).
  diagnostic: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own' },
    commune_viewer: { read: 'own' },
  },
  // The target maturity per dimension and horizon (decision 160): set with the commune, so its editors may set
  // their own commune's targets as well as agency staff; its viewers read them.
  diagnostic_target: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own', update: 'own' },
    commune_viewer: { read: 'own' },
  },
  // Who was heard (name and role of a resource person): agency staff only; erasing it is a delete.
  resource_person: {
    agency_admin: { read: 'any', delete: 'any' },
    consultant: { read: 'any', delete: 'any' },
  },
  // Personal self-assessment links: created and revoked by agency staff; used by the holder of the token alone.
  self_assessment: { agency_admin: FULL, consultant: FULL },
  // A mission's strategy (project sheets, criteria, evaluations, plan): the agency's consultants build it; the
  // commune's users read it, and its editors comment on the sheets (decision 040).
  strategy: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own' },
    commune_viewer: { read: 'own' },
  },
  strategy_comment: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own', create: 'own', delete: 'self' },
    commune_viewer: { read: 'own' },
  },
  // The calculators (PROMETHEE, AHP, portfolio over HTTP) read and store nothing: any signed-in user, rate-limited.
  analysis: {
    agency_admin: READ_ONLY,
    consultant: READ_ONLY,
    commune_editor: READ_ONLY,
    commune_viewer: READ_ONLY,
  },
  // A project's follow-up in implementation (status, milestones, budget, indicators, documents): agency staff edit
  // it; the commune's editors update their own commune's follow-up, as they run the works; viewers read their own
  // (decision 070).
  implementation: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    commune_viewer: { read: 'own' },
  },
  // The framework-agreement catalogue (decision 060): solutions, agreements, lots, adoption. Agency staff edit it;
  // every signed-in user reads it (commune users do not see the solutions still under watch: the service filters).
  catalogue: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: READ_ONLY,
    commune_viewer: READ_ONLY,
  },
  // A commune adheres to an agreement: its editors for it, or agency staff on its behalf.
  catalogue_adhesion: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own', create: 'own' },
    commune_viewer: { read: 'own' },
  },
  // Call-offs (orders under a lot): a commune's editors order for their commune only, and may cancel (delete) their
  // commune's order while it is recent (the service checks the delay, decision 060).
  call_off: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own', create: 'own', delete: 'own' },
    commune_viewer: { read: 'own' },
  },
  // A buyer's shortlist, kept for a commune (or for the agency when it has none).
  catalogue_shortlist: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    commune_viewer: { read: 'own' },
  },
  // The procurement file: the agency advises the commune on procedures and keeps the file; the commune's users read it.
  procurement: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own' },
    commune_viewer: { read: 'own' },
  },
  // Publishing a project on the commune's public progress page: the commune's editors decide, agency staff may do it
  // for them. The public page itself is a public route showing only published projects.
  implementation_publication: {
    agency_admin: { update: 'any' },
    consultant: { update: 'any' },
    commune_editor: { update: 'own' },
  },
  // Procurement thresholds (dated reference data): every signed-in user reads them, agency admins maintain them.
  procurement_threshold: {
    agency_admin: FULL,
    consultant: READ_ONLY,
    commune_editor: READ_ONLY,
    commune_viewer: READ_ONLY,
  },
  // The notes on threshold figures not yet checked against their source (« Chiffre à vérifier … »): the working notes
  // of the admins who maintain the table, never shown to consultants or communes (the presenters drop them).
  threshold_verification_note: { agency_admin: READ_ONLY },
  // Alerts of the follow-up: each user reads those of what they may see (the service scopes them).
  implementation_alert: {
    agency_admin: READ_ONLY,
    consultant: READ_ONLY,
    commune_editor: READ_ONLY,
    commune_viewer: READ_ONLY,
  },
  // The province dashboard across communes: agency staff.
  implementation_dashboard: { agency_admin: READ_ONLY, consultant: READ_ONLY },
  // The log of notices sent (or only logged without SMTP); admins read it and may run the sending now.
  notification_log: { agency_admin: { read: 'any', create: 'any' } },
  // Saved searches belong to the user who saved them.
  catalogue_search: {
    agency_admin: { read: 'self', create: 'self', delete: 'self' },
    consultant: { read: 'self', create: 'self', delete: 'self' },
    commune_editor: { read: 'self', create: 'self', delete: 'self' },
    commune_viewer: { read: 'self', create: 'self', delete: 'self' },
  },
  // The technology watch: the agency's own reading and assessments.
  watch: { agency_admin: FULL, consultant: FULL },
  // The needs register (issue 5): commune editors keep their own commune's needs, viewers read them; agency staff
  // keep every commune's. The public sees nothing.
  need: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own', create: 'own', update: 'own', delete: 'own' },
    commune_viewer: { read: 'own' },
  },
  // Mutualisation groups, runs, polls and joint purchases: the agency's work; a commune's users read the groups
  // their commune is in (docs/decisions/050-needs.md), and in them the other communes' needs only by name and title
  // (needView below).
  mutualisation: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own' },
    commune_viewer: { read: 'own' },
  },
  // A commune's answer to an interest poll: its editors give it; agency staff may record it for them.
  interest_answer: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own', update: 'own' },
    commune_viewer: { read: 'own' },
  },
  // API keys for partners above the public rate (issue 14): agency admins issue and revoke them.
  api_key: { agency_admin: { read: 'any', create: 'any', delete: 'any' } },
  // Central purchasing (issue 12, decision 140): the agency's consultants build procurement scenarios from pooled
  // needs and run them; a commune's users read the scenarios their commune has a line in (their own lines only).
  purchasing: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own' },
    commune_viewer: { read: 'own' },
  },
  // A commune's line in a scenario's lot: its editors confirm or decline it, with their quantity; agency staff may
  // record it for them.
  purchasing_participation: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own', update: 'own' },
    commune_viewer: { read: 'own' },
  },
  // A commune's adhesion to the agency as central purchasing body (its council's decision): its editors record it,
  // or agency staff on its behalf.
  central_purchasing_adhesion: {
    agency_admin: FULL,
    consultant: FULL,
    commune_editor: { read: 'own', create: 'own' },
    commune_viewer: { read: 'own' },
  },
  // The cost of each procedure type that savings estimates rest on: the agency's admins maintain it with its source;
  // everyone signed in reads it (it is shown beside every estimate).
  procedure_cost: {
    agency_admin: FULL,
    consultant: READ_ONLY,
    commune_editor: READ_ONLY,
    commune_viewer: READ_ONLY,
  },
  // The communes' official designations are reference data the agency publishes in its OCDS (decision 140): its
  // admins confirm them, as they maintain the thresholds and procedure costs; everyone reads them with the commune.
  commune_designation: {
    public: READ_ONLY,
    agency_admin: { read: 'any', update: 'any' },
    consultant: READ_ONLY,
    commune_editor: READ_ONLY,
    commune_viewer: READ_ONLY,
  },
  account: {
    agency_admin: { read: 'self', update: 'self' },
    consultant: { read: 'self', update: 'self' },
    commune_editor: { read: 'self', update: 'self' },
    commune_viewer: { read: 'self', update: 'self' },
  },
};

function reaches(reach: Reach, actor: Actor, resource: Resource): boolean {
  switch (reach) {
    case 'any':
      return true;
    case 'own':
      return (
        actor.kind === 'user' &&
        actor.communeNis !== null &&
        (resource.communeNis === undefined || resource.communeNis === actor.communeNis)
      );
    case 'published':
      return resource.published !== false;
    case 'self':
      return actor.kind === 'user' && (resource.ownerId === undefined || resource.ownerId === actor.id);
  }
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (actor.kind === 'system') return true;
  const table = GRANTS[resource.type];
  const whos: Who[] = actor.kind === 'user' ? ['public', actor.role] : ['public'];
  return whos.some((who) => {
    const reach = table[who]?.[action];
    return reach !== undefined && reaches(reach, actor, resource);
  });
}

/**
 * What the caller may do with one resource, for the web to read instead of testing roles: each name is asked of the
 * policy once, e.g. `permissionsOf(actor, { edit: ['update', { type: 'mission', communeNis }] })` → `{ edit: true }`.
 */
export function permissionsOf<K extends string>(
  actor: Actor,
  asks: Record<K, readonly [Action, Resource]>,
): Record<K, boolean> {
  const entries = Object.entries(asks) as [K, readonly [Action, Resource]][];
  return Object.fromEntries(
    entries.map(([name, [action, resource]]) => [name, can(actor, action, resource)]),
  ) as Record<K, boolean>;
}

/** Throws 401 for an anonymous caller, 403 otherwise, when `can` says no. */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (can(actor, action, resource)) return;
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const ownOnly = GRANTS[resource.type][actor.role]?.[action] === 'own';
  throw new ForbiddenError(ownOnly ? 'FORBIDDEN_OTHER_COMMUNE' : 'FORBIDDEN');
}

/**
 * How much of a need a caller sees through a mutualisation group (issue 10, decision 050). Agency staff, and the
 * need's own commune's users, see it in full; a commune user whose commune has a need in the group sees the other
 * communes' needs by commune name and title only — not their descriptions, budgets, urgency, poll answers or
 * amounts, which stay their commune's business; anyone else sees nothing of it. Every route that returns needs
 * through a group (the group page, its polls and purchase) presents them with this.
 */
export type NeedView = 'full' | 'title' | 'none';

export function needView(actor: Actor, need: { communeNis: string }, groupCommunes: readonly string[]): NeedView {
  if (can(actor, 'read', { type: 'need', communeNis: need.communeNis })) return 'full';
  const member = actor.kind === 'user' && actor.communeNis !== null && groupCommunes.includes(actor.communeNis);
  if (member && can(actor, 'read', { type: 'mutualisation', communeNis: (actor as UserActor).communeNis })) {
    return 'title';
  }
  return 'none';
}

/**
 * Which records of a commune-scoped type a list may show: all of them, those of one commune, or only
 * published ones. Lists filter with this instead of checking roles themselves.
 */
export type ReadScope =
  | { kind: 'all' }
  | { kind: 'commune'; communeNis: string }
  | { kind: 'published' }
  | { kind: 'none' };

export function readScope(actor: Actor, type: ResourceType): ReadScope {
  if (actor.kind === 'system') return { kind: 'all' };
  const whos: Who[] = actor.kind === 'user' ? [actor.role, 'public'] : ['public'];
  const reachesFound = whos.map((who) => GRANTS[type][who]?.read).filter((r): r is Reach => r !== undefined);
  if (reachesFound.includes('any')) return { kind: 'all' };
  if (reachesFound.includes('own') && actor.kind === 'user' && actor.communeNis) {
    return { kind: 'commune', communeNis: actor.communeNis };
  }
  if (reachesFound.includes('published')) return { kind: 'published' };
  return { kind: 'none' };
}
