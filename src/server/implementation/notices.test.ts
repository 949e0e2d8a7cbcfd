import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { ProjectSheetCreateInput } from '../../domain/strategy/project-sheets.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

/** A minimal SMTP server that accepts every message and keeps it, enough for nodemailer on a plain connection. */
function fakeSmtp(): Promise<{ server: Server; port: number; messages: string[] }> {
  const messages: string[] = [];
  const server = createServer((socket) => {
    let data: string | null = null;
    socket.write('220 fake.smtp ESMTP\r\n');
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (data !== null) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        messages.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 5);
        data = null;
        socket.write('250 OK queued\r\n');
      }
      let newline = buffer.indexOf('\r\n');
      while (newline >= 0 && data === null) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-fake.smtp\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO' || verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET') socket.write('250 OK\r\n');
        else if (verb === 'DATA') {
          data = '';
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 Bye\r\n');
        } else socket.write('250 OK\r\n');
        newline = buffer.indexOf('\r\n');
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0, messages });
    });
  });
}

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
    const sheet = await t.app.services.strategy.createProject(
      CLI_CONTEXT,
      mission.id,
      ProjectSheetCreateInput.parse({ title: 'Wi-Fi public', status: 'approved' }),
    );
    await t.app.services.implementation.addMilestone(CLI_CONTEXT, sheet.id, {
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
