import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSmtp } from '../../../test/support/fake-smtp.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

const ARLON = '81001';
const AUBANGE = '81004';

/** The text of a mail as its reader sees it (quoted-printable undone). */
function readable(mail: string): string {
  const body = mail.replace(/=\r\n/g, '');
  const bytes = Buffer.from(
    body.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  );
  return bytes.toString('utf8');
}

/**
 * Issue 10, defect 7: polls reached nobody. A commune editor asked in a poll now finds it in the bell (the open
 * polls it has not answered) and receives it once by e-mail, through the notices pass, with the link to answer.
 */
describe('interest polls reach the communes asked', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
  let arlonEditor: Client;
  let pollId: string;

  beforeAll(async () => {
    smtp = await fakeSmtp();
    t = await createTestApp({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL: 'https://smart-rural.test/' },
    });
    const needIds: string[] = [];
    for (const communeNis of [ARLON, AUBANGE]) {
      const need = await t.app.services.needs.create(CLI_CONTEXT, {
        communeNis,
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
      needIds.push(need.id);
    }
    const group = await t.app.services.uow.write((repos) =>
      repos.mutualisationGroups.insertGroup(
        { label: 'Éclairage public intelligent', reason: 'test', status: 'confirmed' },
        needIds,
      ),
    );
    pollId = (
      await t.app.services.mutualisation.createPoll(CLI_CONTEXT, group.id, {
        question: 'Rejoignez-vous l’achat groupé de luminaires LED ?',
        unit: 'point lumineux',
        deadline: '2099-12-31',
        audience: 'group',
      })
    ).id;
    arlonEditor = await t.login(await t.createUser('commune_editor', ARLON));
  });
  afterAll(async () => {
    await t.close();
    smtp.server.close();
  });

  it('e-mails each editor of the communes asked once, with the link to the answer form; not viewers, not others', async () => {
    const aubangeEditor = await t.createUser('commune_editor', AUBANGE);
    const arlonViewer = await t.createUser('commune_viewer', ARLON);
    const habayEditor = await t.createUser('commune_editor', '85046');
    const first = await t.app.services.notices.run();
    expect(first.otherNotices).toBe(2);
    const mails = smtp.messages.map(readable);
    const to = (email: string) => mails.filter((m) => m.includes(`To: ${email}`));
    expect(to(arlonEditor.user!.email)).toHaveLength(1);
    expect(to(aubangeEditor.email)).toHaveLength(1);
    expect(to(arlonViewer.email)).toHaveLength(0);
    expect(to(habayEditor.email)).toHaveLength(0);
    const mail = to(aubangeEditor.email)[0]!;
    expect(mail).toContain('Éclairage public intelligent');
    expect(mail).toContain('31/12/2099');
    expect(mail).toContain(`https://smart-rural.test/needs?tab=polls&poll=${pollId}`);
    // Once is enough.
    expect((await t.app.services.notices.run()).otherNotices ?? 0).toBe(0);
    const log = await t.app.services.notices.notices(CLI_CONTEXT.actor);
    expect(log.filter((n) => n.kind === 'poll').map((n) => n.transport)).toEqual(['smtp', 'smtp']);
  });

  it('the bell lists the open polls the editor has not answered, until answered', async () => {
    const open = async () =>
      (
        (await arlonEditor.get('/api/mutualisation/polls/mine')).json() as {
          id: string;
          answers: { answer: string | null }[];
        }[]
      )
        .filter((p) => p.answers[0]?.answer === null)
        .map((p) => p.id);
    expect(await open()).toEqual([pollId]);
    const answered = await arlonEditor.post(`/api/mutualisation/polls/${pollId}/answers`, {
      answer: 'yes',
      quantity: 200,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await open()).toEqual([]);
  });
});
