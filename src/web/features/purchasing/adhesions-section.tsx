import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdhesionInput } from '../../../domain/purchasing/api.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAdhere, useAdhesions } from './api.ts';

/**
 * The communes' adhesions to the agency as central purchasing body. Who may record one, and for which commune,
 * comes from the server: `canRecord` (the capability), `forAnyCommune` (agency staff choose the commune).
 */
export function AdhesionsSection(props: { forAnyCommune: boolean; ownNis: string | null; canRecord: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const adhesions = useAdhesions();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="adhesions">
      <Stack gap="sm">
        <Title order={2} size="h3" id="adhesions">
          {t('purchasing.adhesions')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('purchasing.adhesionsHelp')}
        </Text>
        <ErrorAlert error={adhesions.error} />
        {(adhesions.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('purchasing.noAdhesion')}</Text>
        ) : (
          <Stack gap={4} component="ul" style={{ paddingLeft: 0, listStyle: 'none' }}>
            {(adhesions.data ?? []).map((a) => (
              <Text component="li" key={a.communeNis}>
                {t('purchasing.adhesionLine', {
                  commune: a.communeName,
                  date: formatDate(a.decisionDate, language),
                  reference: a.councilDecisionRef,
                })}
              </Text>
            ))}
          </Stack>
        )}
        {props.canRecord ? <AdhesionForm forAnyCommune={props.forAnyCommune} ownNis={props.ownNis} /> : null}
      </Stack>
    </Paper>
  );
}

function AdhesionForm({ forAnyCommune, ownNis }: { forAnyCommune: boolean; ownNis: string | null }) {
  const { t } = useTranslation();
  const communes = useCommuneList();
  const adhere = useAdhere();
  const { form, submit } = useSchemaForm({
    schema: AdhesionInput,
    initialValues: { communeNis: ownNis as string | null, decisionDate: '', councilDecisionRef: '' },
    toInput: (v) => ({
      communeNis: v.communeNis ?? undefined,
      decisionDate: v.decisionDate,
      councilDecisionRef: v.councilDecisionRef,
    }),
  });
  const onSubmit = submit((input, callbacks) =>
    adhere.mutate(input, {
      ...callbacks,
      onSuccess: () => {
        notify(t('purchasing.adhered'));
        form.setFieldValue('councilDecisionRef', '');
      },
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormErrorSummary errors={form.errors} />
        <ErrorAlert error={adhere.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {forAnyCommune ? (
            <Select
              label={t('purchasing.commune')}
              required
              searchable
              data={communeOptions(communes.data)}
              {...form.getInputProps('communeNis')}
            />
          ) : null}
          <DateField label={t('purchasing.decisionDate')} required {...form.getInputProps('decisionDate')} />
          <TextInput
            label={t('purchasing.councilDecisionRef')}
            required
            {...form.getInputProps('councilDecisionRef')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={adhere.isPending}>
            {t('purchasing.recordAdhesion')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
