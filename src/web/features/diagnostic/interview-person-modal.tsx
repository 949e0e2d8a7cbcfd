import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Interview, InterviewCreateInput } from '../../../domain/diagnostic/interviews.ts';
import { INTERVIEWEE_TYPES, type IntervieweeType } from '../../../domain/diagnostic/model.ts';
import { belgianToday } from '../../../domain/shared/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { EditorModal } from '../../components/editor-modal.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useMe } from '../../lib/session.ts';
import { useInterviewMutations, useUpdateInterview } from './api.ts';

/** The kinds of people heard, worded for a select. */
export function useTypeOptions() {
  const { t } = useTranslation();
  return INTERVIEWEE_TYPES.map((type) => ({ value: type, label: t(`diagnostic.types.${type}`) }));
}

type PersonValues = { type: string; role: string; name: string; date: string; interviewer: string };

function toInput(values: PersonValues) {
  return {
    resourcePerson: {
      type: values.type as IntervieweeType,
      ...(values.role.trim() ? { role: values.role.trim() } : {}),
      ...(values.name.trim() ? { name: values.name.trim() } : {}),
    },
    date: values.date,
    interviewer: values.interviewer,
  };
}

function initialValues(interview: Interview | undefined, me: string): PersonValues {
  if (!interview) return { type: '', role: '', name: '', date: belgianToday(), interviewer: me };
  return {
    type: interview.resourcePerson.type,
    role: interview.resourcePerson.role ?? '',
    name: interview.resourcePerson.name ?? '',
    date: interview.date,
    interviewer: interview.interviewer,
  };
}

/**
 * Who was heard, when, by whom: a new interview, or (with `interview`) a correction of one. Name and role cannot be
 * entered again once erased.
 */
export function InterviewPersonModal({
  missionId,
  interview,
  onClose,
  onCreated,
}: {
  missionId: string;
  interview?: Interview;
  onClose(): void;
  onCreated?(id: string): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { create } = useInterviewMutations(missionId);
  const update = useUpdateInterview(missionId, interview?.id ?? '');
  const typeOptions = useTypeOptions();
  const erased = interview?.resourcePerson.identityErased ?? false;
  const { form, submit } = useSchemaForm({
    schema: InterviewCreateInput,
    initialValues: initialValues(interview, me.data?.user.displayName ?? ''),
    toInput,
  });
  const mutation = interview ? update : create;
  const onSubmit = submit((input, callbacks) =>
    interview
      ? update.mutate(input, {
          ...callbacks,
          onSuccess: () => {
            notify(t('diagnostic.interviews.personSaved'));
            onClose();
          },
        })
      : create.mutate(input, {
          ...callbacks,
          onSuccess: (created) => {
            notify(t('diagnostic.interviews.created'));
            onCreated?.(created.id);
          },
        }),
  );
  return (
    <EditorModal
      title={interview ? t('diagnostic.interviews.editPerson') : t('diagnostic.interviews.new')}
      size="lg"
      onClose={onClose}
      errors={form.errors}
      onSubmit={onSubmit}
      pending={mutation.isPending}
      error={mutation.error}
      submitLabel={interview ? t('common.save') : t('diagnostic.interviews.start')}
    >
      <Select
        label={t('diagnostic.interviews.type')}
        data={typeOptions}
        required
        value={form.values.type || null}
        onChange={(value) => form.setFieldValue('type', value ?? '')}
        error={form.errors['resourcePerson.type']}
      />
      <TextInput
        label={t('diagnostic.interviews.role')}
        description={erased ? t('diagnostic.interviews.erased') : t('diagnostic.interviews.roleHelp')}
        disabled={erased}
        {...form.getInputProps('role')}
      />
      <TextInput
        label={t('diagnostic.interviews.name')}
        description={erased ? t('diagnostic.interviews.erased') : t('diagnostic.interviews.nameHelp')}
        disabled={erased}
        {...form.getInputProps('name')}
      />
      <Group grow>
        <DateField label={t('diagnostic.interviews.date')} required {...form.getInputProps('date')} />
        <TextInput label={t('diagnostic.interviews.interviewer')} required {...form.getInputProps('interviewer')} />
      </Group>
    </EditorModal>
  );
}
