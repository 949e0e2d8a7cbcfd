import { z } from 'zod';
import { formatDate } from '../shared/format.ts';
import { IsoDate } from '../shared/schemas.ts';
import { ProcurementProcedure } from './procurement.ts';

/**
 * The procurement file (*dossier de marché*) of a project: its steps in order, their planned and actual dates, the
 * awarded amount. The rules here are pure: which steps a procedure has, whether the dates make sense, what is late.
 */

export const ProcurementStep = z.enum([
  'specifications',
  'publication',
  'questions',
  'offers-received',
  'evaluation',
  'award',
  'notification',
  'contract',
]);
export type ProcurementStep = z.infer<typeof ProcurementStep>;

export const STEP_LABELS_FR: Record<ProcurementStep, string> = {
  specifications: 'Cahier des charges',
  publication: "Publication de l'avis de marché",
  questions: 'Questions-réponses',
  'offers-received': 'Réception des offres',
  evaluation: 'Évaluation des offres',
  award: 'Attribution',
  notification: "Notification de l'attribution",
  contract: 'Conclusion du contrat',
};

/**
 * A call-off under the agency's framework agreement is an order, not a procedure of the commune's own: the same four
 * stages carry the words of an order (the agency already wrote the specifications and awarded the agreement).
 */
export const CALL_OFF_STEP_LABELS_FR: Partial<Record<ProcurementStep, string>> = {
  specifications: 'Expression du besoin',
  award: 'Décision de commander',
  notification: 'Envoi du bon de commande',
  contract: 'Confirmation de la commande',
};

/** A step's name on the route the file follows: « Cahier des charges » for a procedure, « Expression du besoin » for a call-off. */
export function stepLabelFr(step: ProcurementStep, procedure: ProcurementProcedure | null | undefined): string {
  return (procedure === 'framework-call-off' ? CALL_OFF_STEP_LABELS_FR[step] : undefined) ?? STEP_LABELS_FR[step];
}

/** Questions may never come: a file without them is complete. */
const OPTIONAL_STEPS: ReadonlySet<ProcurementStep> = new Set(['questions']);

const ALL_STEPS = ProcurementStep.options;

/**
 * Steps by procedure. A low-value contract has no publication, no formal evaluation report and no notification: the
 * accepted invoice or the order form concludes it. A call-off under the framework agreement is an order: the need
 * is described, the order decided, sent, and it binds the supplier. The negotiated procedure without prior
 * publication invites operators directly, so it has no publication.
 */
const STEPS_BY_PROCEDURE: Record<ProcurementProcedure, readonly ProcurementStep[]> = {
  'framework-call-off': ['specifications', 'award', 'notification', 'contract'],
  'low-value': ['specifications', 'offers-received', 'award', 'contract'],
  'negotiated-without-publication': ALL_STEPS.filter((s) => s !== 'publication'),
  'negotiated-direct-with-publication': ALL_STEPS,
  open: ALL_STEPS,
  restricted: ALL_STEPS,
  'competitive-negotiation': ALL_STEPS,
  'competitive-dialogue': ALL_STEPS,
  'innovation-partnership': ALL_STEPS,
};

export function stepsFor(procedure: ProcurementProcedure): readonly ProcurementStep[] {
  return STEPS_BY_PROCEDURE[procedure];
}

export const ProcurementStepRecord = z.strictObject({
  step: ProcurementStep,
  plannedDate: IsoDate.optional(),
  actualDate: IsoDate.optional().describe('the date the step was done; absent while it is not'),
});
export type ProcurementStepRecord = z.infer<typeof ProcurementStepRecord>;

export const ProcurementFile = z.strictObject({
  procedure: ProcurementProcedure,
  steps: z.array(ProcurementStepRecord),
  // Any finite number here, so that the validator can say in French why 0 or a negative amount is wrong.
  awardAmountExclVat: z.number().finite().optional(),
});
export type ProcurementFile = z.infer<typeof ProcurementFile>;

export type ProcurementFileProblem = {
  code:
    | 'STEP_NOT_APPLICABLE'
    | 'STEP_DUPLICATED'
    | 'STEP_BEFORE_PREVIOUS'
    | 'PLANNED_STEP_BEFORE_PREVIOUS'
    | 'EARLIER_STEP_MISSING'
    | 'AWARD_AMOUNT_NOT_POSITIVE'
    | 'AWARD_AMOUNT_MISSING'
    | 'STEP_DONE_IN_FUTURE';
  severity: 'error' | 'warning';
  step?: ProcurementStep;
  messageFr: string;
};

export type ProcurementFileValidation = { valid: boolean; problems: ProcurementFileProblem[] };

/**
 * Checks a file; errors make it invalid, warnings only point at gaps a user may still fill. With `today`
 * (YYYY-MM-DD), a step done after today is an error: a date done is a fact, and OCDS would publish it as one.
 */
export function validateProcurementFile(file: ProcurementFile, today?: string): ProcurementFileValidation {
  const problems: ProcurementFileProblem[] = [];
  const applicable = stepsFor(file.procedure);
  const label = (step: ProcurementStep) => stepLabelFr(step, file.procedure);
  const seen = new Set<ProcurementStep>();
  for (const record of file.steps) {
    if (!applicable.includes(record.step)) {
      problems.push({
        code: 'STEP_NOT_APPLICABLE',
        severity: 'error',
        step: record.step,
        messageFr: `L'étape « ${label(record.step)} » n'existe pas pour cette procédure.`,
      });
    }
    if (seen.has(record.step)) {
      problems.push({
        code: 'STEP_DUPLICATED',
        severity: 'error',
        step: record.step,
        messageFr: `L'étape « ${label(record.step)} » est enregistrée plusieurs fois.`,
      });
    }
    seen.add(record.step);
  }

  const ordered = orderedRecords(file);
  if (today) {
    for (const r of ordered) {
      if (r.actualDate && r.actualDate > today) {
        problems.push({
          code: 'STEP_DONE_IN_FUTURE',
          severity: 'error',
          step: r.step,
          messageFr:
            `La date réalisée de l'étape « ${label(r.step)} » (${frenchDate(r.actualDate)}) est dans le futur : ` +
            `une étape faite l'est au plus tard aujourd'hui (${frenchDate(today)}). Indiquez plutôt une date prévue.`,
        });
      }
    }
  }
  problems.push(...datesInOrder(ordered, 'actualDate', label), ...datesInOrder(ordered, 'plannedDate', label));

  let lastDone = -1;
  ordered.forEach((r, i) => {
    if (r.actualDate) lastDone = i;
  });
  for (const [i, r] of ordered.entries()) {
    if (i < lastDone && !r.actualDate && !OPTIONAL_STEPS.has(r.step)) {
      problems.push({
        code: 'EARLIER_STEP_MISSING',
        severity: 'warning',
        step: r.step,
        messageFr: `L'étape « ${label(r.step)} » n'a pas de date alors qu'une étape suivante est faite.`,
      });
    }
  }

  if (file.awardAmountExclVat !== undefined && file.awardAmountExclVat <= 0) {
    problems.push({
      code: 'AWARD_AMOUNT_NOT_POSITIVE',
      severity: 'error',
      step: 'award',
      messageFr: 'Le montant attribué doit être supérieur à 0 € HTVA.',
    });
  }
  const awarded = ordered.find((r) => r.step === 'award')?.actualDate;
  if (awarded && file.awardAmountExclVat === undefined) {
    problems.push({
      code: 'AWARD_AMOUNT_MISSING',
      severity: 'warning',
      step: 'award',
      messageFr: "Le marché est attribué mais le montant attribué n'est pas encore saisi.",
    });
  }
  return { valid: problems.every((p) => p.severity !== 'error'), problems };
}

export type OverdueStep = { step: ProcurementStep; labelFr: string; plannedDate: string; daysLate: number };

/** Steps planned before `today` (YYYY-MM-DD) and not done yet, in the order of the file. */
export function findOverdueSteps(file: ProcurementFile, today: string): OverdueStep[] {
  return orderedRecords(file)
    .filter((r): r is ProcurementStepRecord & { plannedDate: string } =>
      Boolean(r.plannedDate && !r.actualDate && r.plannedDate < today),
    )
    .map((r) => ({
      step: r.step,
      labelFr: stepLabelFr(r.step, file.procedure),
      plannedDate: r.plannedDate,
      daysLate: daysBetween(r.plannedDate, today),
    }));
}

/** The first step of the procedure not done yet, or null when the contract is concluded. */
export function nextStep(file: ProcurementFile): ProcurementStep | null {
  const done = new Set(file.steps.filter((r) => r.actualDate).map((r) => r.step));
  return stepsFor(file.procedure).find((s) => !done.has(s) && !OPTIONAL_STEPS.has(s)) ?? null;
}

/** The file's applicable records in the procedure's order (first record wins when a step is duplicated). */
function orderedRecords(file: ProcurementFile): ProcurementStepRecord[] {
  return stepsFor(file.procedure)
    .map((step) => file.steps.find((r) => r.step === step))
    .filter((r): r is ProcurementStepRecord => r !== undefined);
}

function datesInOrder(
  ordered: ProcurementStepRecord[],
  field: 'actualDate' | 'plannedDate',
  label: (step: ProcurementStep) => string,
): ProcurementFileProblem[] {
  const problems: ProcurementFileProblem[] = [];
  let previous: ProcurementStepRecord | undefined;
  for (const r of ordered) {
    const date = r[field];
    if (!date) continue;
    const before = previous?.[field];
    if (previous && before && date < before) {
      problems.push({
        code: field === 'actualDate' ? 'STEP_BEFORE_PREVIOUS' : 'PLANNED_STEP_BEFORE_PREVIOUS',
        severity: 'error',
        step: r.step,
        messageFr:
          `${field === 'actualDate' ? 'La date' : 'La date prévue'} de l'étape « ${label(r.step)} » ` +
          `(${frenchDate(date)}) précède celle de l'étape « ${label(previous.step)} » (${frenchDate(before)}).`,
      });
    }
    // Compare with the latest date seen so far, so one early date is not hidden by a later wrong one.
    if (!before || date >= before) previous = r;
  }
  return problems;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function frenchDate(isoDate: string): string {
  return formatDate(isoDate, 'fr');
}
