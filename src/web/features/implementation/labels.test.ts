import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { type HistoryEntry, historyEventOf } from '../../../domain/implementation/history.ts';
import { en, fr } from '../../i18n/all-strings.test-support.ts';
import { alertText, historyText, stepLabel } from './labels.tsx';

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  }),
);

const entry = (action: string, params: Record<string, unknown> | null, summary = 'comme écrit'): HistoryEntry => ({
  id: '00000000-0000-4000-8000-000000000000',
  at: '2026-03-02T09:00:00.000Z',
  actor: 'Camille',
  action,
  summary,
  params,
  event: historyEventOf(action, params),
});
const read = (e: HistoryEntry, language: 'fr' | 'en') => historyText(e, i18n.getFixedT(language), language);

describe('history lines in the UI’s language', () => {
  it('words a line from its facts with the UI’s names, and an old line as it was written', () => {
    const line = entry('implementation.procurement.create', {
      procedure: 'low-value',
      amount: 25_000,
      steps: ['specifications'],
      vendor: null,
    });
    expect(read(line, 'en')).toBe(
      `Procurement file: ${en.implementation.procedures['low-value']}, €25,000 excl. VAT, steps done: ${en.implementation.steps.specifications}`,
    );
    expect(read(line, 'fr').replace(/\u202f|\u00a0/g, ' ')).toBe(
      `Dossier de marché : ${fr.implementation.procedures['low-value']}, 25 000 € HTVA, étapes faites : ${fr.implementation.steps.specifications}`,
    );
    const old = entry('implementation.status', null, 'Statut : prévu → en marché public');
    expect(read(old, 'en')).toBe('Statut : prévu → en marché public');
    expect(read(entry('implementation.unknown', {}, 'Autre'), 'en')).toBe('Autre');
  });
});

describe('procurement steps named on the route the file follows', () => {
  it('names a call-off’s steps as an order, never « Cahier des charges »', () => {
    const t = i18n.getFixedT('fr');
    expect(stepLabel(t, 'specifications', 'framework-call-off')).toBe('Expression du besoin');
    expect(stepLabel(t, 'notification', 'framework-call-off')).toBe('Envoi du bon de commande');
    expect(stepLabel(t, 'specifications', 'open')).toBe('Cahier des charges');
    expect(stepLabel(i18n.getFixedT('en'), 'award', 'framework-call-off')).toBe('Decision to order');
  });

  it('words an overdue call-off step and the steps done in history with the order’s words', () => {
    const t = i18n.getFixedT('fr');
    const line = read(
      entry('implementation.procurement.update', {
        procedure: 'framework-call-off',
        amount: 60000,
        steps: ['specifications'],
        vendor: null,
      }),
      'fr',
    );
    expect(line).toContain('étapes faites : Expression du besoin');
    expect(line).not.toContain('Cahier des charges');
    expect(
      alertText(
        {
          kind: 'procurement-step-overdue',
          key: 'k',
          projectId: '00000000-0000-4000-8000-000000000000',
          projectTitle: 'Télégestion',
          missionId: '00000000-0000-4000-8000-000000000000',
          communeNis: '84077',
          communeName: 'Libramont-Chevigny',
          subject: 'notification',
          date: '2026-03-01',
          daysLate: 1,
          amountOver: null,
          procedure: 'framework-call-off',
        },
        t,
        'fr',
      ),
    ).toBe('étape « Envoi du bon de commande » du marché en retard de 1 jour');
  });
});
