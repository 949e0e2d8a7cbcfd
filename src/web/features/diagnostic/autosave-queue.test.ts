import { describe, expect, it } from 'vitest';
import {
  applyChange,
  EMPTY,
  loadPending,
  overlay,
  pendingCount,
  settle,
  storageKey,
  storePending,
  toPatch,
} from './autosave-queue.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('the autosave queue of an interview', () => {
  it('keeps the last change per question and sends them in one patch', () => {
    let p = applyChange(EMPTY, { kind: 'answer', questionKey: 'a', level: 1, comment: '' });
    p = applyChange(p, { kind: 'answer', questionKey: 'a', level: 3, comment: ' vu ' });
    p = applyChange(p, { kind: 'answer', questionKey: 'b', level: null, comment: '' });
    p = applyChange(p, { kind: 'notes', notes: 'Notes' });
    expect(pendingCount(p)).toBe(3);
    expect(toPatch(p)).toEqual({
      answers: [
        { questionKey: 'a', level: 3, comment: 'vu' },
        { questionKey: 'b', level: null },
      ],
      notes: 'Notes',
    });
  });

  it('a withdrawn answer replaces a pending one, and an answer given again cancels the withdrawal', () => {
    let p = applyChange(EMPTY, { kind: 'answer', questionKey: 'a', level: 1, comment: '' });
    p = applyChange(p, { kind: 'remove', questionKey: 'a' });
    expect(p).toEqual({ answers: {}, removed: ['a'] });
    p = applyChange(p, { kind: 'answer', questionKey: 'a', level: 2, comment: '' });
    expect(p.removed).toEqual([]);
  });

  it('after a save, keeps what changed while the request was on its way', () => {
    const sent = applyChange(applyChange(EMPTY, { kind: 'answer', questionKey: 'a', level: 1, comment: '' }), {
      kind: 'answer',
      questionKey: 'b',
      level: 2,
      comment: '',
    });
    const meanwhile = applyChange(sent, { kind: 'answer', questionKey: 'b', level: 4, comment: '' });
    expect(settle(meanwhile, sent)).toEqual({ answers: { b: { level: 4, comment: '' } }, removed: [] });
    expect(pendingCount(settle(sent, sent))).toBe(0);
  });

  it('shows pending changes over the server’s answers', () => {
    const p = applyChange(applyChange(EMPTY, { kind: 'answer', questionKey: 'b', level: 4, comment: '' }), {
      kind: 'remove',
      questionKey: 'c',
    });
    const shown = overlay(
      [
        { questionKey: 'a', level: 1, comment: null },
        { questionKey: 'c', level: 2, comment: 'x' },
      ],
      p,
    );
    expect([...shown.entries()]).toEqual([
      ['a', { level: 1, comment: '' }],
      ['b', { level: 4, comment: '' }],
    ]);
  });

  it('survives a reload through storage, and forgets it once everything is sent', () => {
    const storage = memoryStorage();
    const p = applyChange(EMPTY, { kind: 'answer', questionKey: 'a', level: 0, comment: '' });
    storePending(storage, 'i1', p);
    expect(loadPending(storage, 'i1')).toEqual(p);
    storePending(storage, 'i1', EMPTY);
    expect(storage.data.has(storageKey('i1'))).toBe(false);
    storage.setItem(storageKey('i2'), '{not json');
    expect(loadPending(storage, 'i2')).toEqual(EMPTY);
  });
});
