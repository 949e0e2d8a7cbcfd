import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useOpenDatasets } from './api.ts';

/** Every public dataset, with its licence, publisher, update date and downloads (issue 14). */
export default function OpenDataPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const datasets = useOpenDatasets();
  if (datasets.error) return <ErrorAlert error={datasets.error} />;
  if (!datasets.data) return <BlockSkeleton />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('public.openData.title')} description={t('public.openData.intro')} />
      {datasets.data.map((d) => (
        <Paper key={d.id} withBorder p="md" component="article" aria-labelledby={`dataset-${d.id}`}>
          <Title order={2} size="h4" id={`dataset-${d.id}`}>
            {d.title}
          </Title>
          <Text size="sm" my="xs">
            {d.description}
          </Text>
          <Text size="xs" c="dimmed">
            {t('public.openData.meta', {
              publisher: d.publisher,
              date: d.modified ? formatDate(d.modified, language) : '—',
            })}{' '}
            <Anchor href={d.licence.url} size="xs" underline="always">
              {t('public.openData.licence')}
            </Anchor>
          </Text>
          <Group gap="xs" mt="sm" component="ul" p={0} style={{ listStyle: 'none' }}>
            {d.distributions.map((x) => (
              <li key={x.format}>
                <Anchor href={new URL(x.url).pathname} download underline="always" size="sm">
                  {x.label}
                </Anchor>
              </li>
            ))}
          </Group>
        </Paper>
      ))}
      <section aria-labelledby="machines">
        <Title order={2} size="h4" id="machines" mb="xs">
          {t('public.openData.machinesTitle')}
        </Title>
        <List size="sm">
          <List.Item>
            <Anchor href="/api/open-data/catalog" underline="always">
              {t('public.openData.catalog')}
            </Anchor>
          </List.Item>
          <List.Item>
            <Anchor href="/api/docs" underline="always">
              {t('public.openData.api')}
            </Anchor>
          </List.Item>
        </List>
      </section>
    </Stack>
  );
}
