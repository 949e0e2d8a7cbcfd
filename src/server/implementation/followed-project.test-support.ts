/**
 * Test data of the implementation tests: each test follows its own project, in a commune no other test of its file
 * uses, so that the tests of a file can run alone and in any order.
 */
import type { z } from 'zod';
import { mission, projectSheet, signedIn } from '../../../test/support/factories.ts';
import type { Client, TestApp, TestUser } from '../../../test/support/test-app.ts';
import type { ProjectSheetCreateInput } from '../../domain/strategy/project-sheets.ts';

export type SignedIn = Client & { user: TestUser };

/** The people of one commune around one followed project: its consultant, editor and viewer. */
export type CommuneTeam = { consultant: SignedIn; editor: SignedIn; viewer: SignedIn; communeNis: string };

export async function communeTeam(t: TestApp, communeNis: string): Promise<CommuneTeam> {
  return {
    consultant: await signedIn(t, 'consultant'),
    editor: await signedIn(t, 'commune_editor', communeNis),
    viewer: await signedIn(t, 'commune_viewer', communeNis),
    communeNis,
  };
}

/** A mission of the commune in its implementation phase, with one approved sheet: a project the follow-up shows. */
export async function followedProject(
  consultant: SignedIn,
  communeNis: string,
  fields: Partial<z.input<typeof ProjectSheetCreateInput>> = {},
): Promise<{ missionId: string; projectId: string }> {
  const opened = await mission(consultant, { communeNis, phase: 'implementation' });
  const projectId = await approvedSheet(consultant, opened.id, fields);
  return { missionId: opened.id, projectId };
}

/** One more approved sheet in a mission. */
export async function approvedSheet(
  consultant: SignedIn,
  missionId: string,
  fields: Partial<z.input<typeof ProjectSheetCreateInput>> = {},
): Promise<string> {
  const sheet = await projectSheet(consultant, missionId, {
    title: 'Éclairage public intelligent',
    investmentCost: 180_000,
    status: 'approved',
    dimensions: ['environment'],
    ...fields,
  });
  return sheet.id;
}

/** The file of a project's procurement as the PUT takes it, with what the test does not care about left empty. */
export function procurementFile(fields: Record<string, unknown> = {}) {
  return {
    nature: 'supplies',
    estimatedAmountExclVat: 180_000,
    launchDate: '2026-03-01',
    procedure: 'negotiated-direct-with-publication',
    framework: null,
    reference: null,
    steps: [],
    vendorName: null,
    vendorEnterpriseNumber: null,
    awardAmountExclVat: null,
    ...fields,
  };
}
