import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProcurementProcedure } from './procurement.ts';
import {
  findOverdueSteps,
  nextStep,
  type ProcurementFile,
  ProcurementStep,
  stepLabelFr,
  stepsFor,
  validateProcurementFile,
} from './procurement-file.ts';

const codes = (file: ProcurementFile) => validateProcurementFile(file).problems.map((p) => p.code);

describe('stepsFor', () => {
  it('keeps the steps in the order of the file for every procedure', () => {
    for (const procedure of ProcurementProcedure.options) {
      const steps = stepsFor(procedure);
      const positions = steps.map((s) => ProcurementStep.options.indexOf(s));
      expect(positions, procedure).toEqual([...positions].sort((a, b) => a - b));
      expect(steps[0]).toBe('specifications');
      expect(steps.at(-1)).toBe('contract');
    }
  });

  it('has no publication for a low-value contract, a negotiated procedure without publication or a call-off', () => {
    expect(stepsFor('low-value')).not.toContain('publication');
    expect(stepsFor('negotiated-without-publication')).not.toContain('publication');
    expect(stepsFor('framework-call-off')).not.toContain('publication');
    expect(stepsFor('open')).toContain('publication');
    expect(stepsFor('negotiated-direct-with-publication')).toContain('publication');
  });
});

describe('validateProcurementFile', () => {
  const openFile: ProcurementFile = {
    procedure: 'open',
    steps: [
      { step: 'specifications', plannedDate: '2026-02-01', actualDate: '2026-02-03' },
      { step: 'publication', plannedDate: '2026-02-10', actualDate: '2026-02-10' },
      { step: 'offers-received', plannedDate: '2026-03-20', actualDate: '2026-03-20' },
      { step: 'evaluation', plannedDate: '2026-04-10', actualDate: '2026-04-08' },
      { step: 'award', plannedDate: '2026-04-20', actualDate: '2026-04-20' },
      { step: 'notification', plannedDate: '2026-04-25', actualDate: '2026-04-20' },
      { step: 'contract', plannedDate: '2026-05-01' },
    ],
    awardAmountExclVat: 182_500,
  };

  it('accepts a consistent file, with two steps on the same day and no questions', () => {
    expect(validateProcurementFile(openFile)).toEqual({ valid: true, problems: [] });
  });

  it('refuses a step dated before the previous one, in French, with dd/mm/yyyy dates', () => {
    const file: ProcurementFile = {
      ...openFile,
      steps: openFile.steps.map((s) => (s.step === 'award' ? { ...s, actualDate: '2026-03-01' } : s)),
    };
    const result = validateProcurementFile(file);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'STEP_BEFORE_PREVIOUS',
        step: 'award',
        messageFr: expect.stringContaining('(01/03/2026) précède celle'),
      }),
    ]);
  });

  it('checks planned dates in the same way, whatever the order the records come in', () => {
    const file: ProcurementFile = {
      procedure: 'negotiated-without-publication',
      steps: [
        { step: 'award', plannedDate: '2026-01-10' },
        { step: 'specifications', plannedDate: '2026-02-01' },
      ],
    };
    expect(codes(file)).toEqual(['PLANNED_STEP_BEFORE_PREVIOUS']);
  });

  it('refuses an award amount of zero or less, and notes a missing one', () => {
    expect(codes({ ...openFile, awardAmountExclVat: 0 })).toEqual(['AWARD_AMOUNT_NOT_POSITIVE']);
    expect(codes({ ...openFile, awardAmountExclVat: -5 })).toEqual(['AWARD_AMOUNT_NOT_POSITIVE']);
    const missing = validateProcurementFile({ ...openFile, awardAmountExclVat: undefined });
    expect(missing).toMatchObject({ valid: true, problems: [{ code: 'AWARD_AMOUNT_MISSING', severity: 'warning' }] });
  });

  it('refuses a publication step in a low-value file and a duplicated step', () => {
    const file: ProcurementFile = {
      procedure: 'low-value',
      steps: [
        { step: 'specifications', actualDate: '2026-01-05' },
        { step: 'publication', actualDate: '2026-01-06' },
        { step: 'specifications', actualDate: '2026-01-07' },
      ],
    };
    expect(codes(file)).toEqual(['STEP_NOT_APPLICABLE', 'STEP_DUPLICATED']);
  });

  it('warns when a step is left without a date while a later one is done', () => {
    const file: ProcurementFile = {
      procedure: 'open',
      steps: [
        { step: 'specifications', actualDate: '2026-01-05' },
        { step: 'publication' },
        { step: 'offers-received', actualDate: '2026-02-20' },
      ],
    };
    expect(validateProcurementFile(file)).toMatchObject({
      valid: true,
      problems: [{ code: 'EARLIER_STEP_MISSING', step: 'publication', severity: 'warning' }],
    });
  });

  it('never reports a date-order error for dates that rise along the steps (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ProcurementProcedure.options),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 8, maxLength: 8 }),
        (procedure, gaps) => {
          let day = Date.UTC(2026, 0, 1);
          const steps = stepsFor(procedure).map((step, i) => {
            day += gaps[i]! * 86_400_000;
            return { step, actualDate: new Date(day).toISOString().slice(0, 10) };
          });
          const result = validateProcurementFile({ procedure, steps, awardAmountExclVat: 1 });
          expect(result.problems).toEqual([]);
        },
      ),
    );
  });
});

describe('findOverdueSteps and nextStep', () => {
  const file: ProcurementFile = {
    procedure: 'negotiated-direct-with-publication',
    steps: [
      { step: 'specifications', plannedDate: '2026-03-01', actualDate: '2026-03-04' },
      { step: 'publication', plannedDate: '2026-03-15' },
      { step: 'offers-received', plannedDate: '2026-04-15' },
      { step: 'award', plannedDate: '2026-05-15' },
    ],
  };

  it('lists the steps planned before today and not done, with the days of delay', () => {
    expect(findOverdueSteps(file, '2026-04-20')).toEqual([
      { step: 'publication', labelFr: "Publication de l'avis de marché", plannedDate: '2026-03-15', daysLate: 36 },
      { step: 'offers-received', labelFr: 'Réception des offres', plannedDate: '2026-04-15', daysLate: 5 },
    ]);
  });

  it('is not late on the planned day itself, nor once the step is done', () => {
    expect(findOverdueSteps(file, '2026-03-15')).toEqual([]);
    expect(findOverdueSteps(file, '2026-03-02')).toEqual([]);
  });

  it('gives the next step to do, skipping the optional questions', () => {
    expect(nextStep(file)).toBe('publication');
    const done: ProcurementFile = {
      procedure: 'low-value',
      steps: stepsFor('low-value').map((step) => ({ step, actualDate: '2026-01-10' })),
    };
    expect(nextStep(done)).toBeNull();
    expect(
      nextStep({
        procedure: 'open',
        steps: [
          { step: 'specifications', actualDate: '2026-01-10' },
          { step: 'publication', actualDate: '2026-01-11' },
        ],
      }),
    ).toBe('offers-received');
  });
});

describe('a file follows the route chosen', () => {
  it('names the steps of a call-off as an order, not as a procedure of the commune’s own', () => {
    const callOff: ProcurementFile = { procedure: 'framework-call-off', steps: [] };
    expect(nextStep(callOff)).toBe('specifications');
    expect(stepLabelFr(nextStep(callOff)!, 'framework-call-off')).toBe('Expression du besoin');
    expect(stepsFor('framework-call-off').map((s) => stepLabelFr(s, 'framework-call-off'))).toEqual([
      'Expression du besoin',
      'Décision de commander',
      'Envoi du bon de commande',
      'Confirmation de la commande',
    ]);
    expect(stepLabelFr('specifications', 'open')).toBe('Cahier des charges');
    expect(stepsFor('framework-call-off').map((s) => stepLabelFr(s, 'framework-call-off'))).not.toContain(
      'Cahier des charges',
    );
  });

  it('refuses a step done after today, naming the step and both dates', () => {
    const file: ProcurementFile = {
      procedure: 'low-value',
      steps: [
        { step: 'specifications', actualDate: '2026-03-01' },
        { step: 'offers-received', actualDate: '2026-07-15' },
      ],
    };
    const result = validateProcurementFile(file, '2026-06-30');
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'STEP_DONE_IN_FUTURE',
        step: 'offers-received',
        messageFr: expect.stringContaining('« Réception des offres » (15/07/2026) est dans le futur'),
      }),
    ]);
    expect(validateProcurementFile(file, '2026-07-15').valid).toBe(true);
    // A planned date may be in the future: that is what planning is.
    expect(
      validateProcurementFile(
        { procedure: 'low-value', steps: [{ step: 'specifications', plannedDate: '2027-01-10' }] },
        '2026-06-30',
      ).valid,
    ).toBe(true);
  });
});
