import { Group, MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MISSION_PHASES,
  type Mission,
  MissionCreateInput,
  type MissionPhase,
  MissionUpdateInput,
} from '../../../domain/missions/mission.ts';
import { belgianToday } from '../../../domain/shared/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { EditorModal } from '../../components/editor-modal.tsx';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useCreateMission, useStaff, useUpdateMission } from './api.ts';
import { useCommuneSites } from './sites-query.ts';

type Values = {
  title: string;
  description: string;
  communeNis: string | null;
  siteId: string | null;
  consultantIds: string[];
  phase: MissionPhase;
  startDate: string;
  endDate: string;
};
type MissionForm = UseFormReturnType<Values>;
type Props = { mission?: Mission; onClose(): void; onSaved?(mission: Mission): void };

const missionValues = (mission?: Mission): Values => ({
  title: mission?.title ?? '',
  description: mission?.description ?? '',
  communeNis: mission?.beneficiary.communeNis ?? null,
  siteId: mission?.beneficiary.siteId ?? null,
  consultantIds: mission?.consultants.map((c) => c.id) ?? [],
  phase: mission?.phase ?? 'diagnostic',
  startDate: mission?.startDate ?? belgianToday(),
  endDate: mission?.endDate ?? '',
});

function toUpdate(values: Values): MissionUpdateInput {
  return {
    title: values.title,
    description: values.description || null,
    consultantIds: values.consultantIds,
    phase: values.phase,
    startDate: values.startDate,
    endDate: values.endDate || null,
  };
}

function toCreate(values: Values): MissionCreateInput {
  return {
    ...toUpdate(values),
    title: values.title,
    consultantIds: values.consultantIds,
    startDate: values.startDate,
    communeNis: values.communeNis ?? '',
    siteId: values.siteId,
  };
}

/** Opens a mission (create) or changes one (edit): title, beneficiary, consultants, dates and phase. */
export function MissionFormModal(props: Props) {
  return props.mission ? <EditMissionModal {...props} mission={props.mission} /> : <CreateMissionModal {...props} />;
}

/** Says the mission was saved, hands it over and closes. */
function useSaved(props: Props) {
  const { t } = useTranslation();
  return (mission: Mission) => {
    notify(t(props.mission ? 'missions.saved' : 'missions.created', { title: mission.title }));
    props.onSaved?.(mission);
    props.onClose();
  };
}

function CreateMissionModal(props: Props) {
  const create = useCreateMission();
  const onSuccess = useSaved(props);
  const { form, submit } = useSchemaForm({
    schema: MissionCreateInput,
    initialValues: missionValues(),
    toInput: toCreate,
  });
  const onSubmit = submit((input, callbacks) => create.mutate(input, { ...callbacks, onSuccess }));
  return <MissionModal form={form} onSubmit={onSubmit} mutation={create} onClose={props.onClose} />;
}

function EditMissionModal(props: Props & { mission: Mission }) {
  const update = useUpdateMission(props.mission.id);
  const onSuccess = useSaved(props);
  // The update carries no beneficiary (it cannot change): its strict schema refuses the keys, even undefined.
  const { form, submit } = useSchemaForm({
    schema: MissionUpdateInput,
    initialValues: missionValues(props.mission),
    toInput: toUpdate,
  });
  const onSubmit = submit((input, callbacks) => update.mutate(input, { ...callbacks, onSuccess }));
  return <MissionModal editing form={form} onSubmit={onSubmit} mutation={update} onClose={props.onClose} />;
}

function MissionModal(props: {
  editing?: boolean;
  form: MissionForm;
  onSubmit(event?: FormEvent<HTMLFormElement>): void;
  mutation: { error: unknown; isPending: boolean };
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { form, editing = false } = props;
  return (
    <EditorModal
      title={t(editing ? 'missions.editTitle' : 'missions.createTitle')}
      onClose={props.onClose}
      size="lg"
      errors={form.errors}
      onSubmit={props.onSubmit}
      pending={props.mutation.isPending}
      error={props.mutation.error}
      submitLabel={t(editing ? 'common.save' : 'missions.create')}
    >
      <TextInput label={t('missions.title')} required {...form.getInputProps('title')} />
      <BeneficiaryFields form={form} editing={editing} />
      <MissionStaffingFields form={form} />
      <Textarea label={t('missions.description')} autosize minRows={3} {...form.getInputProps('description')} />
    </EditorModal>
  );
}

/** The commune and, inside it, the site the mission serves: chosen when it opens, fixed afterwards. */
function BeneficiaryFields({ form, editing }: { form: MissionForm; editing: boolean }) {
  const { t } = useTranslation();
  const communes = useCommuneList();
  const sites = useCommuneSites(form.values.communeNis);
  return (
    <>
      <Select
        label={t('missions.commune')}
        data={communeOptions(communes.data)}
        searchable
        required
        disabled={editing}
        nothingFoundMessage={t('common.nothingFound')}
        {...form.getInputProps('communeNis')}
        onChange={(value) => {
          form.setFieldValue('communeNis', value);
          form.setFieldValue('siteId', null);
        }}
      />
      <Select
        label={t('missions.site')}
        description={t('missions.siteHelp')}
        data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        clearable
        disabled={editing || !form.values.communeNis || (sites.data ?? []).length === 0}
        placeholder={t('missions.wholeCommune')}
        {...form.getInputProps('siteId')}
      />
    </>
  );
}

/** Who runs the mission, when, and the phase it is in. */
function MissionStaffingFields({ form }: { form: MissionForm }) {
  const { t } = useTranslation();
  const staff = useStaff();
  return (
    <>
      <MultiSelect
        label={t('missions.consultants')}
        data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
        searchable
        required
        {...form.getInputProps('consultantIds')}
      />
      <Group grow align="flex-start">
        <DateField label={t('missions.startDate')} required {...form.getInputProps('startDate')} />
        <DateField label={t('missions.endDate')} {...form.getInputProps('endDate')} />
      </Group>
      <Select
        label={t('missions.phase')}
        data={MISSION_PHASES.map((phase) => ({ value: phase, label: t(`missions.phases.${phase}`) }))}
        allowDeselect={false}
        {...form.getInputProps('phase')}
      />
    </>
  );
}
