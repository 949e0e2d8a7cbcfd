import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/domain/auth/roles.ts';
import { buildApp } from '../../src/server/app.ts';
import { UsersService } from '../../src/server/auth/users.service.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import type { DatabaseHandle } from '../../src/server/db/client.ts';
import { UnitOfWork } from '../../src/server/db/unit-of-work.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { createTestDatabase } from './test-database.ts';

export type TestUser = { id: string; email: string; password: string; role: Role; communeNis: string | null };

/** Speaks to the app as one signed-in user (cookie and CSRF token attached), or as the public. */
export type Client = {
  user: TestUser | null;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

export type TestApp = {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  createUser(role: Role, communeNis?: string | null): Promise<TestUser>;
  login(user: TestUser): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
};

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_MAX: '1000', SEED_DEMO: 'false', ...overrides });
}

export async function createTestApp(options: { env?: NodeJS.ProcessEnv; now?: () => Date } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(options.env);
  const app = await buildApp({ config, database, logger: false, ...(options.now ? { now: options.now } : {}) });
  await app.ready();
  const users = new UsersService(new UnitOfWork(database.db));

  const client = (user: TestUser | null, cookie: string | null, csrf: string | null): Client => {
    const request = (opts: InjectOptions) =>
      app.inject({
        ...opts,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          ...(opts.headers ?? {}),
        },
      });
    return {
      user,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, body) => request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
      patch: (url, body) =>
        request({ method: 'PATCH', url, ...(body === undefined ? {} : { payload: body as object }) }),
      put: (url, body) => request({ method: 'PUT', url, ...(body === undefined ? {} : { payload: body as object }) }),
      delete: (url) => request({ method: 'DELETE', url }),
    };
  };

  return {
    app,
    database,
    config,
    anonymous: client(null, null, null),
    async createUser(role, communeNis = null) {
      const email = `${role}-${randomBytes(4).toString('hex')}@test.local`;
      const password = randomBytes(18).toString('base64url');
      const { user } = await users.create(CLI_CONTEXT, {
        email,
        displayName: `Test ${role}`,
        role,
        communeNis,
        password,
      });
      return { id: user.id, email, password, role, communeNis };
    },
    async login(user) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      });
      if (response.statusCode !== 200) throw new Error(`login failed for ${user.email}: ${response.body}`);
      const setCookie = response.cookies.find((c) => c.name === 'sr_session');
      return client(user, `sr_session=${setCookie!.value}`, response.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
