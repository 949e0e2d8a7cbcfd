import { describe, expect, it } from 'vitest';
import { landingPath, paths, safeNextPath } from './paths.ts';

describe('paths', () => {
  it('builds links from the patterns', () => {
    expect(paths.commune.to('81001')).toBe('/communes/81001');
    expect(paths.login.to('/admin/users')).toBe('/login?next=%2Fadmin%2Fusers');
    expect(paths.login.to()).toBe('/login');
  });

  it('keeps only the app’s own paths after login', () => {
    expect(safeNextPath('/communes/82003')).toBe('/communes/82003');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/login?next=/x')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });

  it('lands a commune user on their commune, unless they were going elsewhere', () => {
    const tintigny = { communeNis: '85039' };
    expect(landingPath(tintigny, null)).toBe('/communes/85039');
    expect(landingPath(tintigny, '/')).toBe('/communes/85039');
    expect(landingPath(tintigny, '/needs')).toBe('/needs');
    expect(landingPath(tintigny, 'https://evil.example')).toBe('/communes/85039');
    expect(landingPath({ communeNis: null }, null)).toBe('/');
    expect(landingPath({ communeNis: null }, '/missions')).toBe('/missions');
    expect(landingPath(undefined, null)).toBe('/');
  });
});
