import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The first page's bytes (issue 15, decision 105): zod (~23 kB compressed) stays off the first load, so the frame
 * (main.tsx and what it imports statically) must reach no module that imports zod for its values. A feature's
 * contract carries zod schemas: the frame names the endpoints it calls without them (FRAME_ENDPOINTS). This walks
 * the static imports with values — `import type`, type-only specifiers and lazy `import()` do not load a module.
 */
const WEB = resolve(import.meta.dirname, '..', 'src', 'web');
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)([^;]*?)\s*from\s*'([^']+)';?|^import\s+'([^']+)';?/gms;

function carriesValues(clause: string): boolean {
  const braces = /\{([^}]*)\}/.exec(clause);
  const outside = clause
    .replace(/\{[^}]*\}/, '')
    .replace(/,/g, '')
    .trim();
  if (outside) return true;
  if (!braces) return false;
  return braces[1]!
    .split(',')
    .map((s) => s.trim())
    .some((s) => s && !s.startsWith('type '));
}

function resolveModule(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const path = join(dirname(from), specifier);
  for (const candidate of [path, `${path}.ts`, `${path}.tsx`]) if (existsSync(candidate)) return candidate;
  return null;
}

/** The modules reached from the entry by value imports, with the chain that reaches each one that imports zod. */
function zodReachedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const [, clause = '', specifier = match[3]!] = match;
      if (match[3] === undefined && !carriesValues(clause)) continue;
      if (specifier === 'zod' || specifier.startsWith('zod/')) {
        found.push([...chain, file].map((f) => f.replace(`${WEB}/`, 'src/web/')).join(' → '));
        continue;
      }
      const next = resolveModule(file, specifier);
      if (next) visit(next, [...chain, file]);
    }
  };
  visit(entry, []);
  return found;
}

describe('the first load of every page', () => {
  it('reaches no module that imports zod for its values', () => {
    expect(zodReachedFrom(join(WEB, 'main.tsx'))).toEqual([]);
  });

  it('would see zod reached through a feature’s contract (the walk can fail)', () => {
    expect(zodReachedFrom(join(WEB, 'features', 'implementation', 'api.ts')).length).toBeGreaterThan(0);
  });
});
