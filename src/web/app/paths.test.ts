import { describe, expect, it } from 'vitest';
import { paths, safeNextPath } from './paths.ts';

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
});
