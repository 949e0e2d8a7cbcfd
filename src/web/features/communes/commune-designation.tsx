import { Badge, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CommuneDetail, OfficialDesignationInput } from '../../../domain/communes/commune.ts';
import { COMMUNE_TITLES, officialDesignation, titleOf } from '../../../domain/communes/official-name.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { ApiError } from '../../lib/api.ts';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useConfirmDesignation } from './api.ts';

/**
 * How the institution is called (« Ville d'Arlon », « Commune de Tintigny »): the name the agency's open contracting
 * data gives the commune. Shown « à vérifier » until checked against a source; agency admins confirm it here.
 */
export function OfficialDesignationFact({ commune }: { commune: CommuneDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const { source, checkedAt } = commune.officialDesignation;
  return (
    <Stack gap={4} data-testid="official-designation">
      <Group gap="xs" wrap="wrap">
        <Text span>{commune.officialName ?? '—'}</Text>
        {/* The colours of the other « vérifié » / « à vérifier » badges (procedure costs): AA contrast on white. */}
        <Badge variant="outline" color={commune.officialNameVerified ? 'teal.9' : '#9a3412'} tt="none">
          {commune.officialNameVerified ? t('communes.designation.verified') : t('communes.designation.toCheck')}
        </Badge>
      </Group>
      {/* Unverified, the reference data's source is the note saying why (« À vérifier : … »). */}
      {source ? (
        <Text size="sm" c="dimmed">
          {checkedAt
            ? t('communes.designation.checkedSource', { date: formatDate(checkedAt, language), source })
            : commune.officialNameVerified
              ? t('communes.designation.source', { source })
              : source}
        </Text>
      ) : null}
      {commune.permissions.editDesignation ? (
        <div>
          <Button size="compact-sm" variant="outline" onClick={() => setEditing(true)}>
            {commune.officialNameVerified ? t('communes.designation.change') : t('communes.designation.confirm')}
          </Button>
        </div>
      ) : null}
      {editing ? <DesignationFormModal commune={commune} onClose={() => setEditing(false)} /> : null}
    </Stack>
  );
}

function DesignationFormModal({ commune, onClose }: { commune: CommuneDetail; onClose(): void }) {
  const { t } = useTranslation();
  const confirm = useConfirmDesignation(commune.nisCode);
  const { form, submit } = useSchemaForm({
    schema: OfficialDesignationInput,
    initialValues: { title: titleOf(commune.officialName), source: '' },
    toInput: (values) => values,
  });
  const close = () => {
    confirm.reset();
    onClose();
  };
  const onSubmit = submit((input, callbacks) =>
    confirm.mutate(input, {
      ...callbacks,
      onSuccess: (detail) => {
        notify(t('communes.designation.saved', { name: detail.officialName }));
        close();
      },
    }),
  );
  return (
    <AppModal opened onClose={close} title={t('communes.designation.formTitle', { name: commune.name })} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {confirm.isError && !(confirm.error instanceof ApiError && confirm.error.details.length > 0) ? (
            <ErrorAlert error={confirm.error} />
          ) : null}
          <FormErrorSummary errors={form.errors} />
          <Radio.Group label={t('communes.designation.title')} {...form.getInputProps('title')}>
            <Stack gap="xs" mt="xs">
              {COMMUNE_TITLES.map((title) => (
                <Radio key={title} value={title} label={officialDesignation(commune.name, title)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('communes.designation.sourceLabel')}
            description={t('communes.designation.sourceHelp')}
            autosize
            minRows={2}
            withAsterisk
            {...form.getInputProps('source')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={confirm.isPending}>
              {t('communes.designation.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
