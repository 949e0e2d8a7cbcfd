import type { z } from 'zod';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The key under which a problem with the form as a whole (no field of its own) is reported. */
export const FORM_ERROR = 'form';

/** A rule code the schemas raise (e.g. `END_BEFORE_START`): worded through the UI's `validation.<CODE>` entry. */
const RULE_CODE = /^[A-Z][A-Z0-9_]+$/;

function describe(issue: z.core.$ZodIssue, t: Translate): string {
  if (RULE_CODE.test(issue.message)) {
    return t(`validation.${issue.message}`, { defaultValue: t('validation.invalid') });
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return t('validation.atLeast', { count: Number(issue.minimum) });
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
    case 'unrecognized_keys':
      return t('validation.unexpectedFields', { fields: issue.keys.join(', ') });
    default:
      return t('validation.invalid');
  }
}

/**
 * Checks form values with the same zod schema the server uses and returns `{ field: message }` in the UI's
 * language, the shape Mantine's `useForm({ validate })` expects. A problem with no field of its own is kept under
 * `FORM_ERROR`; `<FormErrorSummary>` shows it, and any other error no input displays, so a refused form always
 * says why. The server checks again and stays the authority.
 */
export function zodFormErrors(schema: z.ZodType, input: unknown, t: Translate): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || FORM_ERROR;
    const message = describe(issue, t);
    if (!errors[field]) errors[field] = message;
    else if (field === FORM_ERROR && !errors[field].includes(message)) errors[field] = `${errors[field]} ${message}`;
  }
  return errors;
}

/**
 * The errors of a form that no input shows: the form-level one, and those of fields that have no input bound to
 * them (`boundPaths`, e.g. read from the form's `[data-path]` attributes). Each comes with its field's path.
 */
export function unshownErrors(
  errors: Record<string, unknown>,
  boundPaths: ReadonlySet<string>,
): { path: string; message: string }[] {
  return Object.entries(errors)
    .filter(([path, message]) => message && (path === FORM_ERROR || !boundPaths.has(path)))
    .map(([path, message]) => ({ path, message: String(message) }));
}
