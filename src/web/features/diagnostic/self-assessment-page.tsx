import { Alert, Badge, Button, Group, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { questionsInOrder } from '../../../domain/diagnostic/guides.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { type SelfAssessmentFormData, submitSelfAssessment, useSelfAssessmentForm } from './api.ts';
import type { PendingAnswer } from './autosave-queue.ts';
import { DIMENSION_COLOURS } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';
import { type Option, QuestionCard } from './interview-capture.tsx';

type Draft = { answers: Record<string, PendingAnswer>; notes: string };
const storageKey = (token: string) => `smart-rural.self-assessment.${token.slice(0, 16)}`;

function loadDraft(token: string): Draft {
  try {
    const raw = window.localStorage.getItem(storageKey(token));
    return raw ? (JSON.parse(raw) as Draft) : { answers: {}, notes: '' };
  } catch {
    return { answers: {}, notes: '' };
  }
}

function Form({ token, form }: { token: string; form: SelfAssessmentFormData }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  const guide = form.guide;
  const [draft, setDraft] = useState<Draft>(() => loadDraft(token));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const ordered = useMemo(() => questionsInOrder(guide), [guide]);
  const optionsByQuestion = useMemo(
    () =>
      new Map<string, Option[]>(
        ordered.map(({ question }) => [
          question.key,
          [
            ...guide.scale.levels.map((l) => ({
              value: l.level,
              label: text.level(l.level, l.label),
              descriptor: question.levels.find((d) => d.level === l.level)?.descriptor ?? '',
              key: `l${l.level}`,
            })),
            {
              value: null,
              label: t('diagnostic.capture.dontKnow'),
              descriptor: t('diagnostic.capture.dontKnowHelp'),
              key: 'dk',
            },
          ],
        ]),
      ),
    [guide, ordered, t, text],
  );
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
  const onMove = useCallback((index: number, step: 1 | -1) => {
    const target = refs.current[index + step];
    (
      target?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]') ??
      target?.querySelector<HTMLElement>('[role="radio"]')
    )?.focus();
  }, []);
  const register = useCallback((index: number, element: HTMLDivElement | null) => {
    refs.current[index] = element;
  }, []);

  if (done) {
    return (
      <Alert color="teal" title={t('diagnostic.self.thanksTitle')}>
        {t('diagnostic.self.thanks', { beneficiary: form.beneficiary })}
      </Alert>
    );
  }
  const count = Object.keys(draft.answers).length;
  let index = -1;
  const send = async () => {
    setSending(true);
    setError(null);
    try {
      await submitSelfAssessment(token, {
        missionId: form.missionId,
        answers: Object.entries(draft.answers).map(([questionKey, a]) => ({
          questionKey,
          level: a.level,
          ...(a.comment.trim() ? { comment: a.comment.trim() } : {}),
        })),
        ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
      });
      window.localStorage.removeItem(storageKey(token));
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" bg="#f8fafa">
        <Stack gap={6}>
          <Text>{t('diagnostic.self.intro', { agency: form.agencyName, beneficiary: form.beneficiary })}</Text>
          <Text size="sm" c="dimmed">
            {t('diagnostic.self.how', { date: formatDate(form.expiresAt, language) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('diagnostic.capture.keys')}
          </Text>
          <Group gap="sm">
            <Text size="sm" fw={600}>
              {t('diagnostic.self.progress', { count, total: ordered.length })}
            </Text>
            <Progress value={(count / ordered.length) * 100} w={200} aria-hidden="true" />
            <Badge variant="outline" color="teal.9">
              {t('diagnostic.self.keptHere')}
            </Badge>
          </Group>
        </Stack>
      </Paper>
      {guide.dimensions.map((dimension) => (
        <Stack gap="sm" key={dimension.key} component="section" aria-labelledby={`self-${dimension.key}`}>
          <Title
            order={2}
            size="h4"
            id={`self-${dimension.key}`}
            style={{ borderLeft: `4px solid ${DIMENSION_COLOURS[dimension.key]}`, paddingLeft: 8 }}
          >
            {text.dimension(dimension.key, dimension.label)}
          </Title>
          {dimension.factors.map((factor) => (
            <Stack gap="xs" key={factor.key}>
              <Text fw={700}>{text.factor(factor.key, factor.label)}</Text>
              {factor.questions.map((question) => {
                index += 1;
                return (
                  <QuestionCard
                    key={question.key}
                    question={question}
                    index={index}
                    options={optionsByQuestion.get(question.key)!}
                    answer={draft.answers[question.key]}
                    readOnly={false}
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
        label={t('diagnostic.self.notes')}
        autosize
        minRows={3}
        value={draft.notes}
        onChange={(e) => {
          const value = e.currentTarget.value;
          update((d) => ({ ...d, notes: value }));
        }}
      />
      {error ? (
        <Alert color="red" role="alert" title={t('common.errorTitle')}>
          {error instanceof ApiError ? error.message : t('common.unexpectedError')}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Text size="sm" c="dimmed">
          {t('diagnostic.self.once')}
        </Text>
        <Button size="md" onClick={() => void send()} loading={sending} disabled={count === 0}>
          {t('diagnostic.self.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The public page of a self-assessment link: no account, the token is the key. */
export default function SelfAssessmentPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const form = useSelfAssessmentForm(token);
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t('diagnostic.self.title')} description={form.data ? form.data.beneficiary : undefined} />
      {form.error ? <ErrorAlert error={form.error} title={t('diagnostic.self.unavailable')} /> : null}
      {form.isPending ? <BlockSkeleton lines={8} /> : null}
      {form.data ? <Form token={token} form={form.data} /> : null}
    </Stack>
  );
}
