import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { smartCategory } from '../../../domain/shared/smart-categories.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { usePublicCategories } from './api.ts';

/** The catalogue's categories, for citizens and neighbouring communes: what exists nearby (issue 14). */
export default function PublicCategoriesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const categories = usePublicCategories();
  if (categories.error) return <ErrorAlert error={categories.error} />;
  if (!categories.data) return <BlockSkeleton />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('public.categories.title')} description={t('public.categories.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" p={0} m={0}>
        {categories.data
          .filter((c) => c.solutions > 0)
          .map((c) => {
            const category = smartCategory(c.key);
            const name = category ? (language === 'fr' ? category.fr : category.en) : c.key;
            return (
              <Paper key={c.key} withBorder p="md" component="li" style={{ listStyle: 'none' }}>
                <Title order={2} size="h5">
                  <Anchor component={Link} to={paths.publicCategory.to(c.key)} underline="always">
                    {name}
                  </Anchor>
                </Title>
                <Text size="sm">
                  {t('public.categories.solutions', { count: c.solutions })} ·{' '}
                  {t('public.categories.communes', { count: c.communes })}
                </Text>
              </Paper>
            );
          })}
      </SimpleGrid>
    </Stack>
  );
}
