import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AgencyFileInput } from '../../../domain/purchasing/agency-file.ts';
import type { AgencyFile, ScenarioDetail } from '../../../domain/purchasing/api.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useAgencyFile, useSaveFile } from './api.ts';
import { AwardForm, AwardSummary } from './award-form.tsx';
import { FileEntries } from './file-entries.tsx';
import { fileInputOf } from './file-input.ts';

/**
 * The agency's procurement file of a launched scenario: the procedure's steps with their dates, the publication, the
 * bids, then the award that creates the framework agreement in the catalogue (issue 12, step 3). `manage` is the
 * server's capability to run central purchasing.
 */
export function FileSection({ scenario, manage }: { scenario: ScenarioDetail; manage: boolean }) {
  const { t } = useTranslation();
  const file = useAgencyFile(scenario.id, scenario.status === 'launched');
  if (scenario.status !== 'launched') return null;
  if (file.isPending) return <BlockSkeleton />;
  if (!file.data) return <ErrorAlert error={file.error} />;
  const f = file.data;
  const editable = manage && f.award === null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agency-file">
      <Stack gap="sm">
        <Title order={2} size="h3" id="agency-file">
          {t('purchasing.file.title', { procedure: f.procedureLabel })}
        </Title>
        {f.problems.map((p) => (
          <Text key={p.messageFr} size="sm" c={p.severity === 'error' ? 'red.9' : 'dimmed'}>
            {p.messageFr}
          </Text>
        ))}
        <FileStepsForm scenarioId={scenario.id} file={f} editable={editable} />
        <FileEntries scenario={scenario} file={f} editable={editable} />
        {f.award ? (
          <AwardSummary scenario={scenario} award={f.award} standstill={f.standstill} manage={manage} />
        ) : manage ? (
          <AwardForm scenario={scenario} />
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The steps' actual dates and the publication's references. */
function FileStepsForm({ scenarioId, file, editable }: { scenarioId: string; file: AgencyFile; editable: boolean }) {
  const { t } = useTranslation();
  const save = useSaveFile(scenarioId);
  const { form, submit } = useSchemaForm({
    schema: AgencyFileInput,
    initialValues: {
      dates: Object.fromEntries(file.steps.map((s) => [s.step, s.actualDate ?? ''])) as Record<string, string>,
      bdaReference: file.publication.bdaReference ?? '',
      joueReference: file.publication.joueReference ?? '',
    },
    toInput: (v) =>
      fileInputOf(file, {
        steps: file.steps.map((s) => ({
          step: s.step as AgencyFileInput['steps'][number]['step'],
          ...(s.plannedDate ? { plannedDate: s.plannedDate } : {}),
          ...(v.dates[s.step] ? { actualDate: v.dates[s.step] } : {}),
        })),
        publication: {
          bdaReference: v.bdaReference.trim() || null,
          joueReference: v.joueReference.trim() || null,
          publishedOn: file.publication.publishedOn,
        },
      }),
  });
  const onSubmit = submit((input, callbacks) =>
    save.mutate(input, { ...callbacks, onSuccess: () => notify(t('purchasing.file.saved')) }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormErrorSummary errors={form.errors} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {file.steps.map((step) => (
            <DateField
              key={step.step}
              label={step.label}
              disabled={!editable}
              {...form.getInputProps(`dates.${step.step}`)}
            />
          ))}
          <TextInput label={t('purchasing.file.bda')} disabled={!editable} {...form.getInputProps('bdaReference')} />
          <TextInput label={t('purchasing.file.joue')} disabled={!editable} {...form.getInputProps('joueReference')} />
        </SimpleGrid>
        <ErrorAlert error={save.error} />
        {editable ? (
          <Group justify="flex-end">
            <Button type="submit" variant="outline" loading={save.isPending}>
              {t('purchasing.file.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
