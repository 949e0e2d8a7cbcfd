import type { ClipboardEvent, KeyboardEvent } from 'react';
import { type Locale, parseNumber } from '../../domain/shared/format.ts';

/**
 * Typing « 1.234,50 » into a French number field: the number field takes the « . » for the decimal separator (so that
 * « 1234.5 » works), shows « 1,234 », then drops the « , » that follows — and the user gets 1,2345. When a separator is
 * typed right after a decimal part of exactly three digits, the earlier separator was a thousands one: the field
 * becomes « 1234, » (and « 1.234.567,89 » ends as 1234567,89). Returns the field's new text and caret, or null to let
 * the keystroke through.
 */
export function thousandsRetyped(
  text: string,
  caret: number,
  key: string,
  decimalSeparator: string,
): { text: string; caret: number } | null {
  if (key !== '.' && key !== ',') return null;
  const at = text.indexOf(decimalSeparator);
  if (at < 0 || text.lastIndexOf(decimalSeparator) !== at || caret !== at + 4) return null;
  if (!/^\d{3}(\D*)$/.test(text.slice(at + 1))) return null;
  const whole = `${text.slice(0, at)}${text.slice(at + 1, at + 4)}`;
  return { text: `${whole}${decimalSeparator}${text.slice(at + 4)}`, caret: whole.length + 1 };
}

/** The number fields' key handler (set once on Mantine's NumberInput defaults): see `thousandsRetyped`. */
export function numberKeyDown(decimalSeparator: string) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    if (input.selectionStart !== input.selectionEnd || input.selectionStart === null) return;
    const next = thousandsRetyped(input.value, input.selectionStart, event.key, decimalSeparator);
    if (!next) return;
    event.preventDefault();
    replaceText(input, next.text, next.caret);
  };
}

/**
 * What a pasted number becomes in the field: the number `parseNumber` reads (« 1.234 » is 1234 in French, « 22 500 € »
 * is 22500), written with the field's decimal separator; null for a text it cannot read, left to the field.
 */
export function pastedNumber(pasted: string, locale: Locale, decimalSeparator: string): string | null {
  const value = parseNumber(pasted, locale);
  if (value === null) return null;
  const plain = String(value);
  return /^-?\d+(\.\d+)?$/.test(plain) ? plain.replace('.', decimalSeparator) : null;
}

/**
 * The number fields' paste handler, run in the capture phase so it goes before Mantine's own (which reads
 * « 1.234 » as 1,234): the pasted text replaces the selection as the number it means.
 */
export function numberPaste(locale: Locale, decimalSeparator: string) {
  return (event: ClipboardEvent<HTMLInputElement>) => {
    const text = pastedNumber(event.clipboardData.getData('text'), locale, decimalSeparator);
    if (text === null) return;
    event.preventDefault();
    event.stopPropagation();
    const input = event.currentTarget;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    replaceText(input, `${input.value.slice(0, start)}${text}${input.value.slice(end)}`, start + text.length);
  };
}

/**
 * The way Mantine's own paste handler hands a rewritten text to the field: the native setter, then an event React
 * (and react-number-format) read as the user's change.
 */
function replaceText(input: HTMLInputElement, text: string, caret: number) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
  input.setSelectionRange(caret, caret);
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
