import { Alert, Button, Code, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiKey, type ApiKeyCreated, ApiKeyInput } from '../../../domain/public/api-keys.ts';
import { formatDateTime, formatNumber } from '../../../domain/shared/format.ts';
import { InlineAddForm } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { notify } from '../../lib/notify.ts';
import { numberOf, useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './api.ts';

/** Issues a named key with its own rate; the new key is handed back to be shown once. */
function NewKeyForm({ onCreated }: { onCreated: (key: ApiKeyCreated) => void }) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const { form, submit } = useSchemaForm({
    schema: ApiKeyInput,
    initialValues: { name: '', limit: 3000 as number | string },
    toInput: (v) => ({ name: v.name, rateLimitPerMinute: numberOf(v.limit) }),
  });
  const onSubmit = submit((input, callbacks) =>
    create.mutate(input, {
      ...callbacks,
      onSuccess: (key) => {
        onCreated(key);
        form.reset();
        notify(t('public.apiKeys.created'));
      },
    }),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-key">
      <Title order={2} size="h4" id="new-key">
        {t('public.apiKeys.newTitle')}
      </Title>
      <InlineAddForm
        errors={form.errors}
        onSubmit={onSubmit}
        label={t('public.apiKeys.create')}
        pending={create.isPending}
        variant="filled"
      >
        <TextInput label={t('public.apiKeys.name')} required w={320} {...form.getInputProps('name')} />
        <NumberInput
          label={t('public.apiKeys.limit')}
          min={1}
          max={100000}
          w={200}
          {...form.getInputProps('limit')}
          error={form.errors.limit ?? form.errors.rateLimitPerMinute}
        />
      </InlineAddForm>
      <ErrorAlert error={create.error} />
    </Paper>
  );
}

/** The keys issued, with their rate, last use and state; a key in force can be revoked. */
function KeysTable({ keys }: { keys: ApiKey[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const revoke = useRevokeApiKey();
  return (
    <div style={{ overflowX: 'auto' }}>
      <ErrorAlert error={revoke.error} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('public.apiKeys.name')}</Table.Th>
            <Table.Th scope="col">{t('public.apiKeys.prefix')}</Table.Th>
            <Table.Th scope="col">{t('public.apiKeys.limit')}</Table.Th>
            <Table.Th scope="col">{t('public.apiKeys.lastUsed')}</Table.Th>
            <Table.Th scope="col">{t('public.apiKeys.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((k) => (
            <Table.Tr key={k.id}>
              <Table.Td>{k.name}</Table.Td>
              <Table.Td>
                <Code>{k.prefix}…</Code>
              </Table.Td>
              <Table.Td>{formatNumber(k.rateLimitPerMinute, language)}</Table.Td>
              <Table.Td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, language) : '—'}</Table.Td>
              <Table.Td>
                {k.revokedAt ? (
                  t('public.apiKeys.revokedOn', { date: formatDateTime(k.revokedAt, language) })
                ) : (
                  <Button
                    size="compact-sm"
                    variant="outline"
                    color="red.9"
                    loading={revoke.isPending && revoke.variables === k.id}
                    onClick={() => revoke.mutate(k.id, { onSuccess: () => notify(t('public.apiKeys.revoked')) })}
                    aria-label={t('public.apiKeys.revokeOne', { name: k.name })}
                  >
                    {t('public.apiKeys.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {keys.length === 0 ? <Text size="sm">{t('public.apiKeys.none')}</Text> : null}
    </div>
  );
}

/** Agency admins issue and revoke the partners' API keys (issue 14); a new key is shown once. */
export default function ApiKeysPage() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  return (
    <Stack gap="lg">
      <PageHeader title={t('public.apiKeys.title')} description={t('public.apiKeys.intro')} />
      <NewKeyForm onCreated={setCreated} />
      {created ? (
        <Alert color="green" variant="light" title={t('public.apiKeys.showOnce')}>
          <Text size="sm">{t('public.apiKeys.showOnceHelp', { name: created.name })}</Text>
          <Code block data-testid="new-api-key" mt="xs" style={{ wordBreak: 'break-all' }}>
            {created.key}
          </Code>
        </Alert>
      ) : null}
      <ErrorAlert error={keys.error} />
      {keys.data ? <KeysTable keys={keys.data} /> : keys.isPending ? <BlockSkeleton /> : null}
    </Stack>
  );
}
