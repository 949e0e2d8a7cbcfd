import { useCallback, useState } from 'react';
import type { PendingAnswer } from './autosave-queue.ts';

/** The answers of a self-assessment, kept in the browser until they are sent. */
export type Draft = { answers: Record<string, PendingAnswer>; notes: string };

const storageKey = (token: string) => `smart-rural.self-assessment.${token.slice(0, 16)}`;

function loadDraft(token: string): Draft {
  try {
    const raw = window.localStorage.getItem(storageKey(token));
    return raw ? (JSON.parse(raw) as Draft) : { answers: {}, notes: '' };
  } catch {
    return { answers: {}, notes: '' };
  }
}

export function forgetDraft(token: string): void {
  window.localStorage.removeItem(storageKey(token));
}

/** The draft of a link's answers: every change is kept in localStorage, so a closed tab loses nothing. */
export function useSelfAssessmentDraft(token: string) {
  const [draft, setDraft] = useState<Draft>(() => loadDraft(token));
  const update = useCallback(
    (change: (d: Draft) => Draft) =>
      setDraft((d) => {
        const next = change(d);
        try {
          window.localStorage.setItem(storageKey(token), JSON.stringify(next));
        } catch {
          // The answers stay on the page.
        }
        return next;
      }),
    [token],
  );
  const onAnswer = useCallback(
    (questionKey: string, level: number | null, comment: string) =>
      update((d) => ({ ...d, answers: { ...d.answers, [questionKey]: { level, comment } } })),
    [update],
  );
  const onClear = useCallback(
    (questionKey: string) =>
      update((d) => {
        const { [questionKey]: _removed, ...answers } = d.answers;
        return { ...d, answers };
      }),
    [update],
  );
  const setNotes = useCallback((notes: string) => update((d) => ({ ...d, notes })), [update]);
  return { draft, onAnswer, onClear, setNotes };
}

/** What is sent: the answers with their comments trimmed, and the notes when there are some. */
export function submissionOf(missionId: string, draft: Draft) {
  return {
    missionId,
    answers: Object.entries(draft.answers).map(([questionKey, a]) => ({
      questionKey,
      level: a.level,
      ...(a.comment.trim() ? { comment: a.comment.trim() } : {}),
    })),
    ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
  };
}
