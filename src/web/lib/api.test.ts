import { describe, expect, it } from 'vitest';
import { ApiError, toApiError, withQuery } from './api.ts';

describe('API errors', () => {
  it('reads the server’s error shape, keeping field problems for the form', () => {
    const error = toApiError(
      400,
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Données invalides : le champ « website » n’a pas le bon format (url)',
          details: [
            { field: 'website', code: 'FIELD_FORMAT', message: 'le champ « website » n’a pas le bon format (url)' },
            { field: 'website', code: 'FIELD_INVALID', message: 'le champ « website » est invalide' },
            { field: 'name', code: 'FIELD_REQUIRED', message: 'le champ « name » est obligatoire' },
            'not a problem',
          ],
        },
      },
      'fallback',
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('Données invalides');
    expect(error.details).toHaveLength(3);
    expect(error.fieldErrors()).toEqual({
      website: 'Le champ « website » n’a pas le bon format (url) ; le champ « website » est invalide',
      name: 'Le champ « name » est obligatoire',
    });
  });

  it('survives bodies that are not ours', () => {
    const error = toApiError(502, '<html>Bad gateway</html>', '502 Bad Gateway');
    expect(error.code).toBe('HTTP_502');
    expect(error.message).toBe('502 Bad Gateway');
    expect(error.fieldErrors()).toEqual({});
    expect(toApiError(500, null, 'x').details).toEqual([]);
  });
});

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/api/audit', { page: 2, actor: '', action: undefined, communeNis: null })).toBe(
      '/api/audit?page=2',
    );
    expect(withQuery('/api/audit', { actor: 'éric@arlon.be' })).toBe('/api/audit?actor=%C3%A9ric%40arlon.be');
    expect(withQuery('/api/communes', { includeHistorical: true })).toBe('/api/communes?includeHistorical=true');
    expect(withQuery('/api/communes')).toBe('/api/communes');
  });
});
