import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_STATUSES } from '../implementation/follow-up.ts';
import { countByCommune, PROJECT_STATUSES } from './front-page.ts';

describe('the front page’s zod-free facts', () => {
  it('list the follow-up’s statuses, in its order', () => {
    expect(PROJECT_STATUSES).toEqual(FOLLOW_UP_STATUSES);
  });

  it('count each commune’s published projects matching the filter, leaving out communes with none', () => {
    const communes = [
      { nisCode: '81001', name: 'Arlon', projects: [{ status: 'planned' as const, dimensions: ['mobility'] }] },
      { nisCode: '81004', name: 'Aubange', projects: [{ status: 'delivered' as const, dimensions: ['living'] }] },
    ];
    expect([...countByCommune(communes, { dimension: 'mobility', status: null })]).toEqual([['81001', 1]]);
    expect([...countByCommune(communes, { dimension: null, status: null })]).toEqual([
      ['81001', 1],
      ['81004', 1],
    ]);
  });
});
