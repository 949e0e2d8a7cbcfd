import type { Dimension } from '../shared/dimensions.ts';
import { DomainError } from '../shared/errors.ts';
import type { Factor, MaturityModel, Question } from './model.ts';

/**
 * Guide versioning. A score means something only with the exact wording and descriptors it was given under, so:
 *
 * - a guide version is immutable once published. The server keeps one record per (key, version) holding the whole
 *   guide as a document, with a status (draft | published) and the date it was published; an edit of a published
 *   record is refused (checkGuideEdit), and it is best refused by the database too (a trigger or a rule on UPDATE);
 * - changing a published guide means creating a new record, the next version (draftNextVersion →
 *   checkNewGuideVersion), edited as a draft, then published;
 * - an interview stores the (key, version) it was conducted with, as a foreign key that forbids deleting that
 *   version; it is scored with that version for ever (scoreInterview refuses another). A mission keeps the version
 *   it started with, so its interviews stay comparable with one another;
 * - diffGuides says what changed between two versions, and which questions can be compared across them.
 *
 * Keys are identities: a factor or question keeps its key when it is renamed or reworded; a new key is a new
 * factor or question (a removal and an addition), and its answers do not carry over.
 */

export type GuideChange =
  | { kind: 'scale_changed' }
  | { kind: 'bands_changed' }
  | { kind: 'dimension_changed'; dimension: Dimension; fields: ('label' | 'description')[] }
  | { kind: 'factor_added'; factorKey: string; dimension: Dimension; label: string }
  | { kind: 'factor_removed'; factorKey: string; dimension: Dimension; label: string }
  | { kind: 'factor_renamed'; factorKey: string; from: string; to: string }
  | { kind: 'factor_moved'; factorKey: string; from: Dimension; to: Dimension }
  | { kind: 'factor_changed'; factorKey: string; fields: ('description' | 'rural')[] }
  | { kind: 'question_added'; questionKey: string; factorKey: string; text: string }
  | { kind: 'question_removed'; questionKey: string; factorKey: string; text: string }
  | { kind: 'question_reworded'; questionKey: string; from: string; to: string }
  | { kind: 'question_moved'; questionKey: string; from: string; to: string }
  | { kind: 'question_help_changed'; questionKey: string }
  | { kind: 'descriptors_changed'; questionKey: string; levels: number[] };

export interface GuideDiff {
  from: { key: string; version: number };
  to: { key: string; version: number };
  /** True when nothing but the version number differs. */
  identical: boolean;
  changes: GuideChange[];
  /**
   * Questions asked in both versions with the same text, descriptors and scale: their answers mean the same thing
   * and may be compared across versions (e.g. a commune diagnosed again a few years later).
   */
  comparableQuestionKeys: string[];
}

type Located<T> = { item: T; dimension: Dimension; factorKey: string };

function factorsOf(guide: MaturityModel): Map<string, Located<Factor>> {
  return new Map(
    guide.dimensions.flatMap((d) => d.factors.map((f) => [f.key, { item: f, dimension: d.key, factorKey: f.key }])),
  );
}

function questionsOf(guide: MaturityModel): Map<string, Located<Question>> {
  return new Map(
    guide.dimensions.flatMap((d) =>
      d.factors.flatMap((f) => f.questions.map((q) => [q.key, { item: q, dimension: d.key, factorKey: f.key }])),
    ),
  );
}

/** Deep equality that ignores key order: a guide read back from a JSONB column comes with its keys reordered. */
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Object.fromEntries(
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** What changed from one version of a guide to another, in a stable order (guide order). */
export function diffGuides(previous: MaturityModel, next: MaturityModel): GuideDiff {
  const changes: GuideChange[] = [];
  const scaleSame = same(previous.scale, next.scale);
  if (!scaleSame) changes.push({ kind: 'scale_changed' });
  if (!same(previous.bands, next.bands)) changes.push({ kind: 'bands_changed' });
  for (const dimension of next.dimensions) {
    const before = previous.dimensions.find((d) => d.key === dimension.key);
    const fields = before ? changedFields(before, dimension, ['label', 'description'] as const) : [];
    if (fields.length > 0) changes.push({ kind: 'dimension_changed', dimension: dimension.key, fields });
  }
  changes.push(...diffFactors(factorsOf(previous), factorsOf(next)));
  const { changes: questionChanges, comparable } = diffQuestions(questionsOf(previous), questionsOf(next));
  changes.push(...questionChanges);
  const identical = changes.length === 0 && previous.title === next.title && previous.key === next.key;
  return {
    from: { key: previous.key, version: previous.version },
    to: { key: next.key, version: next.version },
    identical,
    changes,
    comparableQuestionKeys: scaleSame ? comparable : [],
  };
}

function changedFields<T, K extends keyof T>(before: T, after: T, fields: readonly K[]): K[] {
  return fields.filter((field) => !same(before[field], after[field]));
}

function diffFactors(before: Map<string, Located<Factor>>, after: Map<string, Located<Factor>>): GuideChange[] {
  const changes: GuideChange[] = [];
  for (const [key, old] of before) {
    if (!after.has(key)) {
      changes.push({ kind: 'factor_removed', factorKey: key, dimension: old.dimension, label: old.item.label });
    }
  }
  for (const [key, now] of after) {
    const old = before.get(key);
    if (!old) {
      changes.push({ kind: 'factor_added', factorKey: key, dimension: now.dimension, label: now.item.label });
      continue;
    }
    if (old.item.label !== now.item.label) {
      changes.push({ kind: 'factor_renamed', factorKey: key, from: old.item.label, to: now.item.label });
    }
    if (old.dimension !== now.dimension) {
      changes.push({ kind: 'factor_moved', factorKey: key, from: old.dimension, to: now.dimension });
    }
    const fields = changedFields(old.item, now.item, ['description', 'rural'] as const);
    if (fields.length > 0) changes.push({ kind: 'factor_changed', factorKey: key, fields });
  }
  return changes;
}

function diffQuestions(
  before: Map<string, Located<Question>>,
  after: Map<string, Located<Question>>,
): { changes: GuideChange[]; comparable: string[] } {
  const changes: GuideChange[] = [];
  const comparable: string[] = [];
  for (const [key, old] of before) {
    if (!after.has(key)) {
      changes.push({ kind: 'question_removed', questionKey: key, factorKey: old.factorKey, text: old.item.text });
    }
  }
  for (const [key, now] of after) {
    const old = before.get(key);
    if (!old) {
      changes.push({ kind: 'question_added', questionKey: key, factorKey: now.factorKey, text: now.item.text });
      continue;
    }
    const reworded = old.item.text !== now.item.text;
    if (reworded) changes.push({ kind: 'question_reworded', questionKey: key, from: old.item.text, to: now.item.text });
    if (old.factorKey !== now.factorKey) {
      changes.push({ kind: 'question_moved', questionKey: key, from: old.factorKey, to: now.factorKey });
    }
    if (old.item.help !== now.item.help) changes.push({ kind: 'question_help_changed', questionKey: key });
    const levels = [...new Set([...old.item.levels, ...now.item.levels].map((l) => l.level))]
      .filter((level) => !same(descriptorOf(old.item, level), descriptorOf(now.item, level)))
      .sort((a, b) => a - b);
    if (levels.length > 0) changes.push({ kind: 'descriptors_changed', questionKey: key, levels });
    // A move or a new hint does not change what an answer means; new wording or descriptors do.
    if (!reworded && levels.length === 0) comparable.push(key);
  }
  return { changes, comparable };
}

function descriptorOf(question: Question, level: number): string | undefined {
  return question.levels.find((l) => l.level === level)?.descriptor;
}

// ---------------------------------------------------------------------------------------------------------------
// Rules the server applies when a guide is saved

export type GuideStatus = 'draft' | 'published';
export interface GuideRecord {
  status: GuideStatus;
  model: MaturityModel;
}

/**
 * May `proposed` replace the content of a stored guide record? A draft may change freely (its key and version
 * excepted); a published version may not change at all, since interviews are scored with it.
 */
export function checkGuideEdit(stored: GuideRecord, proposed: MaturityModel): void {
  if (stored.model.key !== proposed.key || stored.model.version !== proposed.version) {
    throw new DomainError('GUIDE_IDENTITY_CHANGED', 'the key and version of a guide record never change', {
      key: stored.model.key,
      version: stored.model.version,
    });
  }
  if (stored.status === 'published' && !same(stored.model, proposed)) {
    throw new DomainError(
      'GUIDE_VERSION_PUBLISHED',
      `${stored.model.key} v${stored.model.version} is published and cannot change: create version ${stored.model.version + 1}`,
      { key: stored.model.key, version: stored.model.version },
    );
  }
}

/** A new version must follow the latest one of the same guide (or be version 1 of a new guide). */
export function checkNewGuideVersion(latest: MaturityModel | null, proposed: MaturityModel): void {
  const expected = latest === null ? 1 : latest.version + 1;
  if (latest !== null && latest.key !== proposed.key) {
    throw new DomainError('GUIDE_KEY_MISMATCH', `a new version of ${latest.key} must keep its key`, {
      key: latest.key,
    });
  }
  if (proposed.version !== expected) {
    throw new DomainError('GUIDE_VERSION_SEQUENCE', `the next version of ${proposed.key} is ${expected}`, {
      expected,
    });
  }
}

/** The starting point of a new version: a copy of the latest one with the next number, to edit as a draft. */
export function draftNextVersion(latest: MaturityModel): MaturityModel {
  return { ...structuredClone(latest), version: latest.version + 1 };
}

/** Version 1 of a new guide: a copy of a published guide under a new key and title, to edit as a draft. */
export function draftNewGuide(base: MaturityModel, key: string, title: string): MaturityModel {
  return { ...structuredClone(base), key, title, version: 1 };
}
