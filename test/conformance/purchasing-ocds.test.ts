/**
 * The framework agreement's and call-offs' OCDS (issue 12) against the team's ../shared/data/ocds: the OCDS 1.1.5
 * release and record package schemas with every extension found there. Runs where the shared folder exists (CI).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRecord, planPublication } from '../../src/domain/open-data/ocds-history.ts';
import { callOffReleases, frameworkReleases, OCDS_EXTENSIONS } from '../../src/domain/purchasing/ocds-framework.ts';
import { ocdsValidators } from '../support/ocds-schemas.ts';

const ocdsDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'ocds');

describe.skipIf(!existsSync(ocdsDir))('framework agreement and call-off OCDS against ../shared/data/ocds', () => {
  const schemas = ocdsValidators(ocdsDir);
  const framework = frameworkReleases({
    ocidPrefix: 'ocds-sr0001',
    scenarioId: 'scenario-1',
    title: 'Éclairage public intelligent',
    agency: { id: 'agency', name: 'IDELUX Projets publics' },
    procedure: 'open',
    launchDate: '2026-06-01',
    steps: [{ step: 'publication', actualDate: '2026-06-15' }],
    publication: { bdaReference: 'BDA 2026-1', joueReference: 'TED 2026/S 1', publishedOn: '2026-06-15' },
    totalMonths: 48,
    estimatedValue: 250_000,
    europeanPublication: true,
    lots: [{ key: 'a', label: 'Télégestion', nature: 'supplies', estimatedValue: 250_000 }],
    bids: [{ lotKey: 'a', vendor: 'LumiTech SA' }],
    communes: [{ nisCode: '81001', name: "Ville d'Arlon" }],
    award: {
      date: '2026-10-01',
      agreementReference: 'CA-1',
      startDate: '2026-10-20',
      endDate: '2030-10-19',
      lots: [{ lotKey: 'a', vendor: 'LumiTech SA', amount: 212_000 }],
    },
  });
  const callOff = callOffReleases({
    ocidPrefix: 'ocds-sr0001',
    callOffId: 'c1',
    framework: {
      ocid: framework[0]!.ocid,
      title: 'Éclairage public intelligent',
      reference: 'CA-1',
      lotNumber: 1,
      lotTitle: 'Télégestion',
      nature: 'supplies',
      vendor: 'LumiTech SA',
      centralPurchasingBody: 'IDELUX Projets publics',
    },
    buyer: { nisCode: '81001', name: "Ville d'Arlon" },
    solutionName: 'Luminaire',
    quantity: 20,
    amount: 20_000,
    orderedOn: '2026-11-02',
    cancelled: null,
  });
  const meta = { uri: 'https://example.org/ocds', version: '1.1', extensions: [...OCDS_EXTENSIONS] };
  const publishedDate = '2026-11-30T09:00:00Z';
  const hash = (text: string) => String(text.length);

  it('validates the release package', () => {
    expect(schemas.extensions).toContain('techniques');
    schemas.checkReleasePackage({
      ...meta,
      publishedDate,
      publisher: { name: 'IDELUX' },
      releases: [...framework, ...callOff],
    });
  });

  it('validates the record package', () => {
    const records = [framework, callOff].map((releases) =>
      compileRecord(planPublication([], releases, publishedDate, hash)),
    );
    schemas.checkRecordPackage({ ...meta, publishedDate, publisher: { name: 'IDELUX' }, records });
  });

  it('rejects a framework agreement method outside the extension’s closed codelist (the patch is applied)', () => {
    const bad = JSON.parse(JSON.stringify(framework.at(-1)));
    bad.tender.techniques.frameworkAgreement.method = 'sometimes';
    expect(schemas.releasePackage({ ...meta, publishedDate, publisher: { name: 'x' }, releases: [bad] })).toBe(false);
  });
});
