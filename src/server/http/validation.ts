import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { InvalidFieldsError, type RawFieldProblem } from '../errors.ts';
import { hasMessage } from '../i18n/messages.ts';

/**
 * Validates with the zod schema of the route and keeps zod's issues raw: the error handler words them in the
 * request's language. `reportInput` lets us tell a missing field from a wrong one; the input itself never leaves.
 *
 * Before the schema, one rule for every route and every part of the request: no text may hold a NUL character.
 * PostgreSQL cannot store it, so it would otherwise fail deep in a query as a 500.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const part = httpPart ?? 'body';
    const nul = fieldsWithNul(data, [], part);
    if (nul.length > 0) return { error: new InvalidFieldsError(nul) };
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new ZodInputError(result.error.issues, part) };
  };

export class ZodInputError extends InvalidFieldsError {
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super(issues.flatMap((issue) => describeIssue(issue, part)));
  }
}

/** Every text (value or key) holding U+0000, by its field path; JSON, query strings and path parameters alike. */
function fieldsWithNul(value: unknown, path: PropertyKey[], part: string): RawFieldProblem[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? [{ field: fieldName(path, part), code: 'FIELD_NUL_CHARACTER', params: {} }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => fieldsWithNul(item, [...path, index], part));
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes('\u0000')
        ? [
            {
              field: fieldName([...path, key.replaceAll('\u0000', '\\0')], part),
              code: 'FIELD_NUL_CHARACTER',
              params: {},
            },
          ]
        : fieldsWithNul(item, [...path, key], part),
    );
  }
  return [];
}

function fieldName(path: PropertyKey[], part: string): string {
  return path.length === 0 ? part : path.map(String).join('.');
}

function describeIssue(issue: z.core.$ZodIssue, part: string): RawFieldProblem[] {
  const field = fieldName(issue.path, part);
  const input = (issue as { input?: unknown }).input;
  if (hasMessage(issue.message)) return [{ field, code: issue.message, params: {} }];
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined || (input === null && issue.path.length === 0)
        ? [{ field, code: 'FIELD_REQUIRED', params: {} }]
        : [{ field, code: 'FIELD_TYPE', params: { expected: issue.expected } }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: fieldName([...issue.path, key], part),
        code: 'FIELD_UNKNOWN',
        params: {},
      }));
    case 'too_small':
      return [
        {
          field,
          code: issue.origin === 'string' || issue.origin === 'array' ? 'FIELD_TOO_SHORT' : 'FIELD_TOO_SMALL',
          params: { minimum: String(issue.minimum) },
        },
      ];
    case 'too_big':
      return [
        {
          field,
          code: issue.origin === 'string' || issue.origin === 'array' ? 'FIELD_TOO_LONG' : 'FIELD_TOO_BIG',
          params: { maximum: String(issue.maximum) },
        },
      ];
    case 'invalid_format':
      return [{ field, code: 'FIELD_FORMAT', params: { format: issue.format } }];
    case 'invalid_value':
      return [{ field, code: 'FIELD_CHOICE', params: { options: issue.values.map(String).join(', ') } }];
    case 'invalid_union':
      return input === undefined
        ? [{ field, code: 'FIELD_REQUIRED', params: {} }]
        : [{ field, code: 'FIELD_INVALID', params: {} }];
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'custom':
      return [{ field, code: 'FIELD_INVALID', params: {} }];
  }
}
