import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../domain/implementation/follow-up.ts';
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
});
const read = (e: HistoryEntry, language: 'fr' | 'en') => historyText(e, i18n.getFixedT(language), language);

describe('history lines in the reader’s language', () => {
  // The same facts the service stores with each line (implementation.service.ts), worded as its French summary.
  const cases: [HistoryEntry, string, string][] = [
    [
      entry('implementation.status', { from: 'suspended', to: 'in-progress', reason: null }),
      'Statut : suspendu → en cours',
      'Status: suspended → in progress',
    ],
    [
      entry('implementation.status', { from: 'in-progress', to: 'suspended', reason: 'Subside en attente' }),
      'Statut : en cours → suspendu (Subside en attente)',
      'Status: in progress → suspended (Subside en attente)',
    ],
    [
      entry('implementation.milestone.update', {
        title: 'Étude de faisabilité',
        dueDate: '2026-05-29',
        doneDate: null,
        met: false,
      }),
      'Jalon modifié : « Étude de faisabilité » pour le 29/05/2026',
      'Milestone changed: “Étude de faisabilité” due 29/05/2026',
    ],
    [
      entry('implementation.measurement.update', {
        name: 'Points lumineux LED',
        unit: 'points',
        previousValue: 50,
        previousDate: '2026-02-27',
        value: 55,
        date: '2026-02-28',
      }),
      'Mesure « Points lumineux LED » corrigée : 50 points le 27/02/2026 → 55 points le 28/02/2026',
      'Measurement “Points lumineux LED” corrected: 50 points on 27/02/2026 → 55 points on 28/02/2026',
    ],
    [
      entry('implementation.indicator.update', {
        name: 'Points lumineux LED',
        unit: 'points',
        baseline: 10,
        target: 320,
        previousName: 'Points lumineux',
      }),
      'Indicateur modifié : « Points lumineux LED » (10 → 320 points), anciennement « Points lumineux »',
      'Indicator changed: “Points lumineux LED” (10 → 320 points), formerly “Points lumineux”',
    ],
    [
      entry('implementation.update', { progressFrom: 0, progressTo: 35, budget: true, funding: false, risks: null }),
      'Suivi : avancement 0 % → 35 %, budget par année mis à jour',
      'Follow-up: progress 0 % → 35 %, budget by year updated',
    ],
    [
      entry('implementation.procurement.create', {
        procedure: 'low-value',
        amount: 25_000,
        steps: ['specifications'],
        vendor: null,
      }),
      `Dossier de marché : ${fr.implementation.procedures['low-value']}, 25 000 € HTVA, étapes faites : ${fr.implementation.steps.specifications}`,
      `Procurement file: ${en.implementation.procedures['low-value']}, €25,000 excl. VAT, steps done: ${en.implementation.steps.specifications}`,
    ],
  ];

  it('words each change from its stored facts, in French as the server wrote it and in English', () => {
    for (const [e, french, english] of cases) {
      expect(read(e, 'fr').replace(/\u202f|\u00a0/g, ' ')).toBe(french);
      expect(read(e, 'en')).toBe(english);
    }
  });

  it('shows the lines written before the facts were stored as they were written', () => {
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
