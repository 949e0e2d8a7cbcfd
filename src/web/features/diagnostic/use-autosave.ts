import { useQueryClient } from '@tanstack/react-query';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { diagnosticKeys, saveInterview } from './api.ts';
import {
  applyChange,
  type Change,
  EMPTY,
  loadPending,
  type Pending,
  pendingCount,
  settle,
  storePending,
  toPatch,
} from './autosave-queue.ts';

export type SaveState = 'saved' | 'saving' | 'offline' | 'error';

const DEBOUNCE_MS = 350;
const RETRY_MS = 8_000;

const storage = () => (typeof window === 'undefined' ? undefined : window.localStorage);

type PendingRef = RefObject<Pending>;

/** The server refused these changes: they would be refused again, so they are dropped and the reason said. */
const refused = (caught: unknown): caught is ApiError =>
  caught instanceof ApiError && caught.status !== 0 && caught.status < 500;

/**
 * Back online, or at the screen's opening, the waiting changes are sent; and every few seconds again while some
 * wait (a failed send).
 */
function useSendWhenOnline(
  latest: PendingRef,
  inFlight: RefObject<boolean>,
  timer: RefObject<ReturnType<typeof setTimeout> | null>,
  schedule: (delay: number) => void,
  flush: () => Promise<void>,
  offline: () => void,
) {
  useEffect(() => {
    const online = () => schedule(0);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    // Changes left from a previous visit (or a closed tab) are sent as soon as the screen opens.
    if (pendingCount(latest.current) > 0) schedule(0);
    const retry = setInterval(() => {
      if (pendingCount(latest.current) > 0 && !inFlight.current) void flush();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      clearInterval(retry);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [flush, schedule, offline, latest, inFlight, timer]);
}

/** Leaving the page with unsent changes: the browser asks first (they stay in localStorage anyway). */
function useWarnBeforeLeaving(latest: PendingRef) {
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (pendingCount(latest.current) > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [latest]);
}

/**
 * Saves an interview as it is captured: each change is queued (and kept in localStorage), then sent after a short
 * pause. Offline, the queue waits and is sent again when the browser is back online (or every few seconds).
 */
export function useAutosave(missionId: string, interviewId: string) {
  const client = useQueryClient();
  const [pending, setPending] = useState<Pending>(() => loadPending(storage(), interviewId));
  const [state, setState] = useState<SaveState>(() => (pendingCount(pending) > 0 ? 'saving' : 'saved'));
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const latest = useRef(pending);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const update = useCallback(
    (next: Pending) => {
      latest.current = next;
      storePending(storage(), interviewId, next);
      setPending(next);
    },
    [interviewId],
  );

  const flushRef = useRef<() => Promise<void>>(async () => undefined);
  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), delay);
  }, []);

  const flush = useCallback(async () => {
    if (inFlight.current) return;
    const sent = latest.current;
    if (pendingCount(sent) === 0) {
      setState('saved');
      return;
    }
    inFlight.current = true;
    setState('saving');
    try {
      const saved = await saveInterview(missionId, interviewId, toPatch(sent));
      client.setQueryData(diagnosticKeys.interview(missionId, interviewId), saved);
      update(settle(latest.current, sent));
      setError(null);
      setSavedAt(new Date());
      setState(pendingCount(latest.current) > 0 ? 'saving' : 'saved');
      void client.invalidateQueries({ queryKey: diagnosticKeys.interviews(missionId) });
      void client.invalidateQueries({ queryKey: diagnosticKeys.results(missionId) });
    } catch (caught) {
      if (refused(caught)) {
        update(settle(latest.current, sent));
        setError(caught.message);
        setState('error');
      } else {
        setState('offline');
      }
    } finally {
      inFlight.current = false;
    }
    if (pendingCount(latest.current) > 0 && navigator.onLine) schedule(DEBOUNCE_MS);
  }, [client, interviewId, missionId, update, schedule]);
  flushRef.current = flush;

  const queue = useCallback(
    (change: Change) => {
      update(applyChange(latest.current, change));
      if (navigator.onLine) {
        setState((s) => (s === 'offline' ? s : 'saving'));
        schedule(DEBOUNCE_MS);
      } else {
        setState('offline');
      }
    },
    [schedule, update],
  );

  const offline = useCallback(
    () => setState((s) => (pendingCount(latest.current) > 0 || s === 'saving' ? 'offline' : s)),
    [],
  );
  useSendWhenOnline(latest, inFlight, timer, schedule, flush, offline);
  useWarnBeforeLeaving(latest);

  return { pending: pending ?? EMPTY, unsent: pendingCount(pending), state, error, savedAt, queue, flush };
}
