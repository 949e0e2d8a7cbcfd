import { Alert, Button, Grid, Group, Stack, Textarea } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../domain/diagnostic/interviews.ts';
import type { MaturityModel } from '../../../domain/diagnostic/model.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useGuide, useInterview } from './api.ts';
import { overlay } from './autosave-queue.ts';
import { CaptureHeader } from './capture-header.tsx';
import { CaptureOutline, DimensionQuestions, type QuestionHandlers } from './capture-questions.tsx';
import { InterviewPersonModal } from './interview-person-modal.tsx';
import { focusQuestion, useQuestionOptions } from './question-options.ts';
import { useAutosave } from './use-autosave.ts';

/** What the capture hands every question: save an answer, clear it, move between questions (stable callbacks). */
function useQuestionHandlers(queue: ReturnType<typeof useAutosave>['queue']): QuestionHandlers {
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const onAnswer = useCallback(
    (questionKey: string, level: number | null, comment: string) =>
      queue({ kind: 'answer', questionKey, level, comment }),
    [queue],
  );
  const onClear = useCallback((questionKey: string) => queue({ kind: 'remove', questionKey }), [queue]);
  const onMove = useCallback((index: number, step: 1 | -1) => focusQuestion(refs.current[index + step], true), []);
  const register = useCallback((index: number, element: HTMLDivElement | null) => {
    refs.current[index] = element;
  }, []);
  return useMemo(() => ({ onAnswer, onClear, onMove, register }), [onAnswer, onClear, onMove, register]);
}

/** The interview's notes, saved when the field is left. */
function NotesField({
  interview,
  save,
  readOnly,
}: {
  interview: Interview;
  save: ReturnType<typeof useAutosave>;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<string | null>(null);
  return (
    <Textarea
      label={t('diagnostic.capture.notes')}
      description={t('diagnostic.capture.notesHelp')}
      autosize
      minRows={3}
      readOnly={readOnly}
      value={notes ?? save.pending.notes ?? interview.notes ?? ''}
      onChange={(event) => setNotes(event.currentTarget.value)}
      onBlur={() => {
        if (notes !== null && notes !== (interview.notes ?? '')) save.queue({ kind: 'notes', notes });
      }}
    />
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
  const interview = useInterview(missionId, interviewId);
  const save = useAutosave(missionId, interviewId);
  const [editingPerson, setEditingPerson] = useState(false);
  const { total, optionsOf, indexOf } = useQuestionOptions(guide);
  const answers = useMemo(
    () => overlay(interview.data?.answers ?? [], save.pending),
    [interview.data?.answers, save.pending],
  );
  const handlers = useQuestionHandlers(save.queue);

  if (interview.error) return <ErrorAlert error={interview.error} />;
  if (!interview.data) return <BlockSkeleton />;
  const data = interview.data;
  const readOnly = !data.permissions.edit;
  const answered = [...answers.values()].filter((a) => a.level !== null).length;
  const dontKnow = [...answers.values()].filter((a) => a.level === null).length;

  return (
    <Stack gap="md">
      <CaptureHeader
        interview={data}
        progress={{ answered, dontKnow, total }}
        save={save}
        readOnly={readOnly}
        onBack={onBack}
        onEditPerson={() => setEditingPerson(true)}
      />
      {readOnly ? <Alert color="gray">{t('diagnostic.capture.readOnly')}</Alert> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 2 }} visibleFrom="md">
          <CaptureOutline guide={guide} answers={answers} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 10 }}>
          <Stack gap="xl">
            {guide.dimensions.map((dimension) => (
              <DimensionQuestions
                key={dimension.key}
                dimension={dimension}
                indexOf={indexOf}
                optionsOf={optionsOf}
                answers={answers}
                readOnly={readOnly}
                handlers={handlers}
              />
            ))}
            <NotesField interview={data} save={save} readOnly={readOnly} />
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
