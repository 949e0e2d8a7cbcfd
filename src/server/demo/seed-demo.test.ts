import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { DIMENSIONS } from '../../domain/shared/dimensions.ts';
import { buildServices, type Services } from '../app.ts';
import type { UserActor } from '../auth/policy.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import { prepareDatabase } from '../setup.ts';
import type { DemoSummary } from './seed-demo.ts';

/**
 * Issue 11: the demo workspace shows the agency's portfolio at work. Loaded as a first start loads it, then read
 * through the services as each demo role reads it.
 */
describe('the demo workspace', () => {
  let database: DatabaseHandle;
  let s: Services;
  let summary: DemoSummary | null = null;
  const actors: Record<string, UserActor> = {};
  const today = new Date();

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig({ SEED_DEMO: 'true' });
    await prepareDatabase(database, config, { today, onDemo: (demo) => (summary = demo) });
    s = buildServices(database, config, () => new Date(), { error: () => undefined });
    for (const user of await s.users.list({ actor: { kind: 'system', label: 'cli' }, ip: null })) {
      actors[user.email] = {
        kind: 'user',
        id: user.id,
        email: user.email,
        role: user.role,
        communeNis: user.communeNis,
        sessionId: 'test',
      };
    }
  }, 300_000);
  afterAll(async () => {
    await s?.planner.close();
    await database?.close();
  });

  const consultant = () => actors['consultant@demo.smart-rural.local']!;
  const arlonViewer = () => actors['arlon-lecture@demo.smart-rural.local']!;
  const tintigny = () => actors['tintigny@demo.smart-rural.local']!;

  it('has one mission per beneficiary of the portfolio, at every phase', async () => {
    expect(summary).toMatchObject({ missions: 6, needs: expect.any(Number), seconds: expect.any(Number) });
    const missions = await s.missions.list(consultant(), {});
    const byName = Object.fromEntries(
      missions.map((m) => [m.beneficiary.siteName ?? m.beneficiary.communeName, m.phase]),
    );
    expect(byName).toEqual({
      Arlon: 'implementation',
      Tintigny: 'implementation',
      Aubange: 'planning',
      'Libramont-Chevigny': 'diagnostic',
      'Marche-en-Famenne': 'closed',
      'Bastogne War Museum': 'diagnostic',
    });
  });

  it('a diagnostic under way: interviews, answered self-assessments and a link still waiting', async () => {
    const [libramont] = await s.missions.list(consultant(), { communeNis: '84077' });
    const interviews = await s.diagnostic.interviews.list(consultant(), libramont!.id);
    expect(interviews.filter((i) => i.source === 'interview').length).toBeGreaterThanOrEqual(2);
    expect(interviews.filter((i) => i.source === 'self_assessment')).toHaveLength(2);
    expect(interviews.some((i) => i.answered < i.questions)).toBe(true);
    const links = await s.diagnostic.selfAssessment.list(consultant(), libramont!.id);
    expect(links.map((l) => l.status).sort()).toEqual(['pending', 'used', 'used']);
  });

  it('a strategy: SWOT, scored sheets, weights and a computed plan', async () => {
    const [aubange] = await s.missions.list(consultant(), { communeNis: '81004' });
    expect((await s.diagnostic.swot.list(consultant(), aubange!.id)).items.length).toBeGreaterThanOrEqual(4);
    const state = await s.strategy.state.state(consultant(), aubange!.id);
    expect(state.projects).toHaveLength(5);
    expect(state.evaluations.length).toBeGreaterThanOrEqual(5 * 6);
    expect(new Set(state.criteria.map((c) => c.weight)).size).toBeGreaterThan(1);
    const plan = await s.strategy.plan.plan(consultant(), aubange!.id);
    expect(plan.run?.status).toBe('done');
    expect(plan.run?.requestedBy).toBe('(démo)');
    expect(plan.stale).toBe(false);
    expect(plan.run?.result?.placements.length).toBeGreaterThan(0);
  });

  it('implementation: projects in procurement, in progress and delivered, a late milestone, an OCDS export', async () => {
    const [arlon] = await s.missions.list(arlonViewer(), {});
    const implementation = await s.implementation.followUp.missionImplementation(arlonViewer(), arlon!.id);
    expect(implementation.projects.map((p) => p.status).sort()).toEqual([
      'delivered',
      'in-progress',
      'planned',
      'procurement',
    ]);
    const alerts = (await s.implementation.province.alerts(arlonViewer())).alerts;
    expect(alerts.some((a) => a.kind === 'milestone-late' && a.subject === 'Formation des agents')).toBe(true);
    const delivered = implementation.projects.find((p) => p.status === 'delivered')!;
    const followUp = await s.implementation.followUp.followUp(arlonViewer(), delivered.id);
    expect(followUp.indicators[0]!.measurements.length).toBeGreaterThanOrEqual(3);
    expect(followUp.budget.length).toBeGreaterThan(0);
    const inProcurement = implementation.projects.find((p) => p.status === 'procurement')!;
    const ocds = await s.implementation.procurement.ocds(consultant(), inProcurement.id, 'http://localhost:3000');
    expect(ocds.releases[0]!.tender).toMatchObject({ id: expect.any(String), status: expect.any(String) });
    const tintignyProjects = (await s.implementation.province.alerts(tintigny())).alerts;
    expect(tintignyProjects.every((a) => a.communeNis === '85039')).toBe(true);
  });

  it('publishes progress on the public pages of the communes with projects', async () => {
    const published = await s.implementation.province.publishedCommunes();
    expect(published.map((c) => c.name).sort()).toEqual(['Arlon', 'Marche-en-Famenne', 'Tintigny']);
    const arlon = await s.implementation.province.publicProgress('81001');
    expect(arlon.projects.length).toBeGreaterThanOrEqual(2);
  });

  it('a needs register of 60+ needs in 15+ communes, grouped, polled, one group bought together', async () => {
    const needs = await s.needs.list(consultant(), {});
    expect(needs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(needs.map((n) => n.communeNis)).size).toBeGreaterThanOrEqual(15);
    const groups = await s.mutualisation.listGroups(consultant(), {});
    expect(groups.filter((g) => g.communeCount >= 3).length).toBeGreaterThanOrEqual(5);
    const details = await Promise.all(groups.map((g) => s.mutualisation.getGroup(consultant(), g.id)));
    const bought = details.filter((g) => g.purchase);
    expect(bought).toHaveLength(1);
    expect(bought[0]!.polls[0]!.answers.length).toBeGreaterThanOrEqual(3);
    expect(details.filter((g) => g.polls.length > 0)).toHaveLength(2);
  });

  it('a catalogue of 12+ listed solutions over the six dimensions, an agreement consumed by several communes', async () => {
    const listed = await s.catalogue.list(consultant(), { status: ['listed'] });
    expect(listed.length).toBeGreaterThanOrEqual(12);
    expect(new Set(listed.flatMap((x) => x.dimensions))).toEqual(new Set(DIMENSIONS));
    expect(listed.every((x) => x.demo && x.vendor.includes('(démo)'))).toBe(true);
    expect(listed.filter((x) => x.interoperability.openApi).length).toBeGreaterThan(6);
    const [agreement] = await s.catalogue.agreements(consultant());
    expect(agreement!.lots).toHaveLength(4);
    const callOffs = await s.catalogue.callOffs(consultant(), {});
    expect(new Set(callOffs.map((c) => c.communeNis)).size).toBeGreaterThanOrEqual(5);
    const watch = await s.watch.feed(consultant(), { limit: 50 });
    expect(
      watch.some((item) => item.title.startsWith('Jumeau') && item.solutions.some((x) => x.name === 'Jumeau Lumière')),
    ).toBe(true);
  });

  it('every write of the demo is audited as « démo »', async () => {
    // What the tests above did themselves (exporting OCDS publishes, as the consultant) is not the demo's.
    const rows = (
      await database.db.select({ actor: auditLog.actorEmail, action: auditLog.action }).from(auditLog)
    ).filter((r) => r.action !== 'ocds.release.publish' || r.actor === '(démo)');
    const demoRows = rows.filter((r) => r.actor === '(démo)');
    expect(demoRows.length).toBeGreaterThan(300);
    expect(new Set(rows.map((r) => r.actor))).toEqual(new Set(['(bootstrap)', '(démo)']));
  });

  it('is deterministic: loaded again on the same day, the same content', async () => {
    const fingerprint = async (services: Services) => {
      const actor = { kind: 'system', label: 'cli' } as const;
      const missions = await services.missions.list(actor, {});
      const maturity = await Promise.all(
        missions.map(async (m) => [m.title, (await services.diagnostic.results.results(actor, m.id)).overall.mean]),
      );
      const aubange = missions.find((m) => m.beneficiary.communeNis === '81004')!;
      const state = await services.strategy.state.state(actor, aubange.id);
      const titleOf = new Map(state.projects.map((p) => [p.id, p.title]));
      const plan = (await services.strategy.plan.plan(actor, aubange.id)).run?.result?.placements ?? [];
      const groups = await Promise.all(
        (await services.mutualisation.listGroups(actor, {})).map(async (g) =>
          (await services.mutualisation.getGroup(actor, g.id)).needs.map((n) => `${n.communeNis} ${n.title}`).sort(),
        ),
      );
      const milestones = (await services.implementation.province.alerts(actor)).alerts.map(
        (a) => `${a.subject} ${a.date}`,
      );
      return {
        maturity: maturity.sort(),
        plan: plan.map((p) => `${titleOf.get(p.projectId)} ${p.horizon}`).sort(),
        groups: groups.map((g) => g.join(' | ')).sort(),
        alerts: milestones.sort(),
      };
    };
    const again = await createTestDatabase();
    const config = testConfig({ SEED_DEMO: 'true' });
    const services = buildServices(again, config, () => new Date(), { error: () => undefined });
    try {
      await prepareDatabase(again, config, { today });
      const first = await fingerprint(s);
      expect(first.groups.length).toBeGreaterThan(5);
      expect(first.alerts.length).toBeGreaterThan(0);
      expect(await fingerprint(services)).toEqual(first);
    } finally {
      await services.planner.close();
      await again.close();
    }
  }, 300_000);
});
