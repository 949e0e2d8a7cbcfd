/** One field of an audited record, before and after the change. */
export type FieldChange = {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
  /** added: only after has it (a creation); removed: only before (a deletion) */
  kind: 'added' | 'removed' | 'changed' | 'unchanged';
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ a: { b: 1 } }` → `{ 'a.b': 1 }`; arrays and scalars stay whole. */
export function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (!isPlainObject(value)) return prefix ? { [prefix]: value } : {};
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(inner) && Object.keys(inner).length > 0) Object.assign(result, flatten(inner, path));
    else result[path] = inner;
  }
  return result;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields of an audit entry's before/after snapshots, each marked changed or not: the fields of `before`
 * first, in their order, then the fields that only `after` has. A creation has no before, a deletion no after.
 */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const fields = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
  return fields.map((field) => {
    const changed = !sameValue(b[field], a[field]);
    const kind = !changed ? 'unchanged' : !(field in b) ? 'added' : !(field in a) ? 'removed' : 'changed';
    return { field, before: b[field], after: a[field], changed, kind };
  });
}

/** A value as a person reads it; `yes`/`no`/`empty` are the UI's words for true/false/missing. */
export function displayValue(value: unknown, words: { yes: string; no: string; empty: string }): string {
  if (value === undefined || value === null || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** A short name for the audited record: a user's e-mail, a site's name, else its id. */
export function entityLabel(entry: { entityType: string; entityId: string | null; before: unknown; after: unknown }) {
  const snapshot = (
    isPlainObject(entry.after) ? entry.after : isPlainObject(entry.before) ? entry.before : {}
  ) as Record<string, unknown>;
  for (const key of ['email', 'name', 'displayName']) {
    if (typeof snapshot[key] === 'string' && snapshot[key]) return snapshot[key] as string;
  }
  return entry.entityId ?? '';
}
