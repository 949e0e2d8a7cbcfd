import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useNotices, useRunNotices } from './api.ts';

export function NoticesView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const notices = useNotices();
  const run = useRunNotices();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notices-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="notices-heading">
          {t('implementation.notices.title')}
        </Title>
        <Button
          variant="default"
          loading={run.isPending}
          onClick={() =>
            run.mutate(undefined, {
              onSuccess: (r) => notify(t('implementation.notices.ran', { alerts: r.alertNotices, digests: r.digests })),
            })
          }
        >
          {t('implementation.notices.run')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('implementation.notices.help')}
      </Text>
      <ErrorAlert error={notices.error ?? run.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('implementation.notices.sentAt')}</Table.Th>
              <Table.Th scope="col">{t('implementation.notices.to')}</Table.Th>
              <Table.Th scope="col">{t('implementation.notices.subject')}</Table.Th>
              <Table.Th scope="col">{t('implementation.notices.transport')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(notices.data ?? []).map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td>{formatDateTime(n.sentAt, language)}</Table.Td>
                <Table.Td>{n.email}</Table.Td>
                <Table.Td>
                  <details>
                    <summary>{n.subject}</summary>
                    <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {n.body}
                    </Text>
                  </details>
                </Table.Td>
                <Table.Td>
                  {t(`implementation.notices.transports.${n.transport}`)}
                  {n.error ? ` — ${n.error}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
