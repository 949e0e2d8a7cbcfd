import type { z } from 'zod';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Words the server's custom validation codes (e.g. `COMMUNE_REQUIRED_FOR_ROLE`) through the UI's catalogue. */
const CUSTOM_CODES = new Set([
  'COMMUNE_REQUIRED_FOR_ROLE',
  'COMMUNE_FORBIDDEN_FOR_ROLE',
  'NIS_CODE_FORMAT',
  'FIELD_DATE_RANGE',
]);

function describe(issue: z.core.$ZodIssue, t: Translate): string {
  if (CUSTOM_CODES.has(issue.message)) return t(`validation.${issue.message}`);
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? t('validation.required')
        : t('validation.tooShort', { minimum: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { maximum: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email'
        ? t('validation.email')
        : issue.format === 'url'
          ? t('validation.url')
          : t('validation.invalid');
    case 'invalid_union': {
      // `'' | url`: report the meaningful branch, not the empty-string literal.
      const branch = issue.errors.map((issues) => issues[0]).find((i) => i && i.code !== 'invalid_value');
      return branch ? describe(branch, t) : t('validation.invalid');
    }
    case 'invalid_type':
      return t('validation.required');
    case 'invalid_value':
      return t('validation.choice');
    default:
      return t('validation.invalid');
  }
}

/**
 * Checks form values with the same zod schema the server uses and returns `{ field: message }` in the UI's
 * language, the shape Mantine's `useForm({ validate })` expects. The server checks again and stays the authority.
 */
export function zodFormErrors(schema: z.ZodType, input: unknown, t: Translate): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (!errors[field]) errors[field] = describe(issue, t);
  }
  return errors;
}
