import { DomainError } from '../../domain/shared/errors.ts';
import { ApiError } from './api.ts';

type Translate = (key: string) => string;

/**
 * What the user reads about an error: the server's message (already in their language) or a domain rule's, both
 * written for people; anything else — a bug, "Cannot read properties of undefined" — becomes a plain sentence in
 * their language. A raw JavaScript error never reaches the screen.
 */
export function userMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError || error instanceof DomainError) return error.message;
  return t('common.unexpectedError');
}
