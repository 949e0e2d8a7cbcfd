import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import type { Role } from '../../src/domain/auth/roles.ts';
import { buildApp, type Services } from '../../src/server/app.ts';
import type { CreatedAccount } from '../../src/server/auth/bootstrap.ts';
import { UsersService } from '../../src/server/auth/users.service.ts';
import { UnitOfWork } from '../../src/server/db/unit-of-work.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { prepareDatabase } from '../../src/server/setup.ts';
import { testConfig } from '../../test/support/test-app.ts';
import { createTestDatabase } from '../../test/support/test-database.ts';

export type E2eUser = { id: string; email: string; password: string; displayName: string; role: Role };

export type E2eApp = {
  /** http://127.0.0.1:<port>, the real server with the built web app */
  baseUrl: string;
  createUser(input: { role: Role; displayName: string; communeNis?: string | null; email?: string }): Promise<E2eUser>;
  /** The app's services, to load fixtures (e.g. the demo catalogue) without going through the screens. */
  services: Services;
  /** With `demo`: the accounts the first start created and printed, passwords included. */
  accounts: CreatedAccount[];
  close(): Promise<void>;
};

/**
 * The real server for one spec file: a fresh copy of the seeded test database, the web build of the global
 * setup, listening on a free port of 127.0.0.1.
 */
export async function startApp(options: { now?: () => Date; demo?: boolean } = {}): Promise<E2eApp> {
  const database = await createTestDatabase();
  const config = testConfig({ WEB_DIST_DIR: inject('webDist'), SEED_DEMO: options.demo ? 'true' : 'false' });
  // The demo workspace as `npm start` makes it on a new database: first accounts, then the demo.
  const accounts = options.demo ? await prepareDatabase(database, config) : [];
  const app = await buildApp({
    config,
    database,
    logger: false,
    ...(options.now ? { now: options.now } : {}),
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    await database.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const users = new UsersService(new UnitOfWork(database.db));

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    services: app.services,
    accounts,
    async createUser({ role, displayName, communeNis = null, email }) {
      const address = email ?? `${role.replace('_', '-')}-${randomBytes(4).toString('hex')}@e2e.test`;
      const password = randomBytes(18).toString('base64url');
      const { user } = await users.create(CLI_CONTEXT, { email: address, displayName, role, communeNis, password });
      return { id: user.id, email: address, password, displayName, role };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
