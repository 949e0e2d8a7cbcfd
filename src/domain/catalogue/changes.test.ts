import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { checkAgreementChange, checkCancellation } from './agreements.ts';
import { checkImage, IMAGE_LIMITS, MAX_SCREENSHOTS, sniffImage } from './images.ts';

const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};
const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : p)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 0]);

describe('uploaded images', () => {
  it('knows PNG, JPEG and WebP by their first bytes, and nothing else', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xdb], [1, 2]))).toBe('image/jpeg');
    expect(sniffImage(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull(); // a RIFF that is sound
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(bytes('GIF89a'))).toBeNull();
    expect(sniffImage(bytes([0x89, 0x50]))).toBeNull();
  });

  it('never accepts bytes that do not start with an image signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (data) => {
        fc.pre(sniffImage(data) === null);
        expect(codeOf(() => checkImage('screenshot', data, 0))).toBe('IMAGE_TYPE');
      }),
    );
  });

  it('limits the size per kind and the number of screenshots', () => {
    const big = new Uint8Array(IMAGE_LIMITS.logo + 1);
    big.set(PNG);
    expect(codeOf(() => checkImage('logo', big, 0))).toBe('IMAGE_TOO_LARGE');
    expect(checkImage('screenshot', big, 0)).toBe('image/png');
    expect(codeOf(() => checkImage('screenshot', PNG, MAX_SCREENSHOTS))).toBe('TOO_MANY_SCREENSHOTS');
    expect(checkImage('logo', PNG, MAX_SCREENSHOTS)).toBe('image/png'); // a logo is not a screenshot
    expect(codeOf(() => checkImage('logo', new Uint8Array(0), 0))).toBe('IMAGE_EMPTY');
  });
});

describe('agreement change', () => {
  const base = {
    startDate: '2026-01-01',
    endDate: '2029-12-31',
    ceiling: 10_000,
    ordered: 4000,
    firstOrder: '2026-03-01',
    lastOrder: '2026-09-30',
  };
  it('keeps the period around the call-offs and the ceiling above what was ordered', () => {
    expect(codeOf(() => checkAgreementChange(base))).toBeNull();
    expect(codeOf(() => checkAgreementChange({ ...base, startDate: '2026-03-02' }))).toBe(
      'AGREEMENT_PERIOD_EXCLUDES_CALL_OFFS',
    );
    expect(codeOf(() => checkAgreementChange({ ...base, endDate: '2026-09-29' }))).toBe(
      'AGREEMENT_PERIOD_EXCLUDES_CALL_OFFS',
    );
    expect(codeOf(() => checkAgreementChange({ ...base, startDate: '2026-03-01', endDate: '2026-09-30' }))).toBeNull();
    expect(codeOf(() => checkAgreementChange({ ...base, ceiling: 3999.99 }))).toBe('AGREEMENT_CEILING_BELOW_ORDERED');
    expect(codeOf(() => checkAgreementChange({ ...base, ceiling: 4000 }))).toBeNull();
    expect(codeOf(() => checkAgreementChange({ ...base, ceiling: null }))).toBeNull();
    expect(codeOf(() => checkAgreementChange({ ...base, endDate: '2025-12-31' }))).toBe('AGREEMENT_PERIOD_ORDER');
    // without call-offs, any period in order
    expect(
      codeOf(() =>
        checkAgreementChange({
          ...base,
          ordered: 0,
          firstOrder: null,
          lastOrder: null,
          startDate: '2030-01-01',
          endDate: '2030-01-01',
        }),
      ),
    ).toBeNull();
  });
});

describe('call-off cancellation', () => {
  const orderedAt = new Date('2026-05-01T10:00:00Z');
  const day = 86_400_000;
  it('lets the commune cancel within 14 days, the agency at any time, and never twice', () => {
    const at = (days: number, byAgency: boolean) =>
      codeOf(() =>
        checkCancellation({ cancelledAt: null, orderedAt, now: new Date(orderedAt.getTime() + days * day), byAgency }),
      );
    expect(at(0, false)).toBeNull();
    expect(at(14, false)).toBeNull();
    expect(at(14.01, false)).toBe('CALL_OFF_CANCEL_TOO_LATE');
    expect(at(400, true)).toBeNull();
    expect(codeOf(() => checkCancellation({ cancelledAt: orderedAt, orderedAt, now: orderedAt, byAgency: true }))).toBe(
      'CALL_OFF_ALREADY_CANCELLED',
    );
  });
});
