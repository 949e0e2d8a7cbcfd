import { Alert, Badge, Button, Group, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { SelfAssessmentForm } from '../../../domain/diagnostic/interviews.ts';
import type { ModelDimension } from '../../../domain/diagnostic/model.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { submitSelfAssessment, useSelfAssessmentForm } from './api.ts';
import type { QuestionHandlers } from './capture-questions.tsx';
import { DIMENSION_COLOURS } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';
import { QuestionCard } from './question-card.tsx';
import { focusQuestion, useQuestionOptions } from './question-options.ts';
import { type Draft, forgetDraft, submissionOf, useSelfAssessmentDraft } from './self-assessment-draft.ts';

/** For whom, until when, the keys, and how many questions have an answer (kept in this browser). */
function Intro({ form, count, total }: { form: SelfAssessmentForm; count: number; total: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
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
            {t('diagnostic.self.progress', { count, total })}
          </Text>
          <Progress value={(count / total) * 100} w={200} aria-hidden="true" />
          <Badge variant="outline" color="teal.9">
            {t('diagnostic.self.keptHere')}
          </Badge>
        </Group>
      </Stack>
    </Paper>
  );
}

function DimensionSection({
  dimension,
  options,
  draft,
  handlers,
}: {
  dimension: ModelDimension;
  options: ReturnType<typeof useQuestionOptions>;
  draft: Draft;
  handlers: QuestionHandlers;
}) {
  const text = useGuideText();
  return (
    <Stack gap="sm" component="section" aria-labelledby={`self-${dimension.key}`}>
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
          {factor.questions.map((question) => (
            <QuestionCard
              key={question.key}
              question={question}
              index={options.indexOf.get(question.key)!}
              options={options.optionsOf.get(question.key)!}
              answer={draft.answers[question.key]}
              readOnly={false}
              {...handlers}
            />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function Form({ token, form }: { token: string; form: SelfAssessmentForm }) {
  const { t } = useTranslation();
  const guide = form.guide;
  const { draft, onAnswer, onClear, setNotes } = useSelfAssessmentDraft(token);
  const options = useQuestionOptions(guide);
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const onMove = useCallback((index: number, step: 1 | -1) => focusQuestion(refs.current[index + step], false), []);
  const register = useCallback((index: number, element: HTMLDivElement | null) => {
    refs.current[index] = element;
  }, []);
  const send = useMutation({
    mutationFn: () => submitSelfAssessment(token, submissionOf(form.missionId, draft)),
    onSuccess: () => forgetDraft(token),
  });

  if (send.isSuccess) {
    return (
      <Alert color="teal" title={t('diagnostic.self.thanksTitle')}>
        {t('diagnostic.self.thanks', { beneficiary: form.beneficiary })}
      </Alert>
    );
  }
  const count = Object.keys(draft.answers).length;
  const handlers = { onAnswer, onClear, onMove, register };
  return (
    <Stack gap="lg">
      <Intro form={form} count={count} total={options.total} />
      {guide.dimensions.map((dimension) => (
        <DimensionSection
          key={dimension.key}
          dimension={dimension}
          options={options}
          draft={draft}
          handlers={handlers}
        />
      ))}
      <Textarea
        label={t('diagnostic.self.notes')}
        autosize
        minRows={3}
        value={draft.notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      {send.error ? (
        <Alert color="red" role="alert" title={t('common.errorTitle')}>
          {send.error instanceof ApiError ? send.error.message : t('common.unexpectedError')}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Text size="sm" c="dimmed">
          {t('diagnostic.self.once')}
        </Text>
        <Button size="md" onClick={() => send.mutate()} loading={send.isPending} disabled={count === 0}>
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
