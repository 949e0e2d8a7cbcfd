import { describe, expect, it } from 'vitest';
import { diffSnapshots, displayValue, entityLabel, flatten } from './audit-diff.ts';

describe('audit diff', () => {
  it('marks the fields a profile update changed', () => {
    const changes = diffSnapshots(
      { description: null, website: 'https://arlon.be', contactEmail: null },
      { description: 'Chef-lieu de la province', website: 'https://arlon.be', contactEmail: null },
    );
    expect(changes).toEqual([
      { field: 'description', before: null, after: 'Chef-lieu de la province', changed: true, kind: 'changed' },
      { field: 'website', before: 'https://arlon.be', after: 'https://arlon.be', changed: false, kind: 'unchanged' },
      { field: 'contactEmail', before: null, after: null, changed: false, kind: 'unchanged' },
    ]);
  });

  it('shows every field of a creation as new', () => {
    const changes = diffSnapshots(null, { email: 'a@b.be', role: 'commune_editor', disabled: false });
    expect(changes.map((c) => [c.field, c.kind])).toEqual([
      ['email', 'added'],
      ['role', 'added'],
      ['disabled', 'added'],
    ]);
    expect(changes[0]!.before).toBeUndefined();
  });

  it('shows every field of a deletion as removed', () => {
    const changes = diffSnapshots({ name: 'Musée', kind: 'tourism' }, null);
    expect(changes.map((c) => c.kind)).toEqual(['removed', 'removed']);
  });

  it('flattens nested objects and keeps arrays whole', () => {
    expect(flatten({ a: { b: 1, c: { d: true } }, list: [1, 2], empty: {} })).toEqual({
      'a.b': 1,
      'a.c.d': true,
      list: [1, 2],
      empty: {},
    });
    expect(diffSnapshots({ list: [1, 2] }, { list: [1, 2] })[0]!.changed).toBe(false);
    expect(diffSnapshots({ list: [1, 2] }, { list: [2, 1] })[0]!.changed).toBe(true);
  });

  it('writes values for people', () => {
    const words = { yes: 'oui', no: 'non', empty: '—' };
    expect(displayValue(null, words)).toBe('—');
    expect(displayValue(false, words)).toBe('non');
    expect(displayValue('x', words)).toBe('x');
    expect(displayValue({ a: 1 }, words)).toBe('{"a":1}');
  });

  it('names the record by e-mail or name', () => {
    expect(entityLabel({ entityType: 'user', entityId: 'u1', before: null, after: { email: 'e@x.be' } })).toBe(
      'e@x.be',
    );
    expect(entityLabel({ entityType: 'site', entityId: 's1', before: { name: 'Musée' }, after: null })).toBe('Musée');
    expect(entityLabel({ entityType: 'commune', entityId: '81001', before: {}, after: {} })).toBe('81001');
  });
});
