import type { MaturityModel, Question } from '../../../domain/diagnostic/model.ts';

/** A change to the guide being edited: it receives a copy of the model to change in place. */
export type Edit = (change: (model: MaturityModel) => void) => void;

/** A key nobody uses yet in the guide, from a stem. */
export function freshKey(model: MaturityModel, stem: string): string {
  const used = new Set(
    model.dimensions.flatMap((d) => [
      ...d.factors.map((f) => f.key),
      ...d.factors.flatMap((f) => f.questions.map((q) => q.key)),
    ]),
  );
  for (let n = 1; ; n++) {
    const key = `${stem}_${n}`;
    if (!used.has(key)) return key;
  }
}

export function newQuestion(model: MaturityModel, stem: string, text: string): Question {
  return {
    key: freshKey(model, stem),
    text,
    levels: model.scale.levels.map((l) => ({ level: l.level, descriptor: '…' })),
  };
}
