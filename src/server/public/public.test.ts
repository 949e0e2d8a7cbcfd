import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { PublicCategories, PublicCategoryAdoption, PublicOverview } from '../../domain/public/overview.ts';
import type { PublicProgramme } from '../../domain/public/programme.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import {
  LIBRAMONT,
  type PublicScenario,
  SECRETS,
  seedPublicScenario,
  unpublishedProject,
} from './public-scenario.test-support.ts';

/**
 * The public scenario, seeded once, is what every test here reads; the one that publishes makes a project of its own
 * and withdraws it, leaving the scenario's projects as seeded.
 */
describe('public side: front page, commune programme, catalogue adoption', () => {
  let t: TestApp;
  let scenario: PublicScenario;

  beforeAll(async () => {
    t = await createTestApp();
    const consultant = await t.createUser('consultant');
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date('2026-03-01'), CLI_CONTEXT);
    scenario = await seedPublicScenario(t.app.services, consultant.id);
  });
  afterAll(async () => t?.close());

  it('gives the front page its figures and the published projects by commune, without an account', async () => {
    const response = await t.anonymous.get('/api/public/overview');
    expect(response.statusCode).toBe(200);
    const overview = response.json() as PublicOverview;
    expect(overview.agency).toBe('IDELUX Projets publics');
    expect(overview.figures.communesAccompanied).toBe(2);
    expect(overview.figures.publishedProjects).toBe(2);
    expect(overview.figures.projectsByStatus).toEqual({ planned: 2 });
    // The demo catalogue declares reference communes for its listed solutions (not for the one under watch).
    expect(overview.figures.communesUsingCatalogue).toBeGreaterThan(0);
    expect(overview.communes).toEqual([
      {
        nisCode: LIBRAMONT,
        name: 'Libramont-Chevigny',
        projects: [
          { status: 'planned', dimensions: ['environment'] },
          { status: 'planned', dimensions: ['environment'] },
        ],
      },
    ]);
  });

  it('reads a commune’s programme as a tree with progress rolled up, amounts only where published', async () => {
    const response = await t.anonymous.get(`/api/public/communes/${LIBRAMONT}/programme`);
    expect(response.statusCode).toBe(200);
    const programme = response.json() as PublicProgramme;
    expect(programme.communeName).toBe('Libramont-Chevigny');
    expect(programme.projectCount).toBe(2);
    expect(programme.progress).toBe(40);
    expect(programme.objectives.map((o) => [o.title, o.progress, o.projectCount])).toEqual([
      ['Une commune plus sobre en énergie', 60, 1],
      ['Des services en ligne pour tous', 20, 1],
    ]);
    const [energy, online] = programme.objectives;
    expect(energy!.children.map((c) => c.title)).toEqual(['Réduire la consommation de l’éclairage public']);
    const lighting = energy!.children[0]!.projects[0]!;
    expect(lighting.title).toBe('Éclairage public LED');
    expect(lighting.budget).toEqual({ planned: 80_000, spent: 42_500 });
    expect(lighting.milestones).toEqual([{ title: 'Marché attribué', dueDate: '2026-05-31', done: true }]);
    expect(lighting.indicators[0]).toMatchObject({ name: 'Consommation annuelle', latest: { value: 310 } });
    expect(online!.children[0]!.projects[0]!.budget).toBeNull();
    expect(response.body).not.toContain(SECRETS.unpublishedProject);
    expect(response.body).not.toContain(SECRETS.milestoneOwner);
    expect(response.body).not.toContain(String(SECRETS.hiddenAmount));
  });

  it('lets a commune editor publish a project with or without its amounts, audited', async () => {
    const editor = await t.login(await t.createUser('commune_editor', LIBRAMONT));
    const project = await unpublishedProject(t.app.services, scenario, 'Capteurs de présence sur l’éclairage');
    const answer = await editor.put(`/api/implementation/projects/${project}/publication`, {
      published: true,
      publishAmounts: false,
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ published: true, publishAmounts: false });
    let programme = (await t.anonymous.get(`/api/public/communes/${LIBRAMONT}/programme`)).json() as PublicProgramme;
    expect(programme.projectCount).toBe(3);
    const withdrawn = await editor.put(`/api/implementation/projects/${project}/publication`, {
      published: false,
    });
    expect(withdrawn.json()).toMatchObject({ published: false, publishAmounts: false });
    programme = (await t.anonymous.get(`/api/public/communes/${LIBRAMONT}/programme`)).json() as PublicProgramme;
    expect(programme.projectCount).toBe(2);
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: project, page: 1, pageSize: 10 } as never),
    );
    expect(JSON.stringify(audit)).toContain('implementation.unpublish');
  });

  it('answers 404 in French for an unknown commune or category', async () => {
    const commune = await t.anonymous.get('/api/public/communes/99999/programme');
    expect(commune.statusCode).toBe(404);
    expect(commune.json().error.code).toBe('COMMUNE_NOT_FOUND');
    const category = await t.anonymous.get('/api/public/catalogue/categories/nimporte-quoi');
    expect(category.statusCode).toBe(404);
  });

  it('lists which communes use which listed solution of a category, never one under watch', async () => {
    const categories = (await t.anonymous.get('/api/public/catalogue/categories')).json() as PublicCategories;
    expect(categories.find((c) => c.key === 'public-lighting')).toMatchObject({ solutions: 1, communes: 1 });
    const lighting = (
      await t.anonymous.get('/api/public/catalogue/categories/public-lighting')
    ).json() as PublicCategoryAdoption;
    expect(lighting.solutions.map((s) => [s.name, s.communes.map((c) => c.name)])).toEqual([
      ['LumiGest', ['Tintigny']],
    ]);
    const air = await t.anonymous.get('/api/public/catalogue/categories/air-quality');
    expect(air.statusCode).toBe(200);
    expect(air.body).not.toContain(SECRETS.watchSolution);
  });
});
