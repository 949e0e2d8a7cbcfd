import { resolve } from 'node:path';
import { z } from 'zod';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

/** Every setting the server reads from the environment, checked once at start-up. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ADMIN_EMAIL: z
    .email()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ADMIN_PASSWORD: z
    .string()
    .min(12, 'must have at least 12 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SEED_DEMO: flag(true),
  AGENCY_NAME: z.string().min(1).max(200).default('IDELUX Projets publics'),
  OCDS_PREFIX: z
    .string()
    .regex(
      /^ocds-[a-z0-9]{6}$/,
      'must be ocds- followed by 6 lowercase letters or digits, as the OCDS Helpdesk assigns',
    )
    .default('ocds-sr0001'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  LOGIN_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(10),
  LOGIN_RATE_LIMIT_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: flag(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAP_TILE_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAP_TILE_ATTRIBUTION: z.string().optional(),
  WEB_DIST_DIR: z.string().optional(),
  SMTP_HOST: z
    .string()
    .min(1)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: flag(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().min(3).default('Smart Rural <no-reply@localhost>'),
  NOTICES_INTERVAL_MINUTES: z.coerce.number().min(0).max(1440).default(60),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(600).default(2),
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  MUTUALISATION_RUN_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(6 * 3600)
    .default(600),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  seedDemo: boolean;
  agencyName: string;
  /** The OCDS publisher prefix of every ocid; `ocds-sr0001` is a placeholder, not registered (decision 140). */
  ocdsPrefix: string;
  sessionTtlHours: number;
  loginRateLimit: { max: number; windowMinutes: number };
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  logLevel: string;
  map: { tileUrl: string | undefined; tileAttribution: string | undefined };
  webDistDir: string | undefined;
  /** Alert e-mails go out through this server; without it they are only written to the notices log. */
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string } | null;
  /** How often the server looks for new alerts and due digests (0: never, tests trigger it). */
  noticesIntervalMinutes: number;
  /** The address users reach the app at, for the links in e-mails (no trailing slash). */
  publicUrl: string;
  /** The job queue kept in the database (decision 110). */
  jobs: {
    /** How often an idle instance looks for queued work. */
    pollSeconds: number;
    /** How often jobs whose instance died (past their time) are retried or failed. */
    maintenanceSeconds: number;
    /** The longest a grouping run may take before it is stopped (and the time after which a lost one is retried). */
    groupingTimeoutSeconds: number;
  };
  /** On SIGTERM, how long the requests in flight may take before they are cut (src/server/shutdown.ts). */
  shutdownTimeoutMs: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    seedDemo: e.SEED_DEMO,
    agencyName: e.AGENCY_NAME,
    ocdsPrefix: e.OCDS_PREFIX,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginRateLimit: { max: e.LOGIN_RATE_LIMIT_MAX, windowMinutes: e.LOGIN_RATE_LIMIT_WINDOW_MINUTES },
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    map: { tileUrl: e.MAP_TILE_URL, tileAttribution: e.MAP_TILE_ATTRIBUTION },
    webDistDir: e.WEB_DIST_DIR,
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE,
          ...(e.SMTP_USER ? { user: e.SMTP_USER } : {}),
          ...(e.SMTP_PASSWORD ? { password: e.SMTP_PASSWORD } : {}),
          from: e.SMTP_FROM,
        }
      : null,
    noticesIntervalMinutes: e.NOTICES_INTERVAL_MINUTES,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    jobs: {
      pollSeconds: e.JOBS_POLL_SECONDS,
      maintenanceSeconds: e.JOBS_MAINTENANCE_SECONDS,
      groupingTimeoutSeconds: e.MUTUALISATION_RUN_TIMEOUT_SECONDS,
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  };
}
