import { describe, expect, it } from 'vitest';
import { UserCreateInput } from '../../domain/auth/users.ts';
import { CommuneProfileInput, SiteInput } from '../../domain/communes/commune.ts';
import { zodFormErrors } from './form-validation.ts';

/** Echoes the key and its options, so the tests see which message was chosen. */
const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);

describe('zodFormErrors: the server’s schemas checked in the form', () => {
  it('accepts valid input', () => {
    expect(zodFormErrors(SiteInput, { name: 'Musée', kind: 'culture', description: '' }, t)).toEqual({});
    expect(zodFormErrors(CommuneProfileInput, { description: '', website: '', contactEmail: '' }, t)).toEqual({});
  });

  it('words each field’s first problem through the UI catalogue', () => {
    expect(zodFormErrors(SiteInput, { name: '', kind: 'castle' }, t)).toEqual({
      name: 'validation.required',
      kind: 'validation.choice',
    });
    expect(zodFormErrors(CommuneProfileInput, { website: 'www.arlon.be', contactEmail: 'nope' }, t)).toEqual({
      website: 'validation.url',
      contactEmail: 'validation.email',
    });
  });

  it('turns the schema’s own rule codes into messages', () => {
    const errors = zodFormErrors(
      UserCreateInput,
      { email: 'e@arlon.be', displayName: 'Éric', role: 'commune_editor', communeNis: null, password: 'short' },
      t,
    );
    expect(errors).toEqual({
      communeNis: 'validation.COMMUNE_REQUIRED_FOR_ROLE',
      password: 'validation.tooShort {"minimum":12}',
    });
  });
});
