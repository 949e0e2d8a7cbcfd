import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { hasMessage, type Lang, translate } from '../i18n/messages.ts';

/** One problem with the caller's input, in words a user can act on. */
export type FieldProblem = { field: string; code: string; message: string };

type RawProblem = { field: string; code: string; params: Record<string, string | number> };

/**
 * Validates with the zod schema of the route and keeps zod's issues raw: the error handler words them in the
 * request's language. `reportInput` lets us tell a missing field from a wrong one; the input itself never leaves.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new ZodInputError(result.error.issues, httpPart ?? 'body') };
  };

export class ZodInputError extends ValidationError {
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super('VALIDATION_FAILED');
  }

  problems(lang: Lang): FieldProblem[] {
    return this.issues
      .flatMap((issue) => describeIssue(issue, this.part))
      .map((p) => ({
        field: p.field,
        code: p.code,
        message: translate(p.code, lang, { field: p.field, ...p.params }),
      }));
  }
}

function fieldName(path: PropertyKey[], part: string): string {
  return path.length === 0 ? part : path.map(String).join('.');
}

function describeIssue(issue: z.core.$ZodIssue, part: string): RawProblem[] {
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
