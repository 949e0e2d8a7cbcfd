import type { DomainError } from '../domain/shared/errors.ts';
import { type Lang, type MessageCode, translate } from './i18n/messages.ts';

/**
 * Errors with a stable code and an HTTP status. The message is a key of the server's message catalogue,
 * rendered in the request's language by the error handler (`http/error-handler.ts`).
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: MessageCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(
    code: MessageCode = 'VALIDATION_FAILED',
    params: Record<string, string | number> = {},
    details?: unknown,
  ) {
    super(400, code, params, details);
  }
}
/** One problem with a named field of the input, as a message code: worded in the reader's language when sent. */
export type RawFieldProblem = { field: string; code: MessageCode; params: Record<string, string | number> };
/** The same problem, worded: what `details` of a validation error holds. */
export type FieldProblem = { field: string; code: string; message: string };

/** Input refused field by field: 400 `VALIDATION_FAILED`, each field named in `details`. */
export class InvalidFieldsError extends ValidationError {
  constructor(readonly fieldProblems: RawFieldProblem[]) {
    super('VALIDATION_FAILED');
  }

  problems(lang: Lang): FieldProblem[] {
    return this.fieldProblems.map((p) => ({
      field: p.field,
      code: p.code,
      message: translate(p.code, lang, { field: p.field, ...p.params }),
    }));
  }
}

export class UnauthenticatedError extends AppError {
  constructor(code: MessageCode = 'UNAUTHENTICATED') {
    super(401, code);
  }
}
export class ForbiddenError extends AppError {
  constructor(code: MessageCode = 'FORBIDDEN', params: Record<string, string | number> = {}) {
    super(403, code, params);
  }
}
export class NotFoundError extends AppError {
  constructor(code: MessageCode = 'NOT_FOUND', params: Record<string, string | number> = {}) {
    super(404, code, params);
  }
}
export class ConflictError extends AppError {
  constructor(code: MessageCode, params: Record<string, string | number> = {}) {
    super(409, code, params);
  }
}
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(429, 'RATE_LIMITED', { seconds: retryAfterSeconds });
  }
}

/** The database cannot be reached (a server restarting, a network cut): 503, the caller may retry shortly. */
export class DatabaseUnavailableError extends AppError {
  constructor(override readonly cause: unknown) {
    super(503, 'DATABASE_UNAVAILABLE', { seconds: DATABASE_RETRY_SECONDS });
  }
}
export const DATABASE_RETRY_SECONDS = 5;

/** The message of an error in one language, for the terminal (the CLI) as the API words it. */
export function describeError(error: AppError, lang: Lang): string {
  if (error instanceof InvalidFieldsError) {
    const problem = error
      .problems(lang)
      .map((p) => p.message)
      .join(' ; ');
    return translate('VALIDATION_FAILED', lang, { problem });
  }
  return translate(error.code, lang, error.params);
}

/** A domain rule broken by the caller's input is the caller's mistake: 422 with the rule's code. */
export function fromDomainError(error: DomainError): AppError {
  return new AppError(422, error.code, error.params);
}
