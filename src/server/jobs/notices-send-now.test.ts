import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildApp, NOTICES_JOB } from '../app.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

const ARLON = '81001';

/**
 * Issue 15 (decision 110): the period's notices pass runs once across instances, but an admin's « send now » ran a
 * pass of its own at once in its instance, alongside the period's pass or another « send now » elsewhere: both read
 * what was already sent before either wrote, and the same notice went out twice. « Send now » is now a job of the
 * queue with the period's key, so the passes run one after the other and the second finds nothing left to send.
 */
describe('« send now » and the period’s notices pass on two instances', () => {
  let t: TestApp;
  let second: FastifyInstance;
  let editorEmail: string;

  beforeAll(async () => {
    t = await createTestApp();
    second = await buildApp({ config: t.config, database: t.database, logger: false });
    await second.ready();
    const need = await t.app.services.needs.create(CLI_CONTEXT, {
      communeNis: ARLON,
      title: 'Éclairage public LED',
      description: '',
      dimensions: [],
      category: 'public-lighting',
      urgency: 'medium',
      estimatedBudget: null,
      timeframe: null,
      source: 'direct',
      sourceRef: null,
    });
    const group = await t.app.services.uow.write((repos) =>
      repos.mutualisationGroups.insertGroup(
        { label: 'Éclairage public intelligent', reason: 'test', status: 'confirmed' },
        [need.id],
      ),
    );
    await t.app.services.mutualisation.createPoll(CLI_CONTEXT, group.id, {
      question: 'Rejoignez-vous l’achat groupé de luminaires LED ?',
      unit: 'point lumineux',
      deadline: '2099-12-31',
      audience: 'group',
    });
    editorEmail = (await t.createUser('commune_editor', ARLON)).email;
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('sends the poll’s notice once when both instances « send now » while the period’s pass is queued', async () => {
    const [onFirst, onSecond] = await Promise.all([
      t.app.services.notices.runNow(CLI_CONTEXT),
      second.services.notices.runNow(CLI_CONTEXT),
      second.services.jobs.sendOncePer(NOTICES_JOB, 3600),
    ]);
    // One of the passes sent it; the other found it sent.
    expect([onFirst.otherNotices ?? 0, onSecond.otherNotices ?? 0].sort()).toEqual([0, 1]);
    const log = await t.app.services.notices.notices(CLI_CONTEXT.actor);
    expect(log.filter((n) => n.email === editorEmail && n.kind === 'poll')).toHaveLength(1);
  });
});
