import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/shared/errors.ts';
import { ApiError } from './api.ts';
import { userMessage } from './errors.ts';

const t = (key: string) => `«${key}»`;

describe('the message a user reads about an error', () => {
  it('keeps the messages written for people', () => {
    expect(userMessage(new ApiError(400, 'X', 'Le montant doit être positif.'), t)).toBe(
      'Le montant doit être positif.',
    );
    expect(userMessage(new DomainError('SCORE_OUT_OF_SCALE', 'Paliers incohérents.'), t)).toBe('Paliers incohérents.');
  });

  it('never shows a raw JavaScript error', () => {
    let crash: unknown;
    try {
      (undefined as unknown as { fromQuantity: number }).fromQuantity;
    } catch (error) {
      crash = error;
    }
    expect(userMessage(crash, t)).toBe('«common.unexpectedError»');
    expect(userMessage(new SyntaxError('Unexpected token } in JSON'), t)).toBe('«common.unexpectedError»');
    expect(userMessage('boom', t)).toBe('«common.unexpectedError»');
  });
});
