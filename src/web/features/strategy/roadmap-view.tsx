import { Group, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonthYear } from '../../../domain/shared/format.ts';
import type { Roadmap } from '../../../domain/strategy/roadmap.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { HORIZON_COLORS, titlesOf } from './labels.ts';

type Row = Roadmap['rows'][number];
/** The years of the roadmap and where a month falls on its width. */
type Scale = { years: number[]; at(month: number): string };

/** "mars 2027 – juin 2028", and the month names of the roadmap in the UI's language. */
function useRoadmapWords() {
  const { t } = useTranslation();
  const language = useLanguage();
  const month = (label: string) => formatMonthYear(label, language, 'long');
  return {
    month,
    horizonName: (key: string) => t(`strategy.horizons.${key}`),
    period: (row: Row) => t('strategy.roadmap.period', { start: month(row.startMonth), end: month(row.endMonth) }),
  };
}

/** The plan over the years: a Gantt chart or a table, with the horizons as a legend. */
export function RoadmapView({ roadmap, state }: { roadmap: Roadmap; state: StrategyState }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'gantt' | 'table'>('gantt');
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <HorizonLegend state={state} />
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as 'gantt' | 'table')}
          data={[
            { value: 'gantt', label: t('strategy.roadmap.gantt') },
            { value: 'table', label: t('strategy.roadmap.table') },
          ]}
          aria-label={t('strategy.roadmap.view')}
        />
      </Group>
      {roadmap.rows.length === 0 ? (
        <Text c="dimmed">{t('strategy.roadmap.empty')}</Text>
      ) : view === 'gantt' ? (
        <Gantt roadmap={roadmap} state={state} />
      ) : (
        <RoadmapTable roadmap={roadmap} state={state} />
      )}
      {roadmap.rows.some((r) => r.endsAfterLegislature) ? (
        <Text size="sm" c="#a84300">
          {t('strategy.roadmap.beyond')}
        </Text>
      ) : null}
    </Stack>
  );
}

function HorizonLegend({ state }: { state: StrategyState }) {
  const { horizonName } = useRoadmapWords();
  return (
    <Group gap="md">
      {state.horizons.map((h) => (
        <Group key={h.key} gap={6}>
          <span
            aria-hidden="true"
            style={{
              width: 14,
              height: 14,
              background: HORIZON_COLORS[h.key],
              borderRadius: 2,
              display: 'inline-block',
            }}
          />
          <Text size="sm">{`${horizonName(h.key)} (${h.startYear}–${h.endYear})`}</Text>
        </Group>
      ))}
    </Group>
  );
}

const TWO_COLUMNS = '260px 1fr';

function Gantt({ roadmap, state }: { roadmap: Roadmap; state: StrategyState }) {
  const { t } = useTranslation();
  const years = Array.from({ length: roadmap.lastYear - roadmap.firstYear + 1 }, (_, i) => roadmap.firstYear + i);
  const scale: Scale = { years, at: (month) => `${(month / (years.length * 12)) * 100}%` };
  return (
    <div data-testid="roadmap-gantt" style={{ overflowX: 'auto' }}>
      <div style={{ minWidth: 760 }}>
        <div style={{ display: 'grid', gridTemplateColumns: TWO_COLUMNS, alignItems: 'end' }} aria-hidden="true">
          <span />
          <div style={{ display: 'grid', gridTemplateColumns: `repeat(${years.length}, 1fr)` }}>
            {years.map((y) => (
              <Text
                key={y}
                size="xs"
                c="dimmed"
                ta="center"
                style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}
              >
                {y}
              </Text>
            ))}
          </div>
        </div>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {roadmap.rows.map((row) => (
            <GanttRow key={row.projectId} row={row} state={state} scale={scale} />
          ))}
        </ul>
        <div aria-hidden="true" style={{ display: 'grid', gridTemplateColumns: TWO_COLUMNS, marginTop: 4 }}>
          <span />
          <div style={{ position: 'relative', height: 16 }}>
            <div
              style={{
                position: 'absolute',
                left: 0,
                width: scale.at((2030 - roadmap.firstYear + 1) * 12),
                borderTop: '2px solid var(--mantine-color-gray-6)',
              }}
            />
            <Text size="xs" c="dimmed" style={{ position: 'absolute', left: 0, top: 2 }}>
              {t('strategy.roadmap.legislature')}
            </Text>
          </div>
        </div>
      </div>
    </div>
  );
}

function GanttRow({ row, state, scale }: { row: Row; state: StrategyState; scale: Scale }) {
  const { horizonName, period } = useRoadmapWords();
  const titles = titlesOf(state);
  return (
    <li style={{ display: 'grid', gridTemplateColumns: TWO_COLUMNS, alignItems: 'center', minHeight: 30 }}>
      <Text size="sm" pr="sm" lineClamp={2}>
        {titles.get(row.projectId) ?? row.projectId}
        <VisuallyHidden>{` — ${horizonName(row.horizon)}, ${period(row)}`}</VisuallyHidden>
      </Text>
      <div
        aria-hidden="true"
        style={{
          position: 'relative',
          height: 30,
          backgroundImage: `repeating-linear-gradient(to right, var(--mantine-color-gray-3) 0 1px, transparent 1px ${100 / scale.years.length}%)`,
        }}
      >
        <div
          title={`${titles.get(row.projectId)} — ${period(row)}`}
          style={{
            position: 'absolute',
            top: 6,
            height: 18,
            left: scale.at(row.start),
            width: `calc(${scale.at(row.end - row.start)} - 2px)`,
            background: HORIZON_COLORS[row.horizon],
            borderRadius: 3,
            opacity: row.startsAfterHorizon ? 0.6 : 1,
          }}
        />
      </div>
    </li>
  );
}

function RoadmapTable({ roadmap, state }: { roadmap: Roadmap; state: StrategyState }) {
  const { t } = useTranslation();
  const { month, horizonName } = useRoadmapWords();
  const titles = titlesOf(state);
  return (
    <Table striped data-testid="roadmap-table">
      <Table.Caption>{t('strategy.roadmap.tableCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('strategy.ranking.project')}</Table.Th>
          <Table.Th scope="col">{t('strategy.roadmap.horizon')}</Table.Th>
          <Table.Th scope="col">{t('strategy.roadmap.start')}</Table.Th>
          <Table.Th scope="col">{t('strategy.roadmap.end')}</Table.Th>
          <Table.Th scope="col">{t('strategy.roadmap.notes')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {roadmap.rows.map((row) => (
          <Table.Tr key={row.projectId}>
            <Table.Td>{titles.get(row.projectId) ?? row.projectId}</Table.Td>
            <Table.Td>{horizonName(row.horizon)}</Table.Td>
            <Table.Td>{month(row.startMonth)}</Table.Td>
            <Table.Td>{month(row.endMonth)}</Table.Td>
            <Table.Td>
              {[
                row.startsAfterHorizon ? t('strategy.roadmap.startsLate') : null,
                row.endsAfterLegislature ? t('strategy.roadmap.endsLate') : null,
              ]
                .filter(Boolean)
                .join(' ; ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
