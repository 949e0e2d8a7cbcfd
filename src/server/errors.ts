import type { DomainError } from '../domain/shared/errors.ts';

/**
 * Errors with a stable code and an HTTP status. The message is a key of the server's message catalogue,
 * rendered in the request's language by the error handler (`http/error-handler.ts`).
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(code = 'VALIDATION_FAILED', params: Record<string, string | number> = {}, details?: unknown) {
    super(400, code, params, details);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(code = 'UNAUTHENTICATED') {
    super(401, code);
  }
}
export class ForbiddenError extends AppError {
  constructor(code = 'FORBIDDEN', params: Record<string, string | number> = {}) {
    super(403, code, params);
  }
}
export class NotFoundError extends AppError {
  constructor(code = 'NOT_FOUND', params: Record<string, string | number> = {}) {
    super(404, code, params);
  }
}
export class ConflictError extends AppError {
  constructor(code = 'CONFLICT', params: Record<string, string | number> = {}) {
    super(409, code, params);
  }
}
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(429, 'RATE_LIMITED', { seconds: retryAfterSeconds });
  }
}

/** A domain rule broken by the caller's input is the caller's mistake: 422 with the rule's code. */
export function fromDomainError(error: DomainError): AppError {
  return new AppError(422, error.code, error.params);
}
