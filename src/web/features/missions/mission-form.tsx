import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  MISSION_PHASES,
  type Mission,
  MissionCreateInput,
  type MissionPhase,
  MissionUpdateInput,
} from '../../../domain/missions/mission.ts';
import { belgianToday } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { ApiError } from '../../lib/api.ts';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { zodFormErrors } from '../../lib/form-validation.ts';
import { notify } from '../../lib/notify.ts';
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

function usePhaseOptions() {
  const { t } = useTranslation();
  return MISSION_PHASES.map((phase) => ({ value: phase, label: t(`missions.phases.${phase}`) }));
}

const today = () => belgianToday();

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
export function MissionFormModal(props: { mission?: Mission; onClose(): void; onSaved?(mission: Mission): void }) {
  const { t } = useTranslation();
  const editing = props.mission;
  const communes = useCommuneList();
  const staff = useStaff();
  const create = useCreateMission();
  const update = useUpdateMission(editing?.id ?? '');
  const phaseOptions = usePhaseOptions();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      title: editing?.title ?? '',
      description: editing?.description ?? '',
      communeNis: editing?.beneficiary.communeNis ?? null,
      siteId: editing?.beneficiary.siteId ?? null,
      consultantIds: editing?.consultants.map((c) => c.id) ?? [],
      phase: editing?.phase ?? 'diagnostic',
      startDate: editing?.startDate ?? today(),
      endDate: editing?.endDate ?? '',
    },
    // The update carries no beneficiary (it cannot change): its strict schema refuses the keys, even undefined.
    validate: (values) =>
      editing
        ? zodFormErrors(MissionUpdateInput, toUpdate(values), t)
        : zodFormErrors(MissionCreateInput, toCreate(values), t),
  });
  const sites = useCommuneSites(form.values.communeNis);
  const mutation = editing ? update : create;

  const submit = form.onSubmit((values) => {
    const done = (mission: Mission) => {
      notify(t(editing ? 'missions.saved' : 'missions.created', { title: mission.title }));
      props.onSaved?.(mission);
      props.onClose();
    };
    const fail = (error: Error) => {
      if (error instanceof ApiError) form.setErrors(error.fieldErrors());
    };
    if (editing) update.mutate(toUpdate(values), { onSuccess: done, onError: fail });
    else create.mutate(toCreate(values), { onSuccess: done, onError: fail });
  });

  return (
    <AppModal
      opened
      onClose={props.onClose}
      title={t(editing ? 'missions.editTitle' : 'missions.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={mutation.error} />
          <FormErrorSummary errors={form.errors} />
          <TextInput label={t('missions.title')} required {...form.getInputProps('title')} />
          <Select
            label={t('missions.commune')}
            data={communeOptions(communes.data)}
            searchable
            required
            disabled={Boolean(editing)}
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
            disabled={Boolean(editing) || !form.values.communeNis || (sites.data ?? []).length === 0}
            placeholder={t('missions.wholeCommune')}
            {...form.getInputProps('siteId')}
          />
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
            data={phaseOptions}
            allowDeselect={false}
            {...form.getInputProps('phase')}
          />
          <Textarea label={t('missions.description')} autosize minRows={3} {...form.getInputProps('description')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t(editing ? 'common.save' : 'missions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
