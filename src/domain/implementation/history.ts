import { z } from 'zod';
import { formatDate, formatEuro, formatNumber, type Locale } from '../shared/format.ts';
import { countOf } from '../shared/french.ts';
import { IsoDateTime } from '../shared/schemas.ts';
import { FollowUpStatus } from './follow-up.ts';
import { PROCEDURE_LABELS_FR, ProcurementProcedure } from './procurement.ts';
import { ProcurementStep, stepLabelFr } from './procurement-file.ts';

/**
 * One line of a project's history (issue 16 item 6): what changed, as facts. The server stores the facts with the
 * line (`project_history.action` and `params`) and the web words them in the reader's language with `historyLine`,
 * the one function that words them (the server keeps its French wording in `summary` for the lines of old).
 */
const text = z.string();
const name = { name: text };
const measure = { name: text, unit: text, value: z.number(), date: text };
const indicator = { name: text, unit: text, baseline: z.number(), target: z.number() };
const procurement = {
  procedure: ProcurementProcedure.nullable(),
  amount: z.number(),
  steps: z.array(ProcurementStep),
  vendor: text.nullable(),
};
const event = <A extends string, S extends z.ZodRawShape>(action: A, shape: S) =>
  z.object({ action: z.literal(action), ...shape });

export const HistoryEvent = z.discriminatedUnion('action', [
  event('implementation.status', { from: FollowUpStatus, to: FollowUpStatus, reason: text.nullable() }),
  event('implementation.update', {
    progressFrom: z.number(),
    progressTo: z.number().nullable(),
    budget: z.boolean(),
    funding: z.boolean(),
    risks: z.number().int().nullable(),
  }),
  event('implementation.milestone.create', { title: text, dueDate: text, owner: text.nullable().optional() }),
  event('implementation.milestone.update', {
    title: text,
    dueDate: text,
    doneDate: text.nullable().optional(),
    met: z.boolean(),
  }),
  event('implementation.milestone.delete', { title: text }),
  event('implementation.indicator.create', indicator),
  event('implementation.indicator.update', { ...indicator, previousName: text.nullable() }),
  event('implementation.indicator.delete', name),
  event('implementation.measurement.create', measure),
  event('implementation.measurement.update', { ...measure, previousValue: z.number(), previousDate: text }),
  event('implementation.measurement.delete', measure),
  event('implementation.document.create', name),
  event('implementation.document.delete', name),
  event('implementation.publish', {}),
  event('implementation.unpublish', {}),
  event('implementation.procurement.create', procurement),
  event('implementation.procurement.update', procurement),
]);
export type HistoryEvent = z.infer<typeof HistoryEvent>;
export type HistoryAction = HistoryEvent['action'];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** The facts stored beside the action (`project_history.params`). */
export type HistoryParams = DistributiveOmit<HistoryEvent, 'action'>;

/** The stored line back as an event; null for the lines written before their facts were kept, or unknown ones. */
export function historyEventOf(action: string, params: unknown): HistoryEvent | null {
  if (params === null || typeof params !== 'object') return null;
  return HistoryEvent.safeParse({ ...params, action }).data ?? null;
}

/** The stored form of an event: its action, and its facts. */
export function storedHistory(e: HistoryEvent): { action: HistoryAction; params: HistoryParams } {
  const { action, ...params } = e;
  return { action, params };
}

/** The names of procedures and procurement steps, from the reader's dictionary (the web's) or the domain's French. */
export type HistoryNames = {
  procedure: (procedure: ProcurementProcedure) => string;
  step: (step: ProcurementStep, procedure: ProcurementProcedure | null) => string;
};
const FRENCH_NAMES: HistoryNames = {
  procedure: (procedure) => PROCEDURE_LABELS_FR[procedure],
  step: (step, procedure) => stepLabelFr(step, procedure),
};

type Words = {
  status: Record<FollowUpStatus, string>;
  statusChange: (from: string, to: string, reason: string | null) => string;
  update: (parts: string[]) => string;
  progress: (from: string, to: string) => string;
  budget: string;
  funding: string;
  risks: (count: number) => string;
  milestoneAdded: (title: string, date: string, owner: string | null) => string;
  milestoneMet: (title: string, date: string) => string;
  milestoneChanged: (title: string, date: string) => string;
  milestoneDeleted: (title: string) => string;
  indicatorAdded: (name: string, range: string) => string;
  indicatorChanged: (name: string, range: string, previous: string | null) => string;
  indicatorDeleted: (name: string) => string;
  measurementAdded: (name: string, value: string) => string;
  measurementCorrected: (name: string, before: string, after: string) => string;
  measurementDeleted: (name: string, value: string) => string;
  documentAdded: (name: string) => string;
  documentDeleted: (name: string) => string;
  published: string;
  unpublished: string;
  procurement: (parts: string[]) => string;
  procedureToChoose: string;
  amountExclVat: (amount: string) => string;
  stepsDone: (steps: string) => string;
  awardedTo: (vendor: string) => string;
  /** « 50 points le 27/02/2026 » */
  valueOn: (value: string, unit: string, date: string) => string;
};

/** The words of the history, by language: a declarative table. */
const WORDS: Record<Locale, Words> = {
  fr: {
    status: {
      planned: 'prévu',
      procurement: 'en marché public',
      'in-progress': 'en cours',
      delivered: 'livré',
      evaluated: 'évalué',
      suspended: 'suspendu',
      abandoned: 'abandonné',
    },
    statusChange: (from, to, reason) => `Statut : ${from} → ${to}${reason ? ` (${reason})` : ''}`,
    update: (parts) => (parts.length ? `Suivi : ${parts.join(', ')}` : 'Suivi enregistré sans changement'),
    progress: (from, to) => `avancement ${from} % → ${to} %`,
    budget: 'budget par année mis à jour',
    funding: 'sources de financement mises à jour',
    risks: (count) => countOf(count, 'risque', 'risques', 'fr'),
    milestoneAdded: (title, date, owner) => `Jalon ajouté : « ${title} » pour le ${date}${owner ? ` (${owner})` : ''}`,
    milestoneMet: (title, date) => `Jalon atteint : « ${title} » le ${date}`,
    milestoneChanged: (title, date) => `Jalon modifié : « ${title} » pour le ${date}`,
    milestoneDeleted: (title) => `Jalon supprimé : « ${title} »`,
    indicatorAdded: (name, range) => `Indicateur ajouté : « ${name} » (${range})`,
    indicatorChanged: (name, range, previous) =>
      `Indicateur modifié : « ${name} » (${range})${previous ? `, anciennement « ${previous} »` : ''}`,
    indicatorDeleted: (name) => `Indicateur supprimé : « ${name} »`,
    measurementAdded: (name, value) => `Mesure « ${name} » : ${value}`,
    measurementCorrected: (name, before, after) => `Mesure « ${name} » corrigée : ${before} → ${after}`,
    measurementDeleted: (name, value) => `Mesure « ${name} » supprimée : ${value}`,
    documentAdded: (name) => `Document ajouté : « ${name} »`,
    documentDeleted: (name) => `Document supprimé : « ${name} »`,
    published: 'Publié sur la page publique d’avancement de la commune',
    unpublished: 'Retiré de la page publique d’avancement',
    procurement: (parts) => `Dossier de marché : ${parts.join(', ')}`,
    procedureToChoose: 'procédure à choisir',
    amountExclVat: (amount) => `${amount} HTVA`,
    stepsDone: (steps) => `étapes faites : ${steps}`,
    awardedTo: (vendor) => `attribué à ${vendor}`,
    valueOn: (value, unit, date) => `${value} ${unit} le ${date}`,
  },
  en: {
    status: {
      planned: 'planned',
      procurement: 'in procurement',
      'in-progress': 'in progress',
      delivered: 'delivered',
      evaluated: 'evaluated',
      suspended: 'suspended',
      abandoned: 'abandoned',
    },
    statusChange: (from, to, reason) => `Status: ${from} → ${to}${reason ? ` (${reason})` : ''}`,
    update: (parts) => (parts.length ? `Follow-up: ${parts.join(', ')}` : 'Follow-up saved without change'),
    progress: (from, to) => `progress ${from} % → ${to} %`,
    budget: 'budget by year updated',
    funding: 'funding sources updated',
    risks: (count) => countOf(count, 'risk', 'risks', 'en'),
    milestoneAdded: (title, date, owner) => `Milestone added: “${title}” due ${date}${owner ? ` (${owner})` : ''}`,
    milestoneMet: (title, date) => `Milestone met: “${title}” on ${date}`,
    milestoneChanged: (title, date) => `Milestone changed: “${title}” due ${date}`,
    milestoneDeleted: (title) => `Milestone deleted: “${title}”`,
    indicatorAdded: (name, range) => `Indicator added: “${name}” (${range})`,
    indicatorChanged: (name, range, previous) =>
      `Indicator changed: “${name}” (${range})${previous ? `, formerly “${previous}”` : ''}`,
    indicatorDeleted: (name) => `Indicator deleted: “${name}”`,
    measurementAdded: (name, value) => `Measurement “${name}”: ${value}`,
    measurementCorrected: (name, before, after) => `Measurement “${name}” corrected: ${before} → ${after}`,
    measurementDeleted: (name, value) => `Measurement “${name}” deleted: ${value}`,
    documentAdded: (name) => `Document added: “${name}”`,
    documentDeleted: (name) => `Document deleted: “${name}”`,
    published: 'Published on the commune’s public progress page',
    unpublished: 'Withdrawn from the public progress page',
    procurement: (parts) => `Procurement file: ${parts.join(', ')}`,
    procedureToChoose: 'procedure to choose',
    amountExclVat: (amount) => `${amount} excl. VAT`,
    stepsDone: (steps) => `steps done: ${steps}`,
    awardedTo: (vendor) => `awarded to ${vendor}`,
    valueOn: (value, unit, date) => `${value} ${unit} on ${date}`,
  },
};

/**
 * A history line in the reader's language. `names` gives the procedures' and steps' names (the web passes its
 * dictionary's; the server, writing the French summary, the domain's).
 */
export function historyLine(e: HistoryEvent, language: Locale, names: HistoryNames = FRENCH_NAMES): string {
  const w = WORDS[language];
  const num = (n: number) => formatNumber(n, language, 2);
  const date = (d: string | null | undefined) => (d ? formatDate(d, language) : '');
  const valueOn = (value: number, unit: string, on: string) => w.valueOn(num(value), unit, date(on));
  switch (e.action) {
    case 'implementation.status':
      return w.statusChange(w.status[e.from], w.status[e.to], e.reason);
    case 'implementation.update':
      return w.update([
        ...(e.progressTo !== null && e.progressTo !== e.progressFrom
          ? [w.progress(num(e.progressFrom), num(e.progressTo))]
          : []),
        ...(e.budget ? [w.budget] : []),
        ...(e.funding ? [w.funding] : []),
        ...(e.risks !== null ? [w.risks(e.risks)] : []),
      ]);
    case 'implementation.milestone.create':
      return w.milestoneAdded(e.title, date(e.dueDate), e.owner ?? null);
    case 'implementation.milestone.update':
      return e.met ? w.milestoneMet(e.title, date(e.doneDate)) : w.milestoneChanged(e.title, date(e.dueDate));
    case 'implementation.milestone.delete':
      return w.milestoneDeleted(e.title);
    case 'implementation.indicator.create':
      return w.indicatorAdded(e.name, `${num(e.baseline)} → ${num(e.target)} ${e.unit}`);
    case 'implementation.indicator.update':
      return w.indicatorChanged(e.name, `${num(e.baseline)} → ${num(e.target)} ${e.unit}`, e.previousName);
    case 'implementation.indicator.delete':
      return w.indicatorDeleted(e.name);
    case 'implementation.measurement.create':
      return w.measurementAdded(e.name, valueOn(e.value, e.unit, e.date));
    case 'implementation.measurement.update':
      return w.measurementCorrected(
        e.name,
        valueOn(e.previousValue, e.unit, e.previousDate),
        valueOn(e.value, e.unit, e.date),
      );
    case 'implementation.measurement.delete':
      return w.measurementDeleted(e.name, valueOn(e.value, e.unit, e.date));
    case 'implementation.document.create':
      return w.documentAdded(e.name);
    case 'implementation.document.delete':
      return w.documentDeleted(e.name);
    case 'implementation.publish':
      return w.published;
    case 'implementation.unpublish':
      return w.unpublished;
    case 'implementation.procurement.create':
    case 'implementation.procurement.update':
      return w.procurement([
        e.procedure ? names.procedure(e.procedure) : w.procedureToChoose,
        w.amountExclVat(formatEuro(e.amount, language)),
        ...(e.steps.length ? [w.stepsDone(e.steps.map((s) => names.step(s, e.procedure)).join(', '))] : []),
        ...(e.vendor ? [w.awardedTo(e.vendor)] : []),
      ]);
  }
}

/** A line of the history as the API sends it: its facts (`event`) for the reader's language, and the French of old. */
export const HistoryEntry = z.object({
  id: z.uuid(),
  at: IsoDateTime,
  actor: z.string().describe('who made the change (agency staff or commune user, by name)'),
  action: z.string(),
  summary: z.string().describe('the line in French, as written at the time'),
  params: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('the facts of the line (by action), as stored; null on lines before them'),
  event: HistoryEvent.nullable().describe('the facts, typed, for the UI to word in its language; null on old lines'),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
