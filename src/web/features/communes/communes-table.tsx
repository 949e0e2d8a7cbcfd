import { Anchor, Badge, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommuneSummary } from '../../../domain/communes/commune.ts';
import { ARRONDISSEMENTS } from '../../../domain/communes/facts.ts';
import { formatDate, formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { SortableHeader } from '../../components/sortable-header.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import {
  type CommuneSort,
  type CommuneSortKey,
  filterCommunes,
  nextSort,
  sortCommunes,
  totalsOf,
} from './communes-table-model.ts';

type Props = {
  communes: CommuneSummary[];
  includeHistorical: boolean;
  onIncludeHistoricalChange(value: boolean): void;
};

/** The communes as a table: the keyboard and screen-reader way through the map's data. */
export function CommunesTable({ communes, includeHistorical, onIncludeHistoricalChange }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<CommuneSort>({ key: 'name', direction: 'ascending' });
  const [name, setName] = useState('');
  const [arrondissement, setArrondissement] = useState<string | null>(null);

  const byNis = useMemo(() => new Map(communes.map((c) => [c.nisCode, c])), [communes]);
  const rows = useMemo(
    () => sortCommunes(filterCommunes(communes, { name, arrondissement }), sort),
    [communes, name, arrondissement, sort],
  );

  const header = (key: CommuneSortKey, label: string, align: 'left' | 'right' = 'left') => (
    <SortableHeader
      active={sort.key === key}
      direction={sort.direction}
      onSort={() => setSort((current) => nextSort(current, key))}
      align={align}
    >
      {label}
    </SortableHeader>
  );

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label={t('communes.filterName')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          w={240}
          type="search"
        />
        <Select
          label={t('communes.arrondissement')}
          placeholder={t('communes.allArrondissements')}
          data={ARRONDISSEMENTS.map((a) => ({ value: a, label: a }))}
          value={arrondissement}
          onChange={setArrondissement}
          clearable
          w={240}
        />
        <Switch
          label={t('communes.includeMerged')}
          checked={includeHistorical}
          onChange={(event) => onIncludeHistoricalChange(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <CommunesTotals communes={communes} rows={rows} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('communes.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {header('name', t('communes.name'))}
              {header('arrondissement', t('communes.arrondissement'))}
              {header('population', t('communes.population'), 'right')}
              {header('areaKm2', t('communes.area'), 'right')}
              {header('densityPerKm2', t('communes.density'), 'right')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <CommuneRow key={c.nisCode} commune={c} successor={c.mergedInto ? byNis.get(c.mergedInto) : undefined} />
            ))}
            {rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={5}>{t('communes.noMatch')}</Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The province's totals, or those of the communes the filters keep. */
function CommunesTotals({ communes, rows }: { communes: CommuneSummary[]; rows: CommuneSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const all = totalsOf(communes);
  const shown = totalsOf(rows);
  const filtered = rows.length !== communes.length;
  return (
    <Text aria-live="polite" data-testid="communes-totals">
      {filtered
        ? t('communes.totalsFiltered', {
            shown: rows.length,
            count: all.communes,
            population: formatNumber(shown.population, language),
          })
        : t('communes.totals', {
            count: all.communes,
            population: formatNumber(all.population, language),
            area: formatNumber(all.areaKm2, language),
          })}
    </Text>
  );
}

function CommuneRow({ commune: c, successor }: { commune: CommuneSummary; successor: CommuneSummary | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.Tr data-nis={c.nisCode}>
      <Table.Td>
        <Anchor component={Link} to={paths.commune.to(c.nisCode)} fw={500}>
          {c.name}
        </Anchor>
        {c.mergedInto && c.mergedOn ? (
          <Badge ml="xs" variant="light" color="gray" tt="none" fw={500}>
            {t('communes.mergedInto', {
              name: successor?.name ?? c.mergedInto,
              date: formatDate(c.mergedOn, language),
            })}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>{c.arrondissement}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {c.population === null ? '—' : formatNumber(c.population, language)}
        {c.populationYear ? ' ' : null}
        {c.populationYear ? (
          <Text span c="dimmed" size="xs">
            ({c.populationYear})
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td ta="right">{c.areaKm2 === null ? '—' : formatNumber(c.areaKm2, language, 2)}</Table.Td>
      <Table.Td ta="right">{c.densityPerKm2 === null ? '—' : formatNumber(c.densityPerKm2, language, 1)}</Table.Td>
    </Table.Tr>
  );
}
