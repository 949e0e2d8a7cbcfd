import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel } from '../../domain/audit/audit-actions.ts';
import { GroupAction } from '../../domain/mutualisation/api.ts';

const SERVER = join(import.meta.dirname, '..');

/** The server's source files, tests aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Codes the server builds from a template, with every value the template can take: a new template fails the test
 * until it is listed here (and its codes labelled).
 */
const TEMPLATES: Record<string, string[]> = {
  '`mutualisation.${action.action}`': GroupAction.options.map((option) => `mutualisation.${option.shape.action.value}`),
};

/** Every action code written to the audit log: the dotted literals (and templates) given as `action:` in the server. */
function writtenActions() {
  const codes = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of sources(SERVER)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\baction: *([^,\n]+)/g)) {
      const value = match[1] ?? '';
      for (const literal of value.matchAll(/'([a-z_]+(?:\.[a-z_-]+)+)'/g)) codes.add(literal[1] ?? '');
      for (const template of value.matchAll(/`[^`]*\$\{[^`]*`/g)) {
        const expansion = TEMPLATES[template[0]];
        if (expansion) for (const code of expansion) codes.add(code);
        else unknownTemplates.push(`${file}: ${template[0]}`);
      }
    }
  }
  return { codes: [...codes].sort(), unknownTemplates };
}

describe('the audit action labels', () => {
  const { codes, unknownTemplates } = writtenActions();

  it('finds the action codes the server writes', () => {
    expect(codes.length).toBeGreaterThan(100);
    expect(codes).toEqual(expect.arrayContaining(['mission.update', 'need.import', 'mutualisation.confirm']));
    expect(unknownTemplates).toEqual([]);
  });

  it('has a French and an English phrase for every action the server writes', () => {
    const labels: Record<string, Record<string, string>> = AUDIT_ACTION_LABELS;
    const missing = codes.filter((code) => !labels[code]?.fr?.trim() || !labels[code]?.en?.trim());
    expect(missing, 'add these codes to AUDIT_ACTION_LABELS in src/domain/audit/audit-actions.ts').toEqual([]);
  });

  it('reads an action as a phrase in the reader’s language, and an unknown code as itself', () => {
    expect(auditActionLabel('mission.update', 'fr')).toBe('Modification d’une mission');
    expect(auditActionLabel('need.import', 'en')).toBe('Needs imported');
    expect(auditActionLabel('something.new', 'fr')).toBe('something.new');
  });
});
