import { Badge, Button, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MilestoneInput } from '../../../domain/implementation/follow-up.ts';
import type { ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { EditorModal, InlineAddForm } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { sendWithId, textOrNull, useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAddMilestone, useDeleteMilestone, useUpdateMilestone } from './api.ts';
import { EditDeleteButtons, editable, Section } from './follow-up-section.tsx';

type Milestone = ProjectFollowUp['milestones'][number];
type Values = { title: string; dueDate: string; owner: string };
const toInput = (doneDate: string | null) => (v: Values) => ({
  title: v.title,
  dueDate: v.dueDate,
  owner: textOrNull(v.owner),
  doneDate,
});

/** Title, due date and owner: the fields of a milestone, in the add form and in its editor. */
function MilestoneFields({ form, autofocus }: { form: UseFormReturnType<Values>; autofocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('implementation.milestones.name')}
        required
        data-autofocus={autofocus || undefined}
        {...form.getInputProps('title')}
      />
      <DateField label={t('implementation.milestones.dueDate')} required {...form.getInputProps('dueDate')} />
      <TextInput label={t('implementation.milestones.owner')} {...form.getInputProps('owner')} />
    </>
  );
}

function MilestoneState({ milestone: m }: { milestone: Milestone }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (m.doneDate) {
    return (
      <Badge color="green" variant="light">
        {t('implementation.milestones.done', { date: formatDate(m.doneDate, language) })}
      </Badge>
    );
  }
  return m.late ? (
    <Badge color="red.9" variant="filled">
      {t('implementation.milestones.late')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      {t('implementation.milestones.upcoming')}
    </Badge>
  );
}

type Actions = { markDone: (m: Milestone) => void; edit: (m: Milestone) => void; remove: (m: Milestone) => void };

function MilestoneActions({ milestone: m, actions }: { milestone: Milestone; actions: Actions }) {
  const { t } = useTranslation();
  return (
    <EditDeleteButtons
      className="wrap-on-phone"
      editLabel={t('implementation.milestones.editOf', { title: m.title })}
      deleteLabel={t('implementation.milestones.deleteOf', { title: m.title })}
      onEdit={() => actions.edit(m)}
      onDelete={() => actions.remove(m)}
      before={
        !m.doneDate ? (
          <Button
            size="compact-sm"
            variant="light"
            aria-label={t('implementation.milestones.markDoneOf', { title: m.title })}
            onClick={() => actions.markDone(m)}
          >
            {t('implementation.milestones.markDone')}
          </Button>
        ) : null
      }
    />
  );
}

function MilestonesTable(props: { state: ProjectFollowUp; actions: Actions }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state } = props;
  return (
    <Table.ScrollContainer minWidth={640} className="stack-on-phone">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('implementation.milestones.name')}</Table.Th>
            <Table.Th scope="col">{t('implementation.milestones.dueDate')}</Table.Th>
            <Table.Th scope="col">{t('implementation.milestones.owner')}</Table.Th>
            <Table.Th scope="col">{t('implementation.milestones.state')}</Table.Th>
            {editable(state) ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {state.milestones.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td fw={{ base: 600, sm: 400 }}>{m.title}</Table.Td>
              <Table.Td data-label={t('implementation.milestones.dueDate')}>{formatDate(m.dueDate, language)}</Table.Td>
              <Table.Td data-label={t('implementation.milestones.owner')}>{m.owner ?? '—'}</Table.Td>
              <Table.Td data-label={t('implementation.milestones.state')}>
                <MilestoneState milestone={m} />
              </Table.Td>
              {editable(state) ? (
                <Table.Td>
                  <MilestoneActions milestone={m} actions={props.actions} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddMilestoneForm({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const add = useAddMilestone(state.id);
  const { form, submit } = useSchemaForm({
    schema: MilestoneInput,
    initialValues: { title: '', dueDate: '', owner: '' },
    toInput: toInput(null),
  });
  const onSubmit = submit((input, callbacks) =>
    add.mutate(input, {
      ...callbacks,
      onSuccess: () => {
        form.reset();
        notify(t('implementation.milestones.added'));
      },
    }),
  );
  return (
    <>
      <ErrorAlert error={add.error} />
      <InlineAddForm
        errors={form.errors}
        onSubmit={onSubmit}
        label={t('implementation.milestones.add')}
        pending={add.isPending}
        variant="filled"
      >
        <MilestoneFields form={form} />
      </InlineAddForm>
    </>
  );
}

/** Change a milestone's title, due date and owner (its done date is kept; "mark met" sets it). */
function MilestoneEditor(props: { state: ProjectFollowUp; milestone: Milestone; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateMilestone(props.state.id);
  const { id, title, dueDate, owner, doneDate } = props.milestone;
  const { form, submit } = useSchemaForm({
    schema: MilestoneInput,
    initialValues: { title, dueDate, owner: owner ?? '' },
    toInput: toInput(doneDate),
  });
  const onSubmit = submit(
    sendWithId(update.mutate, id, () => {
      notify(t('implementation.milestones.saved'));
      props.onClose();
    }),
  );
  return (
    <EditorModal
      title={t('implementation.milestones.edit')}
      errors={form.errors}
      onSubmit={onSubmit}
      pending={update.isPending}
      error={update.error}
      onClose={props.onClose}
    >
      <MilestoneFields form={form} autofocus />
    </EditorModal>
  );
}

export function MilestonesSection({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Milestone | null>(null);
  const update = useUpdateMilestone(state.id);
  const remove = useDeleteMilestone(state.id);
  const actions: Actions = {
    markDone: (m) =>
      update.mutate({ id: m.id, title: m.title, dueDate: m.dueDate, owner: m.owner, doneDate: state.today }),
    edit: setEditing,
    remove: (m) => remove.mutate(m.id),
  };
  return (
    <Section id="milestones-heading" title={t('implementation.milestones.title')}>
      {editing ? <MilestoneEditor state={state} milestone={editing} onClose={() => setEditing(null)} /> : null}
      {state.milestones.length === 0 ? (
        <Text size="sm">{t('implementation.milestones.empty')}</Text>
      ) : (
        <MilestonesTable state={state} actions={actions} />
      )}
      <ErrorAlert error={update.error ?? remove.error} />
      {editable(state) ? <AddMilestoneForm state={state} /> : null}
    </Section>
  );
}
