import { describe, expect, it } from 'vitest';
import { isActive, MAIN_NAV, ownCommuneNav, PUBLIC_NAV } from './navigation.ts';

describe('navigation', () => {
  const communes = MAIN_NAV.find((item) => item.key === 'communes')!;

  it('gives a commune user an entry for their own commune, and agency staff none', () => {
    expect(ownCommuneNav({ communeNis: '85039', communeName: 'Tintigny' })).toMatchObject({
      to: '/communes/85039',
      labelParams: { name: 'Tintigny' },
    });
    expect(ownCommuneNav({ communeNis: null, communeName: null })).toBeNull();
    expect(ownCommuneNav(undefined)).toBeNull();
  });

  it('marks the own-commune entry, not the province’s, on the user’s commune pages', () => {
    const own = ownCommuneNav({ communeNis: '85039', communeName: 'Tintigny' })!;
    expect(isActive(own, '/communes/85039', own)).toBe(true);
    expect(isActive(communes, '/communes/85039', own)).toBe(false);
    expect(isActive(communes, '/communes/81001', own)).toBe(true);
    expect(isActive(communes, '/', own)).toBe(true);
    expect(isActive(communes, '/communes/81001')).toBe(true);
  });

  it('gives the public the front page, the communes, the catalogue by category and the open data', () => {
    expect(PUBLIC_NAV.map((item) => item.to)).toEqual(['/', '/communes', '/solutions', '/open-data']);
    const [home, publicCommunes] = PUBLIC_NAV;
    expect(isActive(home!, '/')).toBe(true);
    expect(isActive(home!, '/communes/84077/programme')).toBe(true);
    expect(isActive(publicCommunes!, '/communes/84077')).toBe(true);
    expect(isActive(publicCommunes!, '/communes/84077/programme')).toBe(false);
  });
});
