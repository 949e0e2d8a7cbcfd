import type { InjectOptions } from 'fastify';
import type { TestApp } from '../support/test-app.ts';

/** The roles of the matrix, plus the public. */
export type Who = 'anonymous' | 'agency_admin' | 'consultant' | 'commune_editor' | 'commune_viewer';
export type Outcome = 'allow' | 'deny';

/**
 * One API route of the authorization matrix. `request` builds the call for a commune (the commune users' own, or
 * another), creating whatever record it needs through `fixture`. `expect` is written by hand, never derived from the
 * policy: the matrix checks the policy, it does not restate it.
 */
export type AccessCase = {
  route: string;
  request(ctx: AccessContext, communeNis: string): Promise<InjectOptions> | InjectOptions;
  expect: Record<Who, Outcome | { own: Outcome; other: Outcome }>;
  /** The call ends the session it is made with (and writes nothing without one). */
  endsSession?: boolean;
  /** A POST that computes and stores nothing (a calculator), so it has nothing to audit. */
  writesNothing?: boolean;
  /**
   * What an allowed caller may see of the answer (issue 10: a commune user sees other communes' needs in a group by
   * name and title only). Asserts with `expect`; called for every allowed call.
   */
  sees?(answer: { json(): unknown; body: string }, who: Who, scope: 'own' | 'other'): void;
};

export type AccessContext = {
  t: TestApp;
  /** A record made once per key and reused, e.g. `fixture('user', () => t.createUser(...))`. */
  fixture<T>(key: string, create: () => Promise<T>): Promise<T>;
};

export const everyone = {
  anonymous: 'allow',
  agency_admin: 'allow',
  consultant: 'allow',
  commune_editor: 'allow',
  commune_viewer: 'allow',
} as const;
export const signedIn = { ...everyone, anonymous: 'deny' } as const;
export const adminOnly = {
  anonymous: 'deny',
  agency_admin: 'allow',
  consultant: 'deny',
  commune_editor: 'deny',
  commune_viewer: 'deny',
} as const;
export const agencyStaff = { ...adminOnly, consultant: 'allow' } as const;
export const agencyOrOwnEditor = {
  anonymous: 'deny',
  agency_admin: 'allow',
  consultant: 'allow',
  commune_editor: { own: 'allow', other: 'deny' },
  commune_viewer: 'deny',
} as const;
export const agencyOrOwnCommune = {
  anonymous: 'deny',
  agency_admin: 'allow',
  consultant: 'allow',
  commune_editor: { own: 'allow', other: 'deny' },
  commune_viewer: { own: 'allow', other: 'deny' },
} as const;
