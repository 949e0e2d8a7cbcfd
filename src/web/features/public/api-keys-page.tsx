import { Alert, Button, Code, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyCreated } from '../../../domain/public/api-keys.ts';
import { formatDateTime, formatNumber } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './api.ts';

/** Agency admins issue and revoke the partners' API keys (issue 14); a new key is shown once. */
export default function ApiKeysPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState('');
  const [limit, setLimit] = useState<number | string>(3000);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  return (
    <Stack gap="lg">
      <PageHeader title={t('public.apiKeys.title')} description={t('public.apiKeys.intro')} />
      <Paper
        withBorder
        p="md"
        component="form"
        aria-labelledby="new-key"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { name, rateLimitPerMinute: Number(limit) },
            {
              onSuccess: (key) => {
                setCreated(key);
                setName('');
                notify(t('public.apiKeys.created'));
              },
            },
          );
        }}
      >
        <Title order={2} size="h4" id="new-key" mb="sm">
          {t('public.apiKeys.newTitle')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('public.apiKeys.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            required
            w={320}
          />
          <NumberInput
            label={t('public.apiKeys.limit')}
            value={limit}
            onChange={setLimit}
            min={1}
            max={100000}
            error={fieldErrors.rateLimitPerMinute}
            w={200}
          />
          <Button type="submit" loading={create.isPending}>
            {t('public.apiKeys.create')}
          </Button>
        </Group>
        {create.error && !(create.error instanceof ApiError && create.error.details.length) ? (
          <ErrorAlert error={create.error} />
        ) : null}
      </Paper>
      {created ? (
        <Alert color="green" variant="light" title={t('public.apiKeys.showOnce')}>
          <Text size="sm">{t('public.apiKeys.showOnceHelp', { name: created.name })}</Text>
          <Code block data-testid="new-api-key" mt="xs" style={{ wordBreak: 'break-all' }}>
            {created.key}
          </Code>
        </Alert>
      ) : null}
      <ErrorAlert error={keys.error ?? revoke.error} />
      {keys.data ? (
        <div style={{ overflowX: 'auto' }}>
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
              {keys.data.map((k) => (
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
          {keys.data.length === 0 ? <Text size="sm">{t('public.apiKeys.none')}</Text> : null}
        </div>
      ) : keys.isPending ? (
        <BlockSkeleton />
      ) : null}
    </Stack>
  );
}
