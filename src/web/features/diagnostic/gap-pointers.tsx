import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { searchParams } from '../../../domain/catalogue/search.ts';
import type { TargetsView } from '../../../domain/diagnostic/targets.ts';
import { paths } from '../../app/paths.ts';
import { DIMENSION_COLOURS } from './dimension-labels.ts';

/** For each dimension with a gap: the catalogue's solutions and the watch items that may close it. */
export function GapPointers({ view }: { view: TargetsView }) {
  const { t } = useTranslation();
  if (view.pointers.length === 0) return null;
  return (
    <section aria-labelledby="gap-pointers-heading">
      <Title order={4} size="h5" id="gap-pointers-heading" mb={4}>
        {t('diagnostic.targets.pointersTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {view.pointers.map((p) => (
          <Paper
            key={p.dimension}
            withBorder
            p="xs"
            style={{ borderLeft: `4px solid ${DIMENSION_COLOURS[p.dimension]}` }}
          >
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {t(`diagnostic.dimensions.${p.dimension}`)}
              </Text>
              {p.solutions.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('diagnostic.targets.noSolution')}
                </Text>
              ) : (
                <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {p.solutions.map((s) => (
                    <li key={s.id}>
                      <Group gap={4} wrap="nowrap">
                        <Anchor component={Link} to={paths.catalogueSolution.to(s.id)} size="sm">
                          {s.name}
                        </Anchor>
                        <Text size="xs" c="dimmed" truncate>
                          {s.vendor}
                        </Text>
                      </Group>
                    </li>
                  ))}
                </Stack>
              )}
              {p.watch.length > 0 ? (
                <Group gap={4}>
                  <Badge size="xs" variant="light" color="grape">
                    {t('diagnostic.targets.watch')}
                  </Badge>
                  {p.watch.map((w, i) => (
                    <Anchor key={w.id} component={Link} to={paths.watch.to()} size="xs">
                      {w.title}
                      {i < p.watch.length - 1 ? ' ;' : ''}
                    </Anchor>
                  ))}
                </Group>
              ) : null}
              <Anchor
                component={Link}
                size="xs"
                to={`${paths.catalogue.to()}?${searchParams({ dimension: [p.dimension] }).toString()}`}
              >
                {t('diagnostic.targets.catalogueLink', { dimension: t(`diagnostic.dimensions.${p.dimension}`) })}
              </Anchor>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
