import { describe, expect, it } from 'vitest';
import { type HistoryEvent, type HistoryNames, historyEventOf, historyLine, storedHistory } from './history.ts';

const english: HistoryNames = {
  procedure: (procedure) => (procedure === 'low-value' ? 'Low-value contract (accepted invoice)' : procedure),
  step: (step) => (step === 'specifications' ? 'Specifications' : step),
};

describe('history lines in the reader’s language', () => {
  const cases: [HistoryEvent, string, string][] = [
    [
      { action: 'implementation.status', from: 'suspended', to: 'in-progress', reason: null },
      'Statut : suspendu → en cours',
      'Status: suspended → in progress',
    ],
    [
      { action: 'implementation.status', from: 'in-progress', to: 'suspended', reason: 'Subside en attente' },
      'Statut : en cours → suspendu (Subside en attente)',
      'Status: in progress → suspended (Subside en attente)',
    ],
    [
      {
        action: 'implementation.milestone.update',
        title: 'Étude de faisabilité',
        dueDate: '2026-05-29',
        doneDate: null,
        met: false,
      },
      'Jalon modifié : « Étude de faisabilité » pour le 29/05/2026',
      'Milestone changed: “Étude de faisabilité” due 29/05/2026',
    ],
    [
      {
        action: 'implementation.measurement.update',
        name: 'Points lumineux LED',
        unit: 'points',
        previousValue: 50,
        previousDate: '2026-02-27',
        value: 55,
        date: '2026-02-28',
      },
      'Mesure « Points lumineux LED » corrigée : 50 points le 27/02/2026 → 55 points le 28/02/2026',
      'Measurement “Points lumineux LED” corrected: 50 points on 27/02/2026 → 55 points on 28/02/2026',
    ],
    [
      {
        action: 'implementation.indicator.update',
        name: 'Points lumineux LED',
        unit: 'points',
        baseline: 10,
        target: 320,
        previousName: 'Points lumineux',
      },
      'Indicateur modifié : « Points lumineux LED » (10 → 320 points), anciennement « Points lumineux »',
      'Indicator changed: “Points lumineux LED” (10 → 320 points), formerly “Points lumineux”',
    ],
    [
      { action: 'implementation.update', progressFrom: 0, progressTo: 35, budget: true, funding: false, risks: null },
      'Suivi : avancement 0 % → 35 %, budget par année mis à jour',
      'Follow-up: progress 0 % → 35 %, budget by year updated',
    ],
    [
      { action: 'implementation.update', progressFrom: 35, progressTo: 35, budget: false, funding: true, risks: 3 },
      'Suivi : sources de financement mises à jour, 3 risques',
      'Follow-up: funding sources updated, 3 risks',
    ],
    [
      {
        action: 'implementation.procurement.create',
        procedure: 'low-value',
        amount: 25_000,
        steps: ['specifications'],
        vendor: null,
      },
      'Dossier de marché : Marché de faible montant (facture acceptée), 25 000 € HTVA, étapes faites : Cahier des charges',
      'Procurement file: Low-value contract (accepted invoice), €25,000 excl. VAT, steps done: Specifications',
    ],
  ];

  it('words each change from its facts, in French (the server’s summary) and in English', () => {
    for (const [event, french, englishLine] of cases) {
      expect(historyLine(event, 'fr').replace(/\u202f|\u00a0/g, ' ')).toBe(french);
      expect(historyLine(event, 'en', english)).toBe(englishLine);
    }
  });

  it('names a call-off’s steps as an order in the French summary', () => {
    const line = historyLine(
      {
        action: 'implementation.procurement.update',
        procedure: 'framework-call-off',
        amount: 60_000,
        steps: ['specifications'],
        vendor: 'Lumière SA',
      },
      'fr',
    );
    expect(line).toContain('étapes faites : Expression du besoin, attribué à Lumière SA');
    expect(line).not.toContain('Cahier des charges');
  });

  it('stores an event as its action and facts, and reads it back; old or unknown lines have no event', () => {
    const event: HistoryEvent = { action: 'implementation.document.create', name: 'Cahier des charges.pdf' };
    const { action, params } = storedHistory(event);
    expect(action).toBe('implementation.document.create');
    expect(params).toEqual({ name: 'Cahier des charges.pdf' });
    expect(historyEventOf(action, params)).toEqual(event);
    expect(historyEventOf('implementation.status', null)).toBeNull();
    expect(historyEventOf('implementation.unknown', {})).toBeNull();
    expect(historyEventOf('implementation.status', { from: 'planned' })).toBeNull();
  });
});
