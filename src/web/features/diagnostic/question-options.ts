import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { questionsInOrder } from '../../../domain/diagnostic/guides.ts';
import type { MaturityModel } from '../../../domain/diagnostic/model.ts';
import { useGuideText } from './guide-text.ts';
import type { Option } from './question-card.tsx';

/**
 * The questions of a guide in order, each one's place (for the keyboard's ↑/↓) and its options: the levels of the
 * scale with the question's own descriptors, then « don't know ».
 */
export function useQuestionOptions(guide: MaturityModel) {
  const { t } = useTranslation();
  const text = useGuideText();
  return useMemo(() => {
    const ordered = questionsInOrder(guide);
    const dontKnow: Option = {
      value: null,
      label: t('diagnostic.capture.dontKnow'),
      descriptor: t('diagnostic.capture.dontKnowHelp'),
      key: 'dk',
    };
    const optionsOf = new Map<string, Option[]>(
      ordered.map(({ question }) => [
        question.key,
        [
          ...guide.scale.levels.map((l) => ({
            value: l.level,
            label: text.level(l.level, l.label),
            descriptor: question.levels.find((d) => d.level === l.level)?.descriptor ?? '',
            key: `l${l.level}`,
          })),
          dontKnow,
        ],
      ]),
    );
    const indexOf = new Map(ordered.map(({ question }, i) => [question.key, i]));
    return { total: ordered.length, optionsOf, indexOf };
  }, [guide, t, text]);
}

/** Focuses the chosen (or first) level of the question `step` away, and brings it into view when asked. */
export function focusQuestion(target: HTMLDivElement | null | undefined, scroll: boolean) {
  if (!target) return;
  const radio =
    target.querySelector<HTMLElement>('[role="radio"][tabindex="0"]') ??
    target.querySelector<HTMLElement>('[role="radio"]');
  radio?.focus();
  if (scroll) target.closest('[data-question]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
