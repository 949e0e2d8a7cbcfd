import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { MAX_COMPARED } from '../../../domain/catalogue/shortlists.ts';
import type { Solution } from '../../../domain/catalogue/solutions.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useComparison } from './api.ts';
import { comparisonTable, STATUS_COLOURS } from './labels.ts';
import { NewShortlistModal } from './shortlist-modals.tsx';
import { SolutionLogo } from './solution-images.tsx';

/** Two to four solutions side by side, the facts that differ marked. */
export default function ComparePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean).slice(0, MAX_COMPARED);
  const comparison = useComparison(ids);
  const [listing, setListing] = useState(false);
  const me = useMe();
  const canList = me.data?.capabilities.keepShortlists ?? false;
  const solutions = comparison.data ?? [];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('catalogue.compare.title')}
        description={t('catalogue.compare.intro', { max: MAX_COMPARED })}
        above={
          <Anchor component={Link} to={paths.catalogue.to()} size="sm">
            ← {t('catalogue.back')}
          </Anchor>
        }
        actions={
          solutions.length > 0 && canList ? (
            <Button variant="default" onClick={() => setListing(true)}>
              {t('catalogue.selection.shortlist')}
            </Button>
          ) : null
        }
      />
      {ids.length < 2 ? <Text>{t('catalogue.compare.needTwo')}</Text> : null}
      <ErrorAlert error={comparison.error} />
      {comparison.isPending && ids.length >= 2 ? <BlockSkeleton lines={10} /> : null}
      {solutions.length > 0 ? <ComparisonTable solutions={solutions} /> : null}
      <NewShortlistModal opened={listing} onClose={() => setListing(false)} solutionIds={solutions.map((s) => s.id)} />
    </Stack>
  );
}

/** The facts in rows, one column per solution; a row whose values differ is marked. */
function ComparisonTable({ solutions }: { solutions: Solution[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = comparisonTable(t, solutions, language);
  return (
    <Paper withBorder p={0}>
      <Table.ScrollContainer minWidth={260 + 220 * solutions.length}>
        <Table data-testid="comparison" verticalSpacing="xs" highlightOnHover>
          <Table.Caption>{t('catalogue.compare.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={220}>
                {t('catalogue.compare.fact')}
              </Table.Th>
              {solutions.map((s) => (
                <SolutionColumnHeader key={s.id} solution={s} />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} bg={row.differs ? 'var(--mantine-color-yellow-0)' : undefined}>
                <Table.Th scope="row" fw={600}>
                  {row.label}
                  {row.differs ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('catalogue.compare.differs')})
                    </Text>
                  ) : null}
                </Table.Th>
                {row.values.map((value, i) => (
                  <Table.Td key={solutions[i]!.id}>{value}</Table.Td>
                ))}
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row" fw={600}>
                {t('catalogue.facts.summary')}
              </Table.Th>
              {solutions.map((s) => (
                <Table.Td key={s.id}>{s.summary}</Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** A solution's column: its logo and name, its status, and the way to order it when it is listed. */
function SolutionColumnHeader({ solution: s }: { solution: Solution }) {
  const { t } = useTranslation();
  return (
    <Table.Th scope="col">
      <Stack gap={4}>
        <SolutionLogo url={s.logo?.url ?? null} name={s.name} size={40} />
        <Anchor component={Link} to={paths.catalogueSolution.to(s.id)} fw={700}>
          {s.name}
        </Anchor>
        <Group gap={4}>
          <Badge size="sm" color={STATUS_COLOURS[s.status]} variant="light">
            {t(`catalogue.status.${s.status}`)}
          </Badge>
          {s.demo ? (
            <Badge size="sm" color="dark" variant="outline">
              {t('catalogue.demo')}
            </Badge>
          ) : null}
        </Group>
        {s.status === 'listed' && s.lots.length > 0 ? (
          <Button
            component={Link}
            to={`${paths.catalogueSolution.to(s.id)}#order`}
            size="xs"
            aria-label={t('catalogue.order.openNamed', { name: s.name })}
          >
            {t('catalogue.order.open')}
          </Button>
        ) : null}
      </Stack>
    </Table.Th>
  );
}
