import { describe, expect, it } from 'vitest';
import { PasswordChangeConfirmed, UserCreateInput } from '../../domain/auth/users.ts';
import { CommuneProfileInput, SiteInput } from '../../domain/communes/commune.ts';
import { MissionUpdateInput } from '../../domain/missions/mission.ts';
import { FORM_ERROR, unshownErrors, zodFormErrors } from './form-validation.ts';

/** Echoes the key and its options, so the tests see which message was chosen. */
const t = (key: string, options?: Record<string, unknown>) => {
  const { defaultValue: _fallback, ...rest } = options ?? {};
  return Object.keys(rest).length > 0 ? `${key} ${JSON.stringify(rest)}` : key;
};

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

describe('form-level errors are kept and shown', () => {
  it('words an update that carries keys its strict schema refuses (the mission edit form’s old bug)', () => {
    const update = {
      title: 'Habay Smart',
      consultantIds: ['8c0c1a52-6f55-4b9e-9a43-3a1f8d7d0c11'],
      phase: 'implementation',
      startDate: '2026-12-01',
      communeNis: undefined,
      siteId: undefined,
    };
    expect(zodFormErrors(MissionUpdateInput, update, t)).toEqual({
      [FORM_ERROR]: 'validation.unexpectedFields {"fields":"communeNis, siteId"}',
    });
    const { communeNis: _c, siteId: _s, ...clean } = update;
    expect(zodFormErrors(MissionUpdateInput, clean, t)).toEqual({});
  });

  it('words the schemas’ rule codes and the minimum of a list', () => {
    expect(
      zodFormErrors(
        MissionUpdateInput,
        { consultantIds: [], startDate: '2026-12-01', endDate: '2026-11-30' },
        (key, options) =>
          key === 'validation.END_BEFORE_START' ? 'fin avant début' : `${key} ${JSON.stringify(options)}`,
      ),
    ).toEqual({ consultantIds: 'validation.atLeast {"count":1}', endDate: 'fin avant début' });
  });

  it('says the password confirmation differs, under its field, alongside the new password’s own problem', () => {
    const words = (key: string) => (key === 'validation.PASSWORDS_DIFFER' ? 'différents' : key);
    expect(
      zodFormErrors(
        PasswordChangeConfirmed,
        { currentPassword: 'x', newPassword: 'court', confirmation: 'cour' },
        words,
      ),
    ).toEqual({ newPassword: 'validation.tooShort', confirmation: 'différents' });
    const same = { currentPassword: 'x', newPassword: 'un-long-mot-de-passe', confirmation: 'un-long-mot-de-passe' };
    expect(zodFormErrors(PasswordChangeConfirmed, same, words)).toEqual({});
  });

  it('lists every error that no input displays, the form-level one first', () => {
    const errors = { [FORM_ERROR]: 'refusé', title: 'obligatoire', 'costs.0.amount': 'invalide', note: '' };
    expect(unshownErrors(errors, new Set(['title', 'costs']))).toEqual([
      { path: FORM_ERROR, message: 'refusé' },
      { path: 'costs.0.amount', message: 'invalide' },
    ]);
  });
});

describe('every validated form shows its unshown errors', () => {
  it('renders a FormErrorSummary for each form that validates with zodFormErrors', () => {
    const sources = import.meta.glob<string>('../**/*.tsx', { query: '?raw', import: 'default', eager: true });
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const missing = Object.entries(sources).filter(([, source]) => {
      const validated = source.match(/zodFormErrors\(/g)?.length ?? 0;
      const shown = source.match(/<FormErrorSummary /g)?.length ?? 0;
      return validated > 0 && shown < Math.min(validated, source.match(/useForm[<(]/g)?.length ?? 0);
    });
    expect(missing.map(([file]) => file)).toEqual([]);
  });
});
