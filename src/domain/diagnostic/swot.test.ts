import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropSwotItem } from './swot.ts';

describe('dropping a SWOT item on another', () => {
  it('takes the target’s place, downwards or upwards', () => {
    expect(dropSwotItem(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
    expect(dropSwotItem(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(dropSwotItem(['a', 'b', 'c'], 'b', 'b')).toEqual(['a', 'b', 'c']);
    expect(dropSwotItem(['a', 'b', 'c'], 'x', 'b')).toEqual(['a', 'b', 'c']);
  });

  it('keeps every item exactly once and puts the dragged one where the target was', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (ids, i, j) => {
          const dragged = ids[i % ids.length]!;
          const target = ids[j % ids.length]!;
          const next = dropSwotItem(ids, dragged, target);
          expect([...next].sort()).toEqual([...ids].sort());
          expect(next.indexOf(dragged)).toBe(ids.indexOf(target));
        },
      ),
    );
  });
});
