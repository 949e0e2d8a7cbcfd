import { Badge, Box, Group, Kbd, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { type KeyboardEvent, memo, type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../domain/diagnostic/model.ts';
import type { PendingAnswer } from './autosave-queue.ts';

export type Option = { value: number | null; label: string; descriptor: string; key: string };

type QuestionCardProps = {
  question: Question;
  index: number;
  options: Option[];
  answer: PendingAnswer | undefined;
  readOnly: boolean;
  onAnswer(questionKey: string, level: number | null, comment: string): void;
  onClear(questionKey: string): void;
  onMove(index: number, step: 1 | -1): void;
  register(index: number, element: HTMLDivElement | null): void;
};

/** The keys of a question's radio group: 0–4 and N choose, ↑/↓ move between questions, ←/→ between options. */
function keyHandler(
  props: QuestionCardProps,
  choose: (level: number | null, advance: boolean) => void,
  optionRefs: RefObject<(HTMLButtonElement | null)[]>,
) {
  const { options, answer, readOnly, question } = props;
  return (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).tagName === 'TEXTAREA') return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = options.find((o) => o.value !== null && String(o.value) === event.key);
    if (digit) {
      event.preventDefault();
      choose(digit.value, true);
      return;
    }
    switch (event.key) {
      case 'n':
      case 'N':
      case '?':
        event.preventDefault();
        choose(null, true);
        return;
      case 'ArrowDown':
        event.preventDefault();
        props.onMove(props.index, 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        props.onMove(props.index, -1);
        return;
      case 'ArrowRight':
      case 'ArrowLeft': {
        event.preventDefault();
        const current = optionRefs.current.indexOf(document.activeElement as HTMLButtonElement);
        const next = (Math.max(0, current) + (event.key === 'ArrowRight' ? 1 : -1) + options.length) % options.length;
        optionRefs.current[next]?.focus();
        return;
      }
      case 'Delete':
      case 'Backspace':
        if (readOnly || answer === undefined) return;
        event.preventDefault();
        props.onClear(question.key);
        return;
    }
  };
}

/** One level (or « don't know ») as a radio button: its key, label and descriptor. */
function LevelOption({
  option,
  checked,
  focusable,
  readOnly,
  onChoose,
  buttonRef,
}: {
  option: Option;
  checked: boolean;
  focusable: boolean;
  readOnly: boolean;
  onChoose(): void;
  buttonRef(element: HTMLButtonElement | null): void;
}) {
  return (
    <UnstyledButton
      ref={buttonRef}
      role="radio"
      aria-checked={checked}
      aria-disabled={readOnly || undefined}
      tabIndex={focusable ? 0 : -1}
      onClick={onChoose}
      className="level-option"
      data-checked={checked || undefined}
      style={{
        border: `1px solid ${checked ? '#0b7285' : '#ced4da'}`,
        background: checked ? '#e3f4f4' : '#fff',
        borderRadius: 6,
        padding: '6px 8px',
        textAlign: 'left',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'flex-start',
        outlineOffset: 2,
      }}
    >
      <Text size="sm" fw={700} c={checked ? '#075a5c' : undefined}>
        {option.value === null ? <Kbd size="xs">N</Kbd> : <Kbd size="xs">{option.value}</Kbd>} {option.label}
      </Text>
      <Text size="xs" c="#3f474d" lh={1.35}>
        {option.descriptor}
      </Text>
    </UnstyledButton>
  );
}

function AnswerBadge({ answer }: { answer: PendingAnswer }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={answer.level === null ? 'gray.8' : 'teal.9'} style={{ flex: 'none' }}>
      {answer.level === null
        ? t('diagnostic.capture.dontKnowShort')
        : t('diagnostic.capture.levelShort', { level: answer.level })}
    </Badge>
  );
}

/**
 * One question: a radio group of the levels with their descriptors, "don't know", and a comment. Keyboard: 0–4
 * choose a level and go to the next question, N = don't know, ↑/↓ move between questions, ←/→ between options,
 * Delete clears the answer.
 */
export const QuestionCard = memo(function QuestionCard(props: QuestionCardProps) {
  const { t } = useTranslation();
  const { question, options, answer, readOnly } = props;
  const [comment, setComment] = useState(answer?.comment ?? '');
  const selected = answer === undefined ? undefined : answer.level;
  const focusIndex = Math.max(
    0,
    options.findIndex((o) => selected !== undefined && o.value === selected),
  );
  const optionRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const headingId = `q-${question.key}`;

  const choose = (level: number | null, advance: boolean) => {
    if (readOnly) return;
    props.onAnswer(question.key, level, comment);
    if (advance) props.onMove(props.index, 1);
  };
  const saveComment = () => {
    if (readOnly || comment === (answer?.comment ?? '')) return;
    if (answer === undefined && comment.trim() === '') return;
    props.onAnswer(question.key, answer === undefined ? null : answer.level, comment);
  };

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-question={question.key}
      style={{ borderColor: answer !== undefined ? '#8ec5c6' : undefined }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600} id={headingId}>
            {props.index + 1}. {question.text}
          </Text>
          {answer !== undefined ? <AnswerBadge answer={answer} /> : null}
        </Group>
        {question.help ? (
          <Text size="sm" c="dimmed">
            {question.help}
          </Text>
        ) : null}
        <Box
          role="radiogroup"
          aria-labelledby={headingId}
          ref={(element: HTMLDivElement | null) => props.register(props.index, element)}
          onKeyDown={keyHandler(props, choose, optionRefs)}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(128px, 1fr))', gap: 6 }}
        >
          {options.map((option, i) => (
            <LevelOption
              key={option.key}
              option={option}
              checked={selected !== undefined && option.value === selected}
              focusable={i === focusIndex}
              readOnly={readOnly}
              onChoose={() => choose(option.value, false)}
              buttonRef={(el) => {
                optionRefs.current[i] = el;
              }}
            />
          ))}
        </Box>
        <TextInput
          aria-label={t('diagnostic.capture.commentFor', { n: props.index + 1 })}
          placeholder={t('diagnostic.capture.comment')}
          size="xs"
          value={comment}
          readOnly={readOnly}
          onChange={(event) => setComment(event.currentTarget.value)}
          onBlur={saveComment}
        />
      </Stack>
    </Paper>
  );
});
