/**
 * What a failed query says about the database, whichever driver ran it. Drizzle wraps the driver's error
 * (`DrizzleQueryError`, with `cause`), so every test walks the chain of causes.
 */

/** SQLSTATE codes of a server that is going away or cannot take the connection (PostgreSQL appendix A). */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, in recovery
  '53300', // too_many_connections
]);
/** Node's socket errors when the server cannot be reached. */
const UNAVAILABLE_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres's own words for a connection that died or could not be made in time. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /terminating connection due to administrator command/i,
  /is not currently accepting connections/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * A value PostgreSQL cannot store: a NUL character or an invalid byte sequence in text (22021, 22P05), a date or
 * time out of its range (22008). Validation refuses them first; this is the net for input that escapes it (an
 * imported file's cell), so that it is still the caller's 400, never a 500.
 */
const REJECTED_VALUE_SQLSTATES = new Set(['22021', '22P05', '22008']);

function* causes(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let current = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    yield current as { code?: unknown; message?: unknown };
    current = (current as { cause?: unknown }).cause;
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const cause of causes(error)) {
    const code = typeof cause.code === 'string' ? cause.code : '';
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SYSTEM_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
      return true;
    const message = typeof cause.message === 'string' ? cause.message : '';
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

export function isRejectedValue(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (typeof cause.code === 'string' && REJECTED_VALUE_SQLSTATES.has(cause.code)) return true;
  }
  return false;
}
