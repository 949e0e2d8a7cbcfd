import type { ApiErrorBody } from '../../domain/shared/errors.ts';
import { currentLanguage } from '../i18n/i18n.ts';

/** One problem with a field of the input, as the server words it (already in the request's language). */
export type FieldProblem = { field: string; code: string; message: string };

/** An error answered by the API (`{ error: { code, message, details? } }`), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * The field problems as `{ field: message }`, the shape form libraries take (several problems joined), each
   * starting with a capital: the server words them to follow « Données invalides : », the form shows them alone.
   */
  fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const problem of this.details) {
      errors[problem.field] = errors[problem.field] ? `${errors[problem.field]} ; ${problem.message}` : problem.message;
    }
    for (const [field, message] of Object.entries(errors)) {
      errors[field] = message.charAt(0).toLocaleUpperCase('fr') + message.slice(1);
    }
    return errors;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;

/** Kept from /api/auth/login and /api/auth/me; sent back on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  const v = value as FieldProblem | null;
  return typeof v?.field === 'string' && typeof v.message === 'string' && typeof v.code === 'string';
}

/** Reads an error response into an ApiError; tolerates bodies that are not ours (proxy pages, empty bodies). */
export function toApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const details = Array.isArray(error.details) ? error.details.filter(isFieldProblem) : [];
    return new ApiError(status, error.code, error.message, details);
  }
  return new ApiError(status, `HTTP_${status}`, fallbackMessage);
}

export type QueryValue = string | number | boolean | null | undefined;

/** `/api/audit` + `{ page: 2, actor: '' }` → `/api/audit?page=2`: empty values are left out. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const NETWORK_MESSAGES = {
  fr: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  en: 'The server cannot be reached. Check your connection and try again.',
} as const;

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const language = currentLanguage();
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGES[language]);
  }

  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed, `${response.status} ${response.statusText}`);
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  delete: <T = null>(path: string) => request<T>('DELETE', path),
};
