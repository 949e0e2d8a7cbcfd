import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { LIBRAMONT, SECRETS, seedPublicScenario } from './public-scenario.test-support.ts';

describe('the embeddable widget of a commune’s Smart projects', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPublicScenario(t.app.services, (await t.createUser('consultant')).id);
  });
  afterAll(async () => t?.close());

  it('is one HTML page any site may frame, with no script, showing the published projects only', async () => {
    const response = await t.anonymous.get(`/embed/communes/${LIBRAMONT}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(response.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.body).not.toMatch(/<script/i);
    expect(response.body).toContain('Projets Smart de la commune de Libramont-Chevigny');
    expect(response.body).toContain('Éclairage public LED');
    expect(response.body).toContain('Avancement : 60 %');
    expect(response.body).not.toContain(SECRETS.unpublishedProject);
  });

  it('answers 404 in French for an unknown commune', async () => {
    const response = await t.anonymous.get('/embed/communes/99999');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('99999');
  });
});
