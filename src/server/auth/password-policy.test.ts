import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages.ts';
import { generatePassword } from './password.ts';
import { passwordWeakness, WEAK_PASSWORD_CODES } from './password-policy.ts';

const claire = { email: 'claire.dumont@arlon.be', displayName: 'Claire Dumont', agencyName: 'IDELUX Projets publics' };

describe('the password policy', () => {
  it.each([
    // The audit's examples: any 12 characters were accepted.
    ['aaaaaaaaaaaa', 'PASSWORD_PATTERN'],
    ['password1234', 'PASSWORD_COMMON'],
    ['            ', 'PASSWORD_PATTERN'],
    ['claire.dumont@arlon.be', 'PASSWORD_PERSONAL'],
    // French and AZERTY habits.
    ['motdepasse123', 'PASSWORD_GUESSABLE'],
    ['azertyuiop12', 'PASSWORD_PATTERN'],
    ['soleil123456', 'PASSWORD_GUESSABLE'],
    ['p@ssw0rd1234', 'PASSWORD_COMMON'],
    // Context: one's name, the application, the agency.
    ['ClaireDumont1!', 'PASSWORD_PERSONAL'],
    ['SmartRural2026!', 'PASSWORD_PERSONAL'],
    ['Idelux2026!!', 'PASSWORD_PERSONAL'],
    ['arlon.claire.2026', 'PASSWORD_PERSONAL'],
  ])('refuses %j (%s)', (password, reason) => {
    expect(passwordWeakness(password, claire)).toBe(reason);
  });

  it.each([
    'le chat de la voisine dort au soleil',
    'Vélo rouge sur la place 7',
    'Marché-de-Noël-Bastogne',
    'correct horse battery staple',
    'un-nouveau-mot-de-passe-2026',
    // Context inside a long passphrase is allowed: it is not most of it.
    'idelux-soleil-vert-sur-la-Semois',
  ])('accepts %j', (password) => {
    expect(passwordWeakness(password, claire)).toBeNull();
  });

  it('accepts every password it generates (account creation, resets, the first admin)', () => {
    for (let i = 0; i < 50; i++) expect(passwordWeakness(generatePassword(), claire)).toBeNull();
  });

  it('gives every reason in French and in English', () => {
    for (const code of WEAK_PASSWORD_CODES) {
      expect(translate(code, 'fr')).toMatch(/^ce mot de passe /);
      expect(translate(code, 'en')).toMatch(/^this password /);
    }
    expect(translate('PASSWORD_COMMON', 'fr')).toBe(
      'ce mot de passe est l’un des plus répandus, ou ressemble à un mot de passe déjà divulgué : choisissez-en un autre',
    );
  });
});
