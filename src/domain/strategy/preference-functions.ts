import { DomainError } from '../shared/errors.ts';
import type { PreferenceFunction } from './schemas.ts';

/**
 * The six generalised criteria of Brans & Vincke (1985): how a difference d = g(a) − g(b) (already oriented so that
 * more is better) becomes a degree of preference P(d) in [0, 1]. P is 0 for d ≤ 0 in every type.
 */

/** Thresholds checked once, so the hot loops need no optional chaining. */
export type CheckedPreference =
  | { type: 'usual' }
  | { type: 'u-shape'; q: number }
  | { type: 'v-shape'; p: number }
  | { type: 'level'; q: number; p: number }
  | { type: 'linear'; q: number; p: number }
  | { type: 'gaussian'; s: number };

export function preferenceDegree(fn: CheckedPreference, d: number): number {
  if (!(d > 0)) return 0;
  switch (fn.type) {
    case 'usual':
      return 1;
    case 'u-shape':
      return d > fn.q ? 1 : 0;
    case 'v-shape':
      return d > fn.p ? 1 : d / fn.p;
    case 'level':
      return d > fn.p ? 1 : d > fn.q ? 0.5 : 0;
    case 'linear':
      return d > fn.p ? 1 : d > fn.q ? (d - fn.q) / (fn.p - fn.q) : 0;
    case 'gaussian':
      return 1 - Math.exp(-(d * d) / (2 * fn.s * fn.s));
  }
}

/** Checks that the parameters a type needs are there and ordered (0 ≤ q ≤ p, p > 0, s > 0). */
export function checkPreference(criterionId: string, fn: PreferenceFunction): CheckedPreference {
  const need = (name: 'q' | 'p' | 's'): number => {
    const value = fn[name];
    if (value === undefined) {
      throw new DomainError(
        'RANK_PREFERENCE_PARAMETER_MISSING',
        `Criterion "${criterionId}": the ${fn.type} preference function needs ${name}.`,
        { criterion: criterionId, parameter: name },
      );
    }
    if (!Number.isFinite(value) || value < 0) {
      throw new DomainError(
        'RANK_PREFERENCE_PARAMETER_INVALID',
        `Criterion "${criterionId}": ${name} must be a finite number ≥ 0, got ${value}.`,
        { criterion: criterionId, parameter: name },
      );
    }
    return value;
  };
  const positive = (name: 'p' | 's'): number => {
    const value = need(name);
    if (value === 0) {
      throw new DomainError(
        'RANK_PREFERENCE_PARAMETER_INVALID',
        `Criterion "${criterionId}": ${name} must be greater than 0 for the ${fn.type} preference function.`,
        { criterion: criterionId, parameter: name },
      );
    }
    return value;
  };
  const ordered = (): { q: number; p: number } => {
    const q = need('q');
    const p = need('p');
    if (q > p) {
      throw new DomainError(
        'RANK_PREFERENCE_THRESHOLDS_ORDER',
        `Criterion "${criterionId}": the indifference threshold q (${q}) exceeds the preference threshold p (${p}).`,
        { criterion: criterionId, q, p },
      );
    }
    return { q, p };
  };
  switch (fn.type) {
    case 'usual':
      return { type: 'usual' };
    case 'u-shape':
      return { type: 'u-shape', q: need('q') };
    case 'v-shape':
      return { type: 'v-shape', p: positive('p') };
    case 'level':
      return { type: 'level', ...ordered() };
    case 'linear':
      return { type: 'linear', ...ordered() };
    case 'gaussian':
      return { type: 'gaussian', s: positive('s') };
  }
}
