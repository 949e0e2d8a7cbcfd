import { describe, expect, it } from 'vitest';
import { formatDate, formatEuro, formatNumber } from './format.ts';

// Intl uses a narrow no-break space as the thousands separator in fr-BE.
const spaces = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('Belgian French formats', () => {
  it('writes numbers, euros and dates as Belgians read them', () => {
    expect(spaces(formatNumber(286752))).toBe('286 752');
    expect(spaces(formatEuro(1234.56))).toBe('1 234,56 €');
    expect(formatDate('2025-01-01T00:00:00Z')).toBe('01/01/2025');
    expect(formatNumber(286752, 'en')).toBe('286,752');
  });
});
