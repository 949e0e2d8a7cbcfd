import { Anchor, Grid, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { smartCategory } from '../../../domain/shared/smart-categories.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { usePublicCategory } from './api.ts';
import { PublicProjectsMap } from './public-map.tsx';

/** One category's adoption map: which communes use which listed solution (issue 14). */
export default function PublicCategoryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { category = '' } = useParams();
  const adoption = usePublicCategory(category);
  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const s of adoption.data?.solutions ?? []) {
      for (const c of s.communes) out.set(c.nisCode, (out.get(c.nisCode) ?? 0) + 1);
    }
    return out;
  }, [adoption.data]);
  if (adoption.error) return <ErrorAlert error={adoption.error} />;
  if (!adoption.data) return <BlockSkeleton />;
  const meta = smartCategory(category);
  const name = meta ? (language === 'fr' ? meta.fr : meta.en) : category;
  return (
    <Stack gap="lg">
      <PageHeader
        title={name}
        description={t('public.category.intro')}
        above={
          <Anchor component={Link} to={paths.publicCategories.to()} size="sm">
            ← {t('public.categories.title')}
          </Anchor>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <PublicProjectsMap
            counts={counts}
            filterKey={`${category}:${language}`}
            label={t('public.category.mapLabel', { category: name })}
            detailKey="public.category.mapDetail"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {adoption.data.solutions.length === 0 ? <Text>{t('public.category.none')}</Text> : null}
            {adoption.data.solutions.map((s) => (
              <Paper key={s.id} withBorder p="md" component="article" aria-labelledby={`solution-${s.id}`}>
                <Title order={2} size="h5" id={`solution-${s.id}`}>
                  {s.name}
                </Title>
                <Text size="xs" c="dimmed">
                  {s.vendor}
                </Text>
                <Text size="sm" my="xs">
                  {s.summary}
                </Text>
                <Text size="sm" fw={600}>
                  {t('public.category.usedBy', { count: s.communes.length })}
                </Text>
                {s.communes.length > 0 ? (
                  <List size="sm">
                    {s.communes.map((c) => (
                      <List.Item key={c.nisCode}>
                        <Anchor component={Link} to={paths.programme.to(c.nisCode)} underline="always" size="sm">
                          {c.name}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                ) : null}
              </Paper>
            ))}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
