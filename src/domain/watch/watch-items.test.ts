import { describe, expect, it } from 'vitest';
import { SolutionInput } from '../catalogue/solutions.ts';
import { solutionFromWatchItem, WatchItemInput } from './watch-items.ts';

describe('promoting a watch item', () => {
  it('prefills a solution under watch with what the item knows', () => {
    const item = WatchItemInput.parse({
      title: 'Bornes partagées',
      publishedOn: '2026-02-01',
      summary: 'Des bornes mutualisées.',
      categories: ['ev-charging'],
      sourceUrl: 'https://example.org/bornes',
      vendor: 'Borne & Co',
      assessment: 'À suivre.',
    });
    const solution = SolutionInput.parse(solutionFromWatchItem(item, {}));
    expect(solution).toMatchObject({
      name: 'Bornes partagées',
      vendor: 'Borne & Co',
      status: 'watch',
      categories: ['ev-charging'],
      summary: 'Des bornes mutualisées.',
    });
    expect(solution.description).toContain('Source : https://example.org/bornes');
    expect(SolutionInput.parse(solutionFromWatchItem(item, { name: 'Autre', vendor: 'V' }))).toMatchObject({
      name: 'Autre',
      vendor: 'V',
    });
  });

  it('refuses a category outside the shared taxonomy', () => {
    expect(WatchItemInput.safeParse({ title: 'x', publishedOn: '2026-01-01', categories: ['nope'] }).success).toBe(
      false,
    );
  });
});
