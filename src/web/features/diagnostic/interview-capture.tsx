import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Kbd,
  Loader,
  NavLink,
  Paper,
  Progress,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useElementSize, useMediaQuery } from '@mantine/hooks';
import { type KeyboardEvent, memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { questionsInOrder } from '../../../domain/diagnostic/guides.ts';
import type { MaturityModel, Question } from '../../../domain/diagnostic/model.ts';
import { formatDate, formatDateTime } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useGuide, useInterview } from './api.ts';
import { overlay, type PendingAnswer } from './autosave-queue.ts';
import { DIMENSION_COLOURS } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';
import { InterviewPersonModal } from './interviews-panel.tsx';
import { type SaveState, useAutosave } from './use-autosave.ts';

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

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
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
          {answer !== undefined ? (
            <Badge variant="outline" color={answer.level === null ? 'gray.8' : 'teal.9'} style={{ flex: 'none' }}>
              {answer.level === null
                ? t('diagnostic.capture.dontKnowShort')
                : t('diagnostic.capture.levelShort', { level: answer.level })}
            </Badge>
          ) : null}
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
          onKeyDown={onKeyDown}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(128px, 1fr))', gap: 6 }}
        >
          {options.map((option, i) => {
            const checked = selected !== undefined && option.value === selected;
            return (
              <UnstyledButton
                key={option.key}
                ref={(el: HTMLButtonElement | null) => {
                  optionRefs.current[i] = el;
                }}
                role="radio"
                aria-checked={checked}
                aria-disabled={readOnly || undefined}
                tabIndex={i === focusIndex ? 0 : -1}
                onClick={() => choose(option.value, false)}
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
          })}
        </Box>
        <TextInput
          aria-label={t('diagnostic.capture.commentFor', { n: props.index + 1 })}
          placeholder={t('diagnostic.capture.comment')}
          size="xs"
          value={comment}
          readOnly={readOnly}
          onChange={(event) => setComment(event.currentTarget.value)}
          onBlur={() => {
            if (readOnly || comment === (answer?.comment ?? '')) return;
            if (answer === undefined && comment.trim() === '') return;
            props.onAnswer(question.key, answer === undefined ? null : answer.level, comment);
          }}
        />
      </Stack>
    </Paper>
  );
});

export function SaveIndicator({
  state,
  unsent,
  savedAt,
  error,
}: {
  state: SaveState;
  unsent: number;
  savedAt: Date | null;
  error: string | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const colour = { saved: 'teal.9', saving: 'blue.9', offline: 'orange.9', error: 'red.9' }[state];
  return (
    <Stack gap={2} align="flex-end">
      <Group gap={6} role="status" aria-live="polite" data-testid="save-state" data-state={state}>
        {state === 'saving' ? <Loader size={12} aria-hidden="true" /> : null}
        <Badge color={colour} variant={state === 'saved' ? 'outline' : 'filled'} size="lg">
          {state === 'saved'
            ? t('diagnostic.capture.saved')
            : state === 'saving'
              ? t('diagnostic.capture.saving')
              : state === 'offline'
                ? t('diagnostic.capture.offline', { count: unsent })
                : t('diagnostic.capture.error')}
        </Badge>
      </Group>
      {state === 'offline' ? (
        <Text size="xs" c="dimmed" maw={320} ta="right">
          {t('diagnostic.capture.offlineHelp')}
        </Text>
      ) : savedAt ? (
        <Text size="xs" c="dimmed">
          {t('diagnostic.capture.savedAt', { time: formatDateTime(savedAt, language).split(' ').at(-1) })}
        </Text>
      ) : null}
      {error ? (
        <Text size="xs" c="red.8" maw={320} ta="right">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

function Capture({
  missionId,
  guide,
  interviewId,
  onBack,
}: {
  missionId: string;
  guide: MaturityModel;
  interviewId: string;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  const interview = useInterview(missionId, interviewId);
  const save = useAutosave(missionId, interviewId);
  const [notes, setNotes] = useState<string | null>(null);
  const [editingPerson, setEditingPerson] = useState(false);
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const { ref: headRef, height: headHeight } = useElementSize();
  const ordered = useMemo(() => questionsInOrder(guide), [guide]);
  const options = useMemo<Option[]>(
    () => [
      ...guide.scale.levels.map((l) => ({
        value: l.level,
        label: text.level(l.level, l.label),
        descriptor: '',
        key: `l${l.level}`,
      })),
      {
        value: null,
        label: t('diagnostic.capture.dontKnow'),
        descriptor: t('diagnostic.capture.dontKnowHelp'),
        key: 'dk',
      },
    ],
    [guide, t, text],
  );
  const optionsByQuestion = useMemo(
    () =>
      new Map(
        ordered.map(({ question }) => [
          question.key,
          options.map((o) =>
            o.value === null
              ? o
              : { ...o, descriptor: question.levels.find((l) => l.level === o.value)?.descriptor ?? '' },
          ),
        ]),
      ),
    [ordered, options],
  );
  const answers = useMemo(
    () => overlay(interview.data?.answers ?? [], save.pending),
    [interview.data?.answers, save.pending],
  );
  const { queue } = save;
  const onAnswer = useCallback(
    (questionKey: string, level: number | null, comment: string) =>
      queue({ kind: 'answer', questionKey, level, comment }),
    [queue],
  );
  const onClear = useCallback((questionKey: string) => queue({ kind: 'remove', questionKey }), [queue]);
  const onMove = useCallback((index: number, step: 1 | -1) => {
    const target = refs.current[index + step];
    if (!target) return;
    const radio =
      target.querySelector<HTMLElement>('[role="radio"][tabindex="0"]') ??
      target.querySelector<HTMLElement>('[role="radio"]');
    radio?.focus();
    target.closest('[data-question]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, []);
  const register = useCallback((index: number, element: HTMLDivElement | null) => {
    refs.current[index] = element;
  }, []);

  if (interview.error) return <ErrorAlert error={interview.error} />;
  if (!interview.data) return <BlockSkeleton />;
  const data = interview.data;
  const readOnly = !data.permissions.edit;
  const answered = [...answers.values()].filter((a) => a.level !== null).length;
  const dontKnow = [...answers.values()].filter((a) => a.level === null).length;
  const person = data.resourcePerson;
  const who = [person.name, person.role].filter(Boolean).join(', ');
  let index = -1;

  return (
    <Stack gap="md">
      <Box
        data-testid="capture-header"
        style={{
          position: 'sticky',
          // On a phone only the progress and the save state stay in view: the title scrolls away above them, so
          // the questions keep the screen (the whole block would take half of it).
          top: phone ? 60 - headHeight : 60,
          zIndex: 5,
          background: '#fff',
          paddingBottom: 8,
          borderBottom: '1px solid #e9ecef',
        }}
      >
        <Group justify="space-between" align="flex-start" ref={headRef} pb="xs">
          <Stack gap={4}>
            <Anchor component="button" type="button" onClick={onBack} size="sm" style={{ alignSelf: 'flex-start' }}>
              ← {t('diagnostic.capture.back')}
            </Anchor>
            <Group gap="xs" align="center">
              <Title order={2} size="h3">
                {t('diagnostic.capture.title', { type: t(`diagnostic.types.${person.type}`) })}
                {who ? ` — ${who}` : ''}
              </Title>
              {readOnly ? null : (
                <Button size="compact-sm" variant="subtle" onClick={() => setEditingPerson(true)}>
                  {t('diagnostic.interviews.editPerson')}
                </Button>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t('diagnostic.capture.meta', { date: formatDate(data.date, language), interviewer: data.interviewer })}
              {data.source === 'self_assessment' ? ` · ${t('diagnostic.interviews.selfAssessment')}` : ''}
            </Text>
          </Stack>
        </Group>
        <Paper withBorder p="sm" bg="#f8fafa">
          <Group gap="sm" wrap="wrap" align="flex-start">
            <Box style={{ flex: 1, minWidth: 180 }}>
              <Text size="sm" fw={600}>
                {t('diagnostic.capture.progress', { answered, dontKnow, total: ordered.length })}
              </Text>
              <Progress value={((answered + dontKnow) / ordered.length) * 100} aria-hidden="true" mt={4} />
            </Box>
            {readOnly ? null : (
              <Text size="sm" c="dimmed" maw={560} id="capture-keys" visibleFrom="sm">
                {t('diagnostic.capture.keys')}
              </Text>
            )}
            <SaveIndicator state={save.state} unsent={save.unsent} savedAt={save.savedAt} error={save.error} />
          </Group>
        </Paper>
      </Box>
      {readOnly ? <Alert color="gray">{t('diagnostic.capture.readOnly')}</Alert> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 2 }} visibleFrom="md">
          <Box component="nav" aria-label={t('diagnostic.capture.outline')} style={{ position: 'sticky', top: 240 }}>
            {guide.dimensions.map((d) => {
              const keys = d.factors.flatMap((f) => f.questions.map((q) => q.key));
              const done = keys.filter((k) => answers.has(k)).length;
              return (
                <NavLink
                  key={d.key}
                  href={`#dim-${d.key}`}
                  label={text.dimension(d.key, d.label).split('—').at(-1)?.trim()}
                  description={t('diagnostic.capture.dimensionProgress', { done, total: keys.length })}
                  leftSection={<Box w={10} h={10} style={{ borderRadius: 5, background: DIMENSION_COLOURS[d.key] }} />}
                />
              );
            })}
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 10 }}>
          <Stack gap="xl">
            {guide.dimensions.map((dimension) => (
              <Stack
                gap="sm"
                key={dimension.key}
                id={`dim-${dimension.key}`}
                component="section"
                aria-labelledby={`dim-h-${dimension.key}`}
              >
                <Title
                  order={3}
                  size="h4"
                  id={`dim-h-${dimension.key}`}
                  style={{ borderLeft: `4px solid ${DIMENSION_COLOURS[dimension.key]}`, paddingLeft: 8 }}
                >
                  {text.dimension(dimension.key, dimension.label)}
                </Title>
                {dimension.factors.map((factor) => (
                  <Stack gap="xs" key={factor.key}>
                    <Box>
                      <Text fw={700}>
                        {text.factor(factor.key, factor.label)}
                        {factor.rural ? (
                          <Badge ml="xs" size="xs" variant="outline" color="#1f6e30">
                            {t('diagnostic.rural')}
                          </Badge>
                        ) : null}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {factor.description}
                      </Text>
                    </Box>
                    {factor.questions.map((question) => {
                      index += 1;
                      return (
                        <QuestionCard
                          key={question.key}
                          question={question}
                          index={index}
                          options={optionsByQuestion.get(question.key)!}
                          answer={answers.get(question.key)}
                          readOnly={readOnly}
                          onAnswer={onAnswer}
                          onClear={onClear}
                          onMove={onMove}
                          register={register}
                        />
                      );
                    })}
                  </Stack>
                ))}
              </Stack>
            ))}
            <Textarea
              label={t('diagnostic.capture.notes')}
              description={t('diagnostic.capture.notesHelp')}
              autosize
              minRows={3}
              readOnly={readOnly}
              value={notes ?? save.pending.notes ?? data.notes ?? ''}
              onChange={(event) => setNotes(event.currentTarget.value)}
              onBlur={() => {
                if (notes !== null && notes !== (data.notes ?? '')) queue({ kind: 'notes', notes });
              }}
            />
            <Group>
              <Button variant="default" onClick={onBack}>
                {t('diagnostic.capture.done')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
      {editingPerson ? (
        <InterviewPersonModal missionId={missionId} interview={data} onClose={() => setEditingPerson(false)} />
      ) : null}
    </Stack>
  );
}

/** The interview screen: loads the interview's own guide version, then the capture. */
export function InterviewCapture({
  missionId,
  interviewId,
  onBack,
}: {
  missionId: string;
  interviewId: string;
  onBack(): void;
}) {
  const interview = useInterview(missionId, interviewId);
  const guide = useGuide(interview.data?.guide.key ?? null, interview.data?.guide.version ?? null);
  if (interview.error) return <ErrorAlert error={interview.error} />;
  if (guide.error) return <ErrorAlert error={guide.error} />;
  if (!guide.data) return <BlockSkeleton lines={10} />;
  return <Capture missionId={missionId} guide={guide.data.model} interviewId={interviewId} onBack={onBack} />;
}
