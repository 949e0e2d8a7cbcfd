import { describe, expect, it } from 'vitest';
import { pastedNumber, thousandsRetyped } from './number-entry.ts';

/** Types `keys` one by one the way the French number field shows them: « . » and « , » both become « , ». */
function typeInFrench(keys: string): string {
  let text = '';
  for (const key of keys) {
    const retyped = thousandsRetyped(text, text.length, key, ',');
    if (retyped) text = retyped.text;
    else if (key === '.' || key === ',') text = text.includes(',') ? text : `${text},`;
    else if (/\d/.test(key)) text += key;
  }
  return text;
}

describe('typing a number the Belgian way', () => {
  it('takes a dot followed by three digits and another separator for a thousands separator', () => {
    expect(typeInFrench('1.234,50')).toBe('1234,50');
    expect(typeInFrench('1.234.567,89')).toBe('1234567,89');
    expect(typeInFrench('1234.5')).toBe('1234,5');
    expect(typeInFrench('1,5')).toBe('1,5');
  });

  it('leaves the keystroke alone elsewhere', () => {
    expect(thousandsRetyped('1,23', 4, ',', ',')).toBeNull();
    expect(thousandsRetyped('1,2345', 6, ',', ',')).toBeNull();
    expect(thousandsRetyped('1,234', 2, ',', ',')).toBeNull();
    expect(thousandsRetyped('1,234', 5, '5', ',')).toBeNull();
    expect(thousandsRetyped('1234', 4, ',', ',')).toBeNull();
  });

  it('keeps the prefix and suffix of an amount field, with the caret after the new separator', () => {
    expect(thousandsRetyped('1,234 €', 5, ',', ',')).toEqual({ text: '1234, €', caret: 5 });
  });
});

describe('pasting a number', () => {
  it('writes what parseNumber reads with the field’s decimal separator', () => {
    expect(pastedNumber('1.234', 'fr', ',')).toBe('1234');
    expect(pastedNumber('1 234,50', 'fr', ',')).toBe('1234,5');
    expect(pastedNumber('22 500 €', 'fr', ',')).toBe('22500');
    expect(pastedNumber('1,234.50', 'en', '.')).toBe('1234.5');
  });

  it('leaves a text it cannot read to the field', () => {
    expect(pastedNumber('douze', 'fr', ',')).toBeNull();
    expect(pastedNumber('1e30', 'fr', ',')).toBeNull();
  });
});
