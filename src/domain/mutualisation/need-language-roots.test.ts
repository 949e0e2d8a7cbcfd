import { describe, expect, it } from 'vitest';
import { commonRoots, rootCandidates } from './need-language-roots.ts';

describe('rootCandidates', () => {
  it('strips a derivational suffix as Snowball leaves it, and tries the circumflex of an old « s »', () => {
    expect(rootCandidates('foresti')).toEqual(['forest', 'foret']); // forestier
    expect(rootCandidates('forestier')).toEqual(['forest', 'foret']); // forestière
    expect(rootCandidates('chauffag')).toEqual(['chauff']); // chauffage
    expect(rootCandidates('afficheur')).toEqual(['affich']);
  });

  it('leaves short roots and words without a derivational suffix alone', () => {
    expect(rootCandidates('quarti')).toEqual([]); // quartier is not quart
    expect(rootCandidates('papi')).toEqual([]);
    expect(rootCandidates('foret')).toEqual([]);
    expect(rootCandidates('ecol')).toEqual([]);
  });
});

describe('commonRoots', () => {
  it('reads a derived stem as its root only when the register holds the root, or two derived stems share it', () => {
    const roots = commonRoots(['foresti', 'foret', 'chauffag', 'bois', 'affichag', 'afficheur', 'quarti', 'eclairag']);
    expect(Object.fromEntries(roots)).toEqual({
      foresti: 'foret',
      affichag: 'affich',
      afficheur: 'affich',
    });
  });

  it('joins « chauffage » and « chauffer » when both are written', () => {
    expect(commonRoots(['chauffag', 'chauff']).get('chauffag')).toBe('chauff');
  });
});
