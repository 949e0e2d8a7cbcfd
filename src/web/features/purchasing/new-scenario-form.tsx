import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ScenarioCreateInput } from '../../../domain/purchasing/api.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { notify } from '../../lib/notify.ts';
import { numberOf, useSchemaForm } from '../../lib/schema-form.ts';
import { useConfirmedGroups, useCreateScenario } from './api.ts';
import { TermsFields } from './terms-fields.tsx';

const NATURES = ['services', 'supplies', 'works'] as const;

/** Agency staff build a scenario from confirmed groups of needs: its terms, its lots by category or by group. */
export function NewScenarioForm() {
  const { t } = useTranslation();
  const groups = useConfirmedGroups(true);
  const { form, onSubmit, create } = useNewScenario();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-scenario">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="new-scenario">
            {t('purchasing.new')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('purchasing.newHelp')}
          </Text>
          <FormErrorSummary errors={form.errors} />
          <ErrorAlert error={create.error} />
          <TextInput label={t('purchasing.titleField')} required {...form.getInputProps('title')} />
          <MultiSelect
            label={t('purchasing.groups')}
            required
            data={(groups.data ?? []).map((g) => ({
              value: g.id,
              label: t('purchasing.groupOption', { label: g.label, count: g.communeCount }),
            }))}
            searchable
            nothingFoundMessage={t('purchasing.noGroup')}
            {...form.getInputProps('groupIds')}
          />
          <TermsFields inputProps={(path) => form.getInputProps(path)} initialRequired />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('purchasing.lotsBy')}
              data={[
                { value: 'category', label: t('purchasing.lotsByCategory') },
                { value: 'group', label: t('purchasing.lotsByGroup') },
              ]}
              allowDeselect={false}
              {...form.getInputProps('lotsBy')}
            />
            <Select
              label={t('purchasing.nature')}
              data={NATURES.map((n) => ({ value: n, label: t(`purchasing.natures.${n}`) }))}
              allowDeselect={false}
              {...form.getInputProps('nature')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('purchasing.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The form of a new scenario; once created, its page opens. */
function useNewScenario() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateScenario();
  const { form, submit } = useSchemaForm({
    schema: ScenarioCreateInput,
    initialValues: {
      title: '',
      groupIds: [] as string[],
      launchDate: '',
      initialMonths: 48 as number | string,
      renewals: 0 as number | string,
      renewalMonths: 0 as number | string,
      lotsBy: 'category' as 'category' | 'group',
      nature: 'services' as (typeof NATURES)[number],
    },
    toInput: (v) => ({
      ...v,
      initialMonths: numberOf(v.initialMonths),
      renewals: numberOf(v.renewals),
      renewalMonths: numberOf(v.renewalMonths),
    }),
  });
  const onSubmit = submit((input, callbacks) =>
    create.mutate(input, {
      ...callbacks,
      onSuccess: (scenario) => {
        notify(t('purchasing.created'));
        void navigate(paths.purchasingScenario.to(scenario.id));
      },
    }),
  );
  return { form, onSubmit, create };
}
