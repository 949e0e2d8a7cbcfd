import { describe, expect, it } from 'vitest';
import { completedProcurement, plannedCallOff } from './ocds.fixtures.ts';
import { buildReleasePackage, type OcdsRelease, type OcdsReleasePackage } from './ocds.ts';
import { ProcurementProcedure } from './procurement.ts';

/** Closed codelists of OCDS 1.1.5 (release-schema.json), written out so the test does not need ../shared. */
const RELEASE_TAGS = [
  'planning',
  'planningUpdate',
  'tender',
  'tenderAmendment',
  'tenderUpdate',
  'tenderCancellation',
  'award',
  'awardUpdate',
  'awardCancellation',
  'contract',
  'contractUpdate',
  'contractAmendment',
  'implementation',
  'implementationUpdate',
  'contractTermination',
  'compiled',
];
const METHODS = ['open', 'selective', 'limited', 'direct'];
const CATEGORIES = ['goods', 'works', 'services'];
const TENDER_STATUSES = ['planning', 'planned', 'active', 'cancelled', 'unsuccessful', 'complete', 'withdrawn'];
const AWARD_STATUSES = ['pending', 'active', 'cancelled', 'unsuccessful'];
const CONTRACT_STATUSES = ['pending', 'active', 'cancelled', 'terminated'];
const MILESTONE_STATUSES = ['scheduled', 'met', 'notMet', 'partiallyMet'];
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Every `currency` in the tree, and every `*Date`/`date` field, wherever they sit. */
function walk(node: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      visit(key, value);
      walk(value, visit);
    }
  }
}

function expectStructurallyValid(pkg: OcdsReleasePackage) {
  for (const field of ['uri', 'publisher', 'publishedDate', 'releases', 'version'] as const) {
    expect(pkg[field], field).toBeDefined();
  }
  expect(pkg.version).toMatch(/^\d+\.\d+$/);
  expect(pkg.publisher.name).toBeTruthy();
  expect(pkg.releases.length).toBeGreaterThan(0);
  expect(new Set(pkg.releases.map((r) => r.id)).size).toBe(pkg.releases.length);
  for (const release of pkg.releases) {
    for (const field of ['ocid', 'id', 'date', 'tag', 'initiationType'] as const) {
      expect(release[field], `${release.id}.${field}`).toBeDefined();
    }
    expect(release.ocid).toMatch(/^ocds-[a-z0-9]{6}-/);
    expect(release.initiationType).toBe('tender');
    expect(release.tag.length).toBeGreaterThan(0);
    for (const tag of release.tag) expect(RELEASE_TAGS).toContain(tag);
    expect(METHODS).toContain(release.tender.procurementMethod);
    expect(CATEGORIES).toContain(release.tender.mainProcurementCategory);
    expect(TENDER_STATUSES).toContain(release.tender.status);
    for (const award of release.awards ?? []) expect(AWARD_STATUSES).toContain(award.status);
    for (const contract of release.contracts ?? []) {
      expect(CONTRACT_STATUSES).toContain(contract.status);
      expect(release.awards?.map((a) => a.id)).toContain(contract.awardID);
      for (const m of contract.implementation?.milestones ?? []) expect(MILESTONE_STATUSES).toContain(m.status);
    }
    expectReferencesResolve(release);
  }
  walk(pkg, (key, value) => {
    if (key === 'currency') expect(value).toBe('EUR');
    if (key === 'amount' && typeof value !== 'object') expect(typeof value).toBe('number');
    if ((key === 'date' || key.endsWith('Date')) && typeof value === 'string') expect(value, key).toMatch(DATE_TIME);
  });
}

/** Buyer, suppliers, payers and payees point to parties of the same release. */
function expectReferencesResolve(release: OcdsRelease) {
  const ids = new Set(release.parties.map((p) => p.id));
  expect(ids).toContain(release.buyer.id);
  expect(release.parties.find((p) => p.id === release.buyer.id)?.roles).toContain('buyer');
  for (const award of release.awards ?? []) for (const s of award.suppliers) expect(ids).toContain(s.id);
  for (const contract of release.contracts ?? []) {
    for (const t of contract.implementation?.transactions ?? []) {
      expect(ids).toContain(t.payer.id);
      expect(ids).toContain(t.payee.id);
    }
  }
}

describe('buildReleasePackage', () => {
  const pkg = buildReleasePackage(completedProcurement);

  it('publishes one release per stage reached, each tagged with its stage', () => {
    expectStructurallyValid(pkg);
    expect(pkg.version).toBe('1.1');
    expect(pkg.releases.map((r) => r.tag)).toEqual([
      ['planning'],
      ['tender'],
      ['award'],
      ['contract'],
      ['implementation'],
    ]);
    expect(pkg.releases.map((r) => r.date)).toEqual([
      '2026-01-20T00:00:00Z',
      '2026-02-10T00:00:00Z',
      '2026-04-14T00:00:00Z',
      '2026-04-16T00:00:00Z',
      '2026-10-15T00:00:00Z',
    ]);
    expect(new Set(pkg.releases.map((r) => r.ocid))).toEqual(new Set(['ocds-sr0001-libramont-eclairage-2026']));
  });

  it('names the commune as buyer with its NIS code and enterprise number', () => {
    const [planning] = pkg.releases;
    expect(planning!.buyer).toEqual({ id: 'BE-NIS-84077', name: 'Ville de Libramont-Chevigny' });
    expect(planning!.parties).toEqual([
      {
        id: 'BE-NIS-84077',
        name: 'Ville de Libramont-Chevigny',
        identifier: { scheme: 'BE-BCE_KBO', id: '0207352617', legalName: 'Ville de Libramont-Chevigny' },
        additionalIdentifiers: [{ scheme: 'BE-NIS', id: '84077' }],
        roles: ['buyer', 'procuringEntity'],
      },
    ]);
    expect(planning!.planning).toEqual({
      rationale: "Réduire la consommation de l'éclairage public (fiche projet Smart Environment).",
      budget: {
        description: 'Budget du projet, montant hors TVA',
        amount: { amount: 200_000, currency: 'EUR' },
        project: 'Éclairage public intelligent',
        projectID: 'libramont-p07',
      },
    });
  });

  it('maps the Belgian procedure to the OCDS method and keeps its French name', () => {
    const tender = pkg.releases[1]!.tender;
    expect(tender).toMatchObject({
      id: 'CSC 2026-F-012',
      status: 'active',
      procurementMethod: 'open',
      procurementMethodDetails: 'Procédure négociée directe avec publication préalable',
      mainProcurementCategory: 'goods',
      value: { amount: 180_000, currency: 'EUR' },
      tenderPeriod: { startDate: '2026-02-10T00:00:00Z', endDate: '2026-03-16T11:00:00+01:00' },
      numberOfTenderers: 3,
    });
    expect(pkg.releases[0]!.tender.status).toBe('planned');
    expect(pkg.releases[2]!.tender.status).toBe('complete');
  });

  it('adds the award, the contract and its implementation at their stages', () => {
    const [, tender, award, contract, implementation] = pkg.releases;
    expect(tender!.awards).toBeUndefined();
    expect(award!.awards).toEqual([
      {
        id: 'ocds-sr0001-libramont-eclairage-2026-award-1',
        title: "Télégestion de l'éclairage public",
        status: 'active',
        date: '2026-04-14T00:00:00Z',
        value: { amount: 168_420.5, currency: 'EUR' },
        suppliers: [{ id: 'BE-BCE_KBO-0712345678', name: 'Lumière Ardenne SRL' }],
      },
    ]);
    expect(award!.contracts).toBeUndefined();
    expect(contract!.contracts?.[0]).toMatchObject({
      awardID: 'ocds-sr0001-libramont-eclairage-2026-award-1',
      status: 'active',
      period: { startDate: '2026-05-01T00:00:00Z', endDate: '2027-04-30T23:59:59Z' },
      dateSigned: '2026-04-16T00:00:00Z',
    });
    expect(contract!.contracts?.[0]?.implementation).toBeUndefined();
    expect(implementation!.contracts?.[0]?.implementation).toEqual({
      transactions: [
        {
          id: 't1',
          date: '2026-10-15T00:00:00Z',
          value: { amount: 101_052.3, currency: 'EUR' },
          payer: { id: 'BE-NIS-84077', name: 'Ville de Libramont-Chevigny' },
          payee: { id: 'BE-BCE_KBO-0712345678', name: 'Lumière Ardenne SRL' },
        },
      ],
      milestones: [
        {
          id: 'm1',
          title: 'Installation des contrôleurs',
          type: 'delivery',
          dueDate: '2026-09-30T23:59:59Z',
          dateMet: '2026-09-25T00:00:00Z',
          status: 'met',
        },
        {
          id: 'm2',
          title: 'Réception définitive',
          type: 'delivery',
          dueDate: '2027-04-30T23:59:59Z',
          status: 'scheduled',
        },
      ],
    });
    expect(implementation!.parties.map((p) => p.roles)).toEqual([
      ['buyer', 'procuringEntity', 'payer'],
      ['supplier', 'payee'],
    ]);
  });

  it('publishes a planned call-off as a direct award under the framework agreement', () => {
    const callOff = buildReleasePackage(plannedCallOff);
    expectStructurallyValid(callOff);
    expect(callOff.releases).toHaveLength(1);
    const [release] = callOff.releases;
    expect(release).toMatchObject({
      tag: ['planning'],
      date: '2026-11-30T09:00:00Z',
      tender: {
        id: 'ocds-sr0001-libramont-guichet-2027',
        status: 'planned',
        procurementMethod: 'direct',
        procurementMethodDetails: "Commande dans le marché-cadre de la centrale d'achat (IDELUX)",
        mainProcurementCategory: 'services',
      },
      relatedProcesses: [{ id: '1', relationship: ['framework'], title: "Marché-cadre d'applications Smart, lot 2" }],
    });
    expect(release!.planning).toEqual({});
  });

  it('waits for the notice before publishing a tender release when the procedure has one', () => {
    const specificationsOnly = {
      ...plannedCallOff,
      procedure: 'open' as const,
      framework: undefined,
      steps: [{ step: 'specifications' as const, actualDate: '2026-05-04' }],
    };
    expect(buildReleasePackage(specificationsOnly).releases.map((r) => r.tag)).toEqual([['planning']]);
    const invited = { ...specificationsOnly, procedure: 'negotiated-without-publication' as const };
    expect(buildReleasePackage(invited).releases.map((r) => [r.tag[0], r.date])).toEqual([
      ['planning', '2026-05-04T00:00:00Z'],
      ['tender', '2026-05-04T00:00:00Z'],
    ]);
  });

  it('maps every procedure to a method of the closed codelist', () => {
    for (const procedure of ProcurementProcedure.options) {
      const result = buildReleasePackage({
        ...plannedCallOff,
        procedure,
        framework: procedure === 'framework-call-off' ? plannedCallOff.framework : undefined,
      });
      expectStructurallyValid(result);
    }
  });

  it('refuses a contract without an award, a bad ocid prefix and a call-off without its framework', () => {
    const { award: _award, ...withoutAward } = completedProcurement;
    expect(() => buildReleasePackage(withoutAward)).toThrow(
      expect.objectContaining({ code: 'INVALID_OCDS_INPUT', params: expect.objectContaining({ field: 'contract' }) }),
    );
    expect(() => buildReleasePackage({ ...plannedCallOff, ocidPrefix: 'ocds-TOOLONG1' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OCDS_INPUT' }),
    );
    expect(() => buildReleasePackage({ ...plannedCallOff, framework: undefined })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ issue: 'CALL_OFF_NEEDS_FRAMEWORK' }) }),
    );
  });

  it('is plain JSON: nothing lost by serialising it', () => {
    expect(JSON.parse(JSON.stringify(pkg))).toEqual(pkg);
    walk(pkg, (_key, value) => expect(value).not.toBeUndefined());
  });
});
