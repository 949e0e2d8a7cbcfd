import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.ts';

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;');
    expect(escapeHtml("L'éclairage & co")).toBe('L&#39;éclairage &#38; co');
    expect(escapeHtml(undefined)).toBe('');
  });
});

describe('charts and map tooltips', () => {
  it('escape what they put in HTML: a file with a function formatter or a Leaflet tooltip uses escapeHtml', () => {
    const sources = import.meta.glob<string>('../**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
    const risky = Object.entries(sources).filter(
      ([file, source]) =>
        !file.endsWith('.test.ts') &&
        (/formatter:\s*\(/.test(source) || /bind(Tooltip|Popup)\(/.test(source)) &&
        !source.includes('escapeHtml('),
    );
    expect(risky.map(([file]) => file)).toEqual([]);
  });
});
