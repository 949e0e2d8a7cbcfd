import type { DomainErrorCode } from './error-codes.ts';

/**
 * An error raised by a domain rule. `code` is stable (clients and tests rely on it); `params` feed the
 * message, which the server renders in the request's language.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The one error shape every API response uses. */
export type ApiErrorBody = {
  error: { code: string; message: string; details?: unknown };
};
