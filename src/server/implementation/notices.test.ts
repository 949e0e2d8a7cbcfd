import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSmtp } from '../../../test/support/fake-smtp.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { ProjectSheetCreateInput } from '../../domain/strategy/project-sheets.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

describe('alert notices by e-mail when SMTP is configured', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
  const clock = new Date('2026-07-02T09:00:00Z');

  beforeAll(async () => {
    smtp = await fakeSmtp();
    t = await createTestApp({
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_FROM: 'Smart Rural <alertes@smart-rural.test>',
      },
      now: () => clock,
    });
    const mission = await t.app.services.missions.create(CLI_CONTEXT, {
      title: 'Libramont-Chevigny Smart',
      communeNis: '84077',
      consultantIds: [],
      startDate: '2026-01-15',
    });
    await t.app.services.missions.update(CLI_CONTEXT, mission.id, { phase: 'implementation' });
    const sheet = await t.app.services.strategy.sheets.createProject(
      CLI_CONTEXT,
      mission.id,
      ProjectSheetCreateInput.parse({ title: 'Wi-Fi public', status: 'approved' }),
    );
    await t.app.services.implementation.items.addMilestone(CLI_CONTEXT, sheet.id, {
      title: 'Installation des bornes',
      dueDate: '2026-06-15',
      owner: null,
      doneDate: null,
    });
  });
  afterAll(async () => {
    await t.close();
    smtp.server.close();
  });

  it('sends each new alert once to the commune’s users, and logs it as sent by e-mail', async () => {
    const editor = await t.createUser('commune_editor', '84077');
    await t.createUser('commune_editor', '81001'); // Arlon: nothing to tell
    const first = await t.app.services.notices.run();
    expect(first.alertNotices).toBe(1);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail).toContain(`To: ${editor.email}`);
    expect(mail).toContain('alertes@smart-rural.test');
    expect(mail).toMatch(/Installation des bornes/);
    expect((await t.app.services.notices.run()).alertNotices).toBe(0);
    const log = await t.app.services.notices.notices(CLI_CONTEXT.actor);
    expect(log.map((n) => [n.email, n.transport, n.error])).toEqual([[editor.email, 'smtp', null]]);
  });

  it('refuses a wrong SMTP setting at start-up', async () => {
    const { loadConfig } = await import('../config.ts');
    expect(() => loadConfig({ SMTP_HOST: 'mail.example', SMTP_PORT: 'vingt-cinq' })).toThrow(/SMTP_PORT/);
  });
});
