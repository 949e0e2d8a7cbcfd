import { ApiError } from './api.ts';

type Translate = (key: string) => string;

/**
 * What the user reads about an error: the server's message (already in their language) or a domain rule's, both
 * written for people; anything else — a bug, "Cannot read properties of undefined" — becomes a plain sentence in
 * their language. A raw JavaScript error never reaches the screen.
 */
export function userMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError || isDomainError(error)) return error.message;
  return t('common.unexpectedError');
}

/**
 * A DomainError of src/domain/shared/errors.ts, known by its name: importing the class here would pull the domain's
 * shared chunk into the first page load (this module is on every page).
 */
function isDomainError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'DomainError';
}
