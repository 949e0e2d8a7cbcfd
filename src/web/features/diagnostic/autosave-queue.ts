/**
 * The unsent changes of an interview being captured. Every change goes here first, is kept in localStorage (a
 * closed tab or a lost connection loses nothing) and is sent as one PATCH; what the server acknowledged is
 * removed, unless it changed again meanwhile.
 */
export type PendingAnswer = { level: number | null; comment: string };
export type Pending = {
  answers: Record<string, PendingAnswer>;
  /** questions whose answer was withdrawn */
  removed: string[];
  notes?: string;
};

export const EMPTY: Pending = { answers: {}, removed: [] };

export type Change =
  | { kind: 'answer'; questionKey: string; level: number | null; comment: string }
  | { kind: 'remove'; questionKey: string }
  | { kind: 'notes'; notes: string };

export function applyChange(pending: Pending, change: Change): Pending {
  switch (change.kind) {
    case 'answer':
      return {
        ...pending,
        answers: { ...pending.answers, [change.questionKey]: { level: change.level, comment: change.comment } },
        removed: pending.removed.filter((k) => k !== change.questionKey),
      };
    case 'remove': {
      const { [change.questionKey]: _dropped, ...answers } = pending.answers;
      return { ...pending, answers, removed: [...new Set([...pending.removed, change.questionKey])] };
    }
    case 'notes':
      return { ...pending, notes: change.notes };
  }
}

export function pendingCount(pending: Pending): number {
  return Object.keys(pending.answers).length + pending.removed.length + (pending.notes === undefined ? 0 : 1);
}

/** The PATCH body that sends everything pending. */
export function toPatch(pending: Pending) {
  return {
    answers: Object.entries(pending.answers).map(([questionKey, a]) => ({
      questionKey,
      level: a.level,
      ...(a.comment.trim() ? { comment: a.comment.trim() } : {}),
    })),
    ...(pending.removed.length ? { removeAnswers: pending.removed } : {}),
    ...(pending.notes === undefined ? {} : { notes: pending.notes }),
  };
}

/** What is still pending once `sent` was saved: entries changed since they were sent stay. */
export function settle(current: Pending, sent: Pending): Pending {
  const answers = Object.fromEntries(
    Object.entries(current.answers).filter(([key, a]) => {
      const was = sent.answers[key];
      return !was || was.level !== a.level || was.comment !== a.comment;
    }),
  );
  const removed = current.removed.filter((k) => !sent.removed.includes(k));
  const notes = current.notes !== undefined && current.notes !== sent.notes ? current.notes : undefined;
  return { answers, removed, ...(notes === undefined ? {} : { notes }) };
}

/** Pending changes applied over what the server has: what the screen shows. */
export function overlay(
  server: readonly { questionKey: string; level: number | null; comment: string | null }[],
  pending: Pending,
): Map<string, PendingAnswer> {
  const shown = new Map(server.map((a) => [a.questionKey, { level: a.level, comment: a.comment ?? '' }]));
  for (const key of pending.removed) shown.delete(key);
  for (const [key, a] of Object.entries(pending.answers)) shown.set(key, a);
  return shown;
}

// -- storage --------------------------------------------------------------------------------------------------------

export const storageKey = (interviewId: string) => `smart-rural.interview.${interviewId}.pending`;

export function loadPending(storage: Pick<Storage, 'getItem'> | undefined, interviewId: string): Pending {
  try {
    const raw = storage?.getItem(storageKey(interviewId));
    if (!raw) return EMPTY;
    const parsed = JSON.parse(raw) as Pending;
    return {
      answers: parsed.answers ?? {},
      removed: parsed.removed ?? [],
      ...(parsed.notes === undefined ? {} : { notes: parsed.notes }),
    };
  } catch {
    return EMPTY;
  }
}

export function storePending(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  interviewId: string,
  pending: Pending,
) {
  try {
    if (pendingCount(pending) === 0) storage?.removeItem(storageKey(interviewId));
    else storage?.setItem(storageKey(interviewId), JSON.stringify(pending));
  } catch {
    // Storage full or refused (private browsing): the changes stay in memory until sent.
  }
}
