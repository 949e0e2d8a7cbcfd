import type { Factor, Question } from '../model.ts';

/**
 * Small builders that keep the guide's text readable. A question takes exactly five descriptors (levels 0 to 4),
 * so a missing level is a compile error, not a gap found during an interview.
 */
export type Descriptors = readonly [string, string, string, string, string];

export function question(key: string, text: string, descriptors: Descriptors, help?: string): Question {
  return {
    key,
    text,
    ...(help === undefined ? {} : { help }),
    levels: descriptors.map((descriptor, level) => ({ level, descriptor })),
  };
}

export function factor(
  key: string,
  label: string,
  description: string,
  rural: boolean,
  questions: readonly Question[],
): Factor {
  return { key, label, description, rural, questions: [...questions] };
}
