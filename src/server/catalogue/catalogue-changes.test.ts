import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Agreement, CallOff, CallOffTotals } from '../../domain/catalogue/agreements.ts';
import type { SearchResult } from '../../domain/catalogue/search.ts';
import type { Solution } from '../../domain/catalogue/solutions.ts';
import { adhere, agreementWithLot, listedSolution, order, placedCallOff } from './catalogue.test-support.ts';

/**
 * What changes after creation, through the API on the real database: a solution's uploaded logo and screenshots
 * (limits, type by magic bytes, served from the app's origin), an agreement's edit (ceiling and period against the
 * call-offs), and a call-off's cancellation (who, until when; the ceilings freed). Each test makes its own solution,
 * agreement and call-offs, ordering for a commune no other test of this file orders for.
 */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(
    '0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa6e3b7c60000000049454e44ae426082',
    'hex',
  ),
]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8L'),
  Buffer.alloc(14, 1),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 7)]);

describe('catalogue changes after creation', () => {
  const clock = new Date();
  let t: TestApp;
  let consultant: Client;
  const year = new Date().getUTCFullYear();

  const fresh = async (agreement: Agreement) =>
    (await consultant.get(`/api/catalogue/agreements/${agreement.id}`)).json() as Agreement;
  const auditActions = async (entityId: string) =>
    (await t.app.services.uow.read((repos) => repos.audit.search({ entityId, page: 1, pageSize: 50 }))).items.map(
      (e: { action: string }) => e.action,
    );

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    consultant = await signedIn(t, 'consultant');
  }, 60_000);
  afterAll(() => t.close());

  describe('logo and screenshots', () => {
    const upload = (client: Client, solution: Solution, kind: string, bytes: Buffer, caption?: string) =>
      client.post(`/api/catalogue/solutions/${solution.id}/images`, {
        kind,
        content: bytes.toString('base64'),
        ...(caption ? { caption } : {}),
      });

    /** A solution with a PNG logo and four screenshots, « Écran 1 » to « Écran 4 ». */
    async function solutionWithGallery(name: string): Promise<Solution> {
      const solution = await listedSolution(consultant, name);
      expect((await upload(consultant, solution, 'logo', PNG)).statusCode).toBe(201);
      let current = solution;
      for (const [i, bytes] of [PNG, JPEG, WEBP, JPEG].entries()) {
        const shot = await upload(consultant, solution, 'screenshot', bytes, `Écran ${i + 1}`);
        expect(shot.statusCode, shot.body).toBe(201);
        current = shot.json();
      }
      return current;
    }

    it('keeps an uploaded logo and serves it from the app’s origin, as an image that cannot be sniffed', async () => {
      const arlon = await signedIn(t, 'commune_editor', '81001');
      const solution = await listedSolution(consultant, 'Éclairo');
      const response = await upload(consultant, solution, 'logo', PNG);
      expect(response.statusCode, response.body).toBe(201);
      const updated = response.json() as Solution;
      expect(updated.logo?.url).toMatch(/^\/api\/catalogue\/images\/[0-9a-f-]{36}$/);
      const image = await arlon.get(updated.logo!.url);
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.headers['x-content-type-options']).toBe('nosniff');
      expect(image.headers['cache-control']).toContain('max-age=31536000');
      expect(Buffer.compare(image.rawPayload, PNG)).toBe(0);
      // a new logo replaces the old one, whose address is gone
      const again = (await upload(consultant, solution, 'logo', WEBP)).json() as Solution;
      expect(again.logo!.id).not.toBe(updated.logo!.id);
      expect((await arlon.get(updated.logo!.url)).statusCode).toBe(404);
      expect((await arlon.get(again.logo!.url)).headers['content-type']).toBe('image/webp');
      // search hits carry the logo
      const hits = (await arlon.get('/api/catalogue/search?q=eclairo')).json() as SearchResult;
      expect(hits.hits[0]!.logo).toBe(again.logo!.url);
      expect(await auditActions(solution.id)).toContain('catalogue.image.create');
    });

    it('refuses a file that is no image whatever its name, a logo too large, and a fifth screenshot', async () => {
      const arlon = await signedIn(t, 'commune_editor', '81001');
      const solution = await listedSolution(consultant, 'Lumen Galerie');
      const html = await upload(
        consultant,
        solution,
        'screenshot',
        Buffer.from('<html><script>alert(1)</script></html>'),
      );
      expect(html.statusCode).toBe(422);
      expect(html.json().error.code).toBe('IMAGE_TYPE');
      const svg = await upload(consultant, solution, 'logo', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
      expect(svg.json().error.code).toBe('IMAGE_TYPE');
      const big = await upload(consultant, solution, 'logo', Buffer.concat([PNG, Buffer.alloc(128 * 1024)]));
      expect(big.statusCode).toBe(422);
      expect(big.json().error.code).toBe('IMAGE_TOO_LARGE');
      const tooBigShot = await upload(
        consultant,
        solution,
        'screenshot',
        Buffer.concat([JPEG, Buffer.alloc(512 * 1024)]),
      );
      expect(tooBigShot.json().error.code).toBe('IMAGE_TOO_LARGE');
      for (const [i, bytes] of [PNG, JPEG, WEBP, JPEG].entries()) {
        const shot = await upload(consultant, solution, 'screenshot', bytes, `Écran ${i + 1}`);
        expect(shot.statusCode, shot.body).toBe(201);
      }
      const fifth = await upload(consultant, solution, 'screenshot', PNG);
      expect(fifth.json().error.code).toBe('TOO_MANY_SCREENSHOTS');
      const current = (await arlon.get(`/api/catalogue/solutions/${solution.id}`)).json() as Solution;
      expect(current.gallery.map((g) => g.caption)).toEqual(['Écran 1', 'Écran 2', 'Écran 3', 'Écran 4']);
      // nothing half-written by the refusals
      expect(current.gallery).toHaveLength(4);
    });

    it('lets only agency staff upload or remove, and removes a screenshot', async () => {
      const arlon = await signedIn(t, 'commune_editor', '81001');
      const solution = await solutionWithGallery('Lumen Vitrine');
      expect((await upload(arlon, solution, 'screenshot', PNG)).statusCode).toBe(403);
      const current = (await consultant.get(`/api/catalogue/solutions/${solution.id}`)).json() as Solution;
      const first = current.gallery[0]!;
      expect((await arlon.delete(`/api/catalogue/solutions/${solution.id}/images/${first.id}`)).statusCode).toBe(403);
      const removed = await consultant.delete(`/api/catalogue/solutions/${solution.id}/images/${first.id}`);
      expect(removed.statusCode, removed.body).toBe(200);
      expect((removed.json() as Solution).gallery.map((g) => g.caption)).toEqual(['Écran 2', 'Écran 3', 'Écran 4']);
      expect((await consultant.get(first.url)).statusCode).toBe(404);
      expect((await t.anonymous.get(current.logo!.url)).statusCode).toBe(401);
    });
  });

  describe('agreement edit and call-off cancellation', () => {
    it('changes an agreement’s title, description, period and ceiling, audited', async () => {
      const arlon = await signedIn(t, 'commune_editor', '81001');
      const agreement = await agreementWithLot(consultant, await listedSolution(consultant, 'Lumen Accord'), {
        reference: 'CHANGES-01',
      });
      const response = await consultant.patch(`/api/catalogue/agreements/${agreement.id}`, {
        title: 'Éclairage intelligent',
        description: 'Télégestion des luminaires.',
        endDate: `${year + 3}-12-31`,
        ceiling: 12_000,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json() as Agreement).toMatchObject({
        reference: 'CHANGES-01',
        title: 'Éclairage intelligent',
        description: 'Télégestion des luminaires.',
        endDate: `${year + 3}-12-31`,
        consumption: { ceiling: 12_000, ordered: 0 },
      });
      expect((await arlon.patch(`/api/catalogue/agreements/${agreement.id}`, { title: 'X' })).statusCode).toBe(403);
      expect(await auditActions(agreement.id)).toContain('catalogue.agreement.update');
    });

    it('refuses a ceiling below what was ordered and a period that no longer covers the call-offs', async () => {
      const arlon = await signedIn(t, 'commune_editor', '81001');
      const agreement = await agreementWithLot(consultant, await listedSolution(consultant, 'Lumen Plafond'), {
        ceiling: 12_000,
      });
      await adhere(arlon, agreement, '81001');
      await placedCallOff(arlon, agreement, '81001', 3000);
      const low = await consultant.patch(`/api/catalogue/agreements/${agreement.id}`, { ceiling: 2999.99 });
      expect(low.statusCode).toBe(422);
      expect(low.json().error.code).toBe('AGREEMENT_CEILING_BELOW_ORDERED');
      const today = clock.toISOString().slice(0, 10);
      const late = await consultant.patch(`/api/catalogue/agreements/${agreement.id}`, {
        startDate: `${year + 1}-01-01`,
      });
      expect(late.json().error.code).toBe('AGREEMENT_PERIOD_EXCLUDES_CALL_OFFS');
      const early = await consultant.patch(`/api/catalogue/agreements/${agreement.id}`, {
        endDate: `${year - 1}-06-30`,
      });
      expect(early.json().error.code).toBe('AGREEMENT_PERIOD_EXCLUDES_CALL_OFFS');
      const reversed = await consultant.patch(`/api/catalogue/agreements/${agreement.id}`, {
        startDate: `${year + 5}-01-01`,
      });
      expect(reversed.statusCode).toBe(422);
      expect((await fresh(agreement)).consumption).toMatchObject({ ceiling: 12_000, ordered: 3000 });
      // down to exactly what was ordered is allowed, and a period starting on the day of the order
      const exact = await consultant.patch(`/api/catalogue/agreements/${agreement.id}`, {
        ceiling: 3000,
        startDate: today,
      });
      expect(exact.statusCode, exact.body).toBe(200);
      expect((await order(arlon, agreement, '81001', 1)).json().error.code).toBe('AGREEMENT_CEILING_EXCEEDED');
    });

    it('lets the ordering commune cancel a recent order, which frees both ceilings', async () => {
      // Attert orders up to the agreement's ceiling of 3 000 €; Aubange's editor is another commune's.
      const attert = await signedIn(t, 'commune_editor', '81003');
      const aubange = await signedIn(t, 'commune_editor', '81004');
      const solution = await listedSolution(consultant, 'Lumen Annulation');
      const agreement = await agreementWithLot(consultant, solution, { ceiling: 3000 });
      await adhere(attert, agreement, '81003');
      const first = await placedCallOff(attert, agreement, '81003', 3000);
      expect((await aubange.post(`/api/catalogue/call-offs/${first.id}/cancel`, { reason: 'Erreur' })).statusCode).toBe(
        403,
      );
      expect((await attert.post(`/api/catalogue/call-offs/${first.id}/cancel`, { reason: '' })).statusCode).toBe(400);
      const cancelled = await attert.post(`/api/catalogue/call-offs/${first.id}/cancel`, {
        reason: 'Commandé deux fois par erreur',
      });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json() as CallOff).toMatchObject({ cancellationReason: 'Commandé deux fois par erreur' });
      expect((cancelled.json() as CallOff).cancelledAt).not.toBeNull();
      const after = await fresh(agreement);
      expect(after.consumption).toMatchObject({ ceiling: 3000, ordered: 0, remaining: 3000 });
      expect(after.lots[0]!.consumption).toMatchObject({ ordered: 0, remaining: 5000 });
      const again = await attert.post(`/api/catalogue/call-offs/${first.id}/cancel`, { reason: 'Encore' });
      expect(again.json().error.code).toBe('CALL_OFF_ALREADY_CANCELLED');
      // still listed, marked cancelled; no longer in the totals nor the adoption
      const mine = (await attert.get('/api/catalogue/call-offs')).json() as CallOff[];
      expect(mine.map((c) => c.cancelledAt !== null)).toEqual([true]);
      const totals = (
        await consultant.get(`/api/catalogue/call-offs/totals?agreement=${agreement.id}`)
      ).json() as CallOffTotals;
      expect(totals.byCommune).toEqual([]);
      expect((await attert.get(`/api/catalogue/solutions/${solution.id}`)).json().usedBy).toEqual([]);
      // the freed amount can be ordered again, up to the ceiling
      expect((await order(attert, agreement, '81003', 3000)).statusCode).toBe(201);
      expect(await auditActions(first.id)).toEqual(expect.arrayContaining(['catalogue.call_off.cancel']));
    });

    it('leaves an order older than 14 days to the agency', async () => {
      const messancy = await signedIn(t, 'commune_editor', '81015');
      const agreement = await agreementWithLot(consultant, await listedSolution(consultant, 'Lumen Ancienne'));
      await adhere(messancy, agreement, '81015');
      await placedCallOff(messancy, agreement, '81015', 3000);
      const [current] = ((await messancy.get('/api/catalogue/call-offs')).json() as CallOff[]).filter(
        (c) => c.cancelledAt === null,
      );
      // an order placed 15 days ago (sessions would expire if the clock moved instead)
      await t.database.db.execute(
        sql`update call_offs set ordered_at = now() - interval '15 days' where id = ${current!.id}`,
      );
      const late = await messancy.post(`/api/catalogue/call-offs/${current!.id}/cancel`, { reason: 'Trop tard' });
      expect(late.statusCode).toBe(422);
      expect(late.json().error.code).toBe('CALL_OFF_CANCEL_TOO_LATE');
      const byAgency = await consultant.post(`/api/catalogue/call-offs/${current!.id}/cancel`, {
        reason: 'Le fournisseur n’a pas livré',
      });
      expect(byAgency.statusCode, byAgency.body).toBe(200);
      expect((await fresh(agreement)).consumption).toMatchObject({ ordered: 0 });
    });
  });
});
