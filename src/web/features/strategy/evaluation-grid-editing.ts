import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { useSetEvaluations } from './api.ts';

export const cellKey = (projectId: string, criterionId: string) => `${projectId}|${criterionId}`;

/** "3,5" or "3.5" → 3.5; "" → null; anything else → NaN. */
function parseCell(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const without = (record: Record<string, string>, key: string) => {
  const { [key]: _gone, ...rest } = record;
  return rest;
};

/**
 * The grid's editing: the text typed in each cell until it is saved, the problems of the cells that do not hold a
 * score on the criterion's scale, and whether the last change is saved.
 */
export function useGridEditing(state: StrategyState) {
  const { t } = useTranslation();
  const save = useSetEvaluations(state.missionId);
  const manual = state.criteria.filter((c) => c.source === 'manual');
  const saved = new Map(state.evaluations.map((e) => [cellKey(e.projectId, e.criterionId), e.value]));
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');

  const problemOf = (criterionId: string, value: number | null) => {
    const criterion = manual.find((c) => c.id === criterionId)!;
    const wrong =
      value !== null &&
      (Number.isNaN(value) || (criterion.scale && (value < criterion.scale.min || value > criterion.scale.max)));
    if (!wrong) return null;
    return criterion.scale
      ? t('strategy.grid.outOfScale', { min: criterion.scale.min, max: criterion.scale.max })
      : t('strategy.grid.notANumber');
  };

  const commit = (projectId: string, criterionId: string) => {
    const k = cellKey(projectId, criterionId);
    const draft = drafts[k];
    if (draft === undefined) return;
    const value = parseCell(draft);
    const problem = problemOf(criterionId, value);
    if (problem) return setProblems({ ...problems, [k]: problem });
    setProblems(without(problems, k));
    if (value === (saved.get(k) ?? null)) return setDrafts(without(drafts, k));
    setStatus('saving');
    save.mutate([{ projectId, criterionId, value }], {
      // By then the grid has been read again: the draft gives way to the saved value, unless retyped meanwhile.
      onSuccess: () => {
        setStatus('saved');
        setDrafts((current) => (current[k] !== draft ? current : without(current, k)));
      },
    });
  };

  return {
    save,
    saved,
    drafts,
    problems,
    status,
    commit,
    type: (k: string, text: string) => setDrafts({ ...drafts, [k]: text }),
    drop: (k: string) => setDrafts(without(drafts, k)),
  };
}

/**
 * Moving between the grid's inputs like a spreadsheet: Enter and the arrow keys (left and right once the caret
 * reaches the edge of the text); Escape drops what was typed.
 */
export function useGridKeys(rows: number, columns: number, drop: (row: number, column: number) => void) {
  const cells = useRef(new Map<string, HTMLInputElement>());
  const move = (row: number, column: number) => {
    if (row < 0 || row >= rows || column < 0 || column >= columns) return;
    const input = cells.current.get(`${row}-${column}`);
    input?.focus();
    input?.select();
  };
  const register = (row: number, column: number) => (element: HTMLInputElement | null) => {
    if (element) cells.current.set(`${row}-${column}`, element);
    else cells.current.delete(`${row}-${column}`);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, column: number) => {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const go = (r: number, c: number) => {
      event.preventDefault();
      move(r, c);
    };
    if (event.key === 'Enter' || event.key === 'ArrowDown')
      go(event.shiftKey && event.key === 'Enter' ? row - 1 : row + 1, column);
    else if (event.key === 'ArrowUp') go(row - 1, column);
    else if (event.key === 'ArrowLeft' && (atStart || all)) go(row, column - 1);
    else if (event.key === 'ArrowRight' && (atEnd || all)) go(row, column + 1);
    else if (event.key === 'Escape') drop(row, column);
  };
  return { register, onKeyDown };
}
