import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  FileInput,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BudgetLine,
  DOCUMENT_MIME_TYPES,
  FUNDING_KINDS,
  type FundingLine,
  LEVELS,
  MAX_DOCUMENT_BYTES,
  type Risk,
} from '../../../domain/implementation/follow-up.ts';
import type { ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';
import { COST_DRIFT_THRESHOLD, START_DRIFT_MONTHS } from '../../../domain/implementation/plan-baseline.ts';
import { formatDate, formatNumber } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import {
  documentUrl,
  useAddDocument,
  useAddIndicator,
  useAddMeasurement,
  useAddMilestone,
  useDeleteDocument,
  useDeleteIndicator,
  useDeleteMeasurement,
  useDeleteMilestone,
  useUpdateFollowUp,
  useUpdateIndicator,
  useUpdateMeasurement,
  useUpdateMilestone,
} from './api.ts';
import { euros } from './labels.tsx';
import { formatMonth, PlanAgainstActualView } from './plan-against-actual.tsx';

const IndicatorChart = lazy(() => import('./indicator-chart.tsx'));

const Section = (props: { id: string; title: string; children: React.ReactNode; help?: string }) => (
  <Paper withBorder p="md" component="section" aria-labelledby={props.id}>
    <Title order={2} size="h4" id={props.id} mb="xs">
      {props.title}
    </Title>
    {props.help ? (
      <Text size="sm" c="dimmed" mb="sm">
        {props.help}
      </Text>
    ) : null}
    {props.children}
  </Paper>
);

const editable = (state: ProjectFollowUp) => state.permissions.edit && state.started;

// ── milestones ───────────────────────────────────────────────────────────────────────────────────────────────
export function MilestonesSection({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const add = useAddMilestone(state.id);
  const update = useUpdateMilestone(state.id);
  const remove = useDeleteMilestone(state.id);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [owner, setOwner] = useState('');
  const [editing, setEditing] = useState<ProjectFollowUp['milestones'][number] | null>(null);
  return (
    <Section id="milestones-heading" title={t('implementation.milestones.title')}>
      {editing ? <MilestoneEditor state={state} milestone={editing} onClose={() => setEditing(null)} /> : null}
      {state.milestones.length === 0 ? (
        <Text size="sm">{t('implementation.milestones.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} className="stack-on-phone">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('implementation.milestones.name')}</Table.Th>
                <Table.Th scope="col">{t('implementation.milestones.dueDate')}</Table.Th>
                <Table.Th scope="col">{t('implementation.milestones.owner')}</Table.Th>
                <Table.Th scope="col">{t('implementation.milestones.state')}</Table.Th>
                {editable(state) ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {state.milestones.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td fw={{ base: 600, sm: 400 }}>{m.title}</Table.Td>
                  <Table.Td data-label={t('implementation.milestones.dueDate')}>
                    {formatDate(m.dueDate, language)}
                  </Table.Td>
                  <Table.Td data-label={t('implementation.milestones.owner')}>{m.owner ?? '—'}</Table.Td>
                  <Table.Td data-label={t('implementation.milestones.state')}>
                    {m.doneDate ? (
                      <Badge color="green" variant="light">
                        {t('implementation.milestones.done', { date: formatDate(m.doneDate, language) })}
                      </Badge>
                    ) : m.late ? (
                      <Badge color="red.9" variant="filled">
                        {t('implementation.milestones.late')}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('implementation.milestones.upcoming')}
                      </Badge>
                    )}
                  </Table.Td>
                  {editable(state) ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" className="wrap-on-phone">
                        {!m.doneDate ? (
                          <Button
                            size="compact-sm"
                            variant="light"
                            aria-label={t('implementation.milestones.markDoneOf', { title: m.title })}
                            onClick={() =>
                              update.mutate({
                                id: m.id,
                                title: m.title,
                                dueDate: m.dueDate,
                                owner: m.owner,
                                doneDate: state.today,
                              })
                            }
                          >
                            {t('implementation.milestones.markDone')}
                          </Button>
                        ) : null}
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={t('implementation.milestones.editOf', { title: m.title })}
                          onClick={() => setEditing(m)}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={t('implementation.milestones.deleteOf', { title: m.title })}
                          onClick={() => remove.mutate(m.id)}
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ErrorAlert error={add.error ?? update.error ?? remove.error} />
      {editable(state) ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(
              { title, dueDate, owner: owner.trim() || null, doneDate: null },
              {
                onSuccess: () => {
                  setTitle('');
                  setDueDate('');
                  setOwner('');
                  notify(t('implementation.milestones.added'));
                },
              },
            );
          }}
        >
          <Group align="flex-end" gap="xs" mt="sm">
            <TextInput
              label={t('implementation.milestones.name')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
            />
            <DateField label={t('implementation.milestones.dueDate')} value={dueDate} onChange={setDueDate} required />
            <TextInput
              label={t('implementation.milestones.owner')}
              value={owner}
              onChange={(e) => setOwner(e.currentTarget.value)}
            />
            <Button type="submit" loading={add.isPending}>
              {t('implementation.milestones.add')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Section>
  );
}

/** Change a milestone's title, due date and owner (its done date is kept; "mark met" sets it). */
function MilestoneEditor(props: {
  state: ProjectFollowUp;
  milestone: ProjectFollowUp['milestones'][number];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateMilestone(props.state.id);
  const [form, setForm] = useState({
    title: props.milestone.title,
    dueDate: props.milestone.dueDate,
    owner: props.milestone.owner ?? '',
  });
  return (
    <AppModal opened onClose={props.onClose} title={t('implementation.milestones.edit')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(
            {
              id: props.milestone.id,
              title: form.title,
              dueDate: form.dueDate,
              owner: form.owner.trim() || null,
              doneDate: props.milestone.doneDate,
            },
            {
              onSuccess: () => {
                notify(t('implementation.milestones.saved'));
                props.onClose();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('implementation.milestones.name')}
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            required
            data-autofocus
          />
          <DateField
            label={t('implementation.milestones.dueDate')}
            value={form.dueDate}
            onChange={(dueDate) => setForm({ ...form, dueDate })}
            required
          />
          <TextInput
            label={t('implementation.milestones.owner')}
            value={form.owner}
            onChange={(e) => setForm({ ...form, owner: e.currentTarget.value })}
          />
          <ErrorAlert error={update.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

// ── budget, funding, risks ───────────────────────────────────────────────────────────────────────────────────
export function BudgetSection({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = useUpdateFollowUp(state.id);
  const [line, setLine] = useState<{
    year: number | string;
    planned: number | string;
    committed: number | string;
    spent: number | string;
  }>({
    year: Number(state.today.slice(0, 4)),
    planned: '',
    committed: '',
    spent: '',
  });
  const [funding, setFunding] = useState<{ kind: string; label: string; amount: number | string; secured: boolean }>({
    kind: 'own',
    label: '',
    amount: '',
    secured: false,
  });
  const [risk, setRisk] = useState({ description: '', likelihood: 'medium', impact: 'medium', mitigation: '' });
  const saveBudget = (budget: BudgetLine[]) => update.mutate({ budget });
  const saveFunding = (list: FundingLine[]) => update.mutate({ funding: list });
  const saveRisks = (list: Risk[]) => update.mutate({ risks: list });
  const over = (l: BudgetLine) => Math.max(l.committed, l.spent) > l.planned;
  return (
    <Section id="budget-heading" title={t('implementation.budget.title')} help={t('implementation.budget.help')}>
      {state.baseline ? (
        <Text size="sm" mb="xs" data-testid="plan-baseline">
          {t('implementation.planActual.baseline', {
            horizon: t(`strategy.horizons.${state.baseline.horizon}`),
            from: formatMonth(state.baseline.startMonth),
            to: formatMonth(state.baseline.endMonth),
            investment: euros(state.baseline.investment, language),
            funding: euros(state.baseline.funding, language),
            ownShare: euros(state.baseline.ownShare, language),
          })}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={560} className="stack-on-phone">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('implementation.budget.year')}</Table.Th>
              <Table.Th scope="col">{t('implementation.budget.planned')}</Table.Th>
              <Table.Th scope="col">{t('implementation.budget.committed')}</Table.Th>
              <Table.Th scope="col">{t('implementation.budget.spent')}</Table.Th>
              {editable(state) ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.budget.map((l) => (
              <Table.Tr key={l.year}>
                <Table.Td fw={{ base: 600, sm: 400 }}>{l.year}</Table.Td>
                <Table.Td data-label={t('implementation.budget.planned')}>{euros(l.planned, language)}</Table.Td>
                <Table.Td
                  data-label={t('implementation.budget.committed')}
                  c={l.committed > l.planned ? 'red.9' : undefined}
                >
                  {euros(l.committed, language)}
                </Table.Td>
                <Table.Td data-label={t('implementation.budget.spent')} c={l.spent > l.planned ? 'red.9' : undefined}>
                  {euros(l.spent, language)}
                  {over(l) ? (
                    <Badge ml="xs" color="red.9" size="sm">
                      {t('implementation.budget.over')}
                    </Badge>
                  ) : null}
                </Table.Td>
                {editable(state) ? (
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      aria-label={t('implementation.budget.deleteYear', { year: l.year })}
                      onClick={() => saveBudget(state.budget.filter((b) => b.year !== l.year))}
                    >
                      {t('common.delete')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>{t('implementation.budget.total')}</Table.Td>
              <Table.Td data-label={t('implementation.budget.planned')}>
                {euros(state.budgetTotals.planned, language)}
              </Table.Td>
              <Table.Td data-label={t('implementation.budget.committed')}>
                {euros(state.budgetTotals.committed, language)}
              </Table.Td>
              <Table.Td data-label={t('implementation.budget.spent')}>
                {euros(state.budgetTotals.spent, language)}
              </Table.Td>
              {editable(state) ? <Table.Td /> : null}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editable(state) ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const entry = {
              year: Number(line.year),
              planned: Number(line.planned || 0),
              committed: Number(line.committed || 0),
              spent: Number(line.spent || 0),
            };
            saveBudget([...state.budget.filter((b) => b.year !== entry.year), entry]);
          }}
        >
          <Group align="flex-end" gap="xs" mt="sm">
            <NumberInput
              label={t('implementation.budget.year')}
              value={line.year}
              onChange={(v) => setLine({ ...line, year: v })}
              min={2000}
              max={2100}
              w={110}
              required
            />
            <NumberInput
              label={t('implementation.budget.planned')}
              value={line.planned}
              onChange={(v) => setLine({ ...line, planned: v })}
              min={0}
              thousandSeparator=" "
              w={150}
            />
            <NumberInput
              label={t('implementation.budget.committed')}
              value={line.committed}
              onChange={(v) => setLine({ ...line, committed: v })}
              min={0}
              thousandSeparator=" "
              w={150}
            />
            <NumberInput
              label={t('implementation.budget.spent')}
              value={line.spent}
              onChange={(v) => setLine({ ...line, spent: v })}
              min={0}
              thousandSeparator=" "
              w={150}
            />
            <Button type="submit" variant="default" loading={update.isPending}>
              {t('implementation.budget.saveYear')}
            </Button>
          </Group>
        </form>
      ) : null}
      <ErrorAlert error={update.error} />
      {state.planAgainstActual ? (
        <Box mt="md">
          <PlanAgainstActualView
            data={{
              thresholds: { cost: COST_DRIFT_THRESHOLD, startMonths: START_DRIFT_MONTHS },
              years: state.planAgainstActual.years,
              projects: [state.planAgainstActual],
              totals: {
                planned: state.planAgainstActual.planned,
                committed: state.planAgainstActual.committed,
                spent: state.planAgainstActual.spent,
              },
            }}
          />
        </Box>
      ) : null}

      <Grid gap="lg" mt="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Title order={3} size="h5" mb="xs">
            {t('implementation.funding.title')}
          </Title>
          {state.funding.length === 0 ? <Text size="sm">{t('implementation.funding.empty')}</Text> : null}
          <Stack gap={4}>
            {state.funding.map((f, i) => (
              <RemovableLine
                key={JSON.stringify(f)}
                onRemove={editable(state) ? () => saveFunding(state.funding.filter((_, j) => j !== i)) : undefined}
              >
                {t(`implementation.funding.kinds.${f.kind}`)}
                {f.label ? ` — ${f.label}` : ''} : {euros(f.amount, language)}{' '}
                <Badge size="xs" variant="light" color={f.secured ? 'green' : 'gray'}>
                  {t(f.secured ? 'implementation.funding.secured' : 'implementation.funding.requested')}
                </Badge>
              </RemovableLine>
            ))}
          </Stack>
          {editable(state) ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                saveFunding([
                  ...state.funding,
                  {
                    kind: funding.kind as FundingLine['kind'],
                    label: funding.label.trim() || null,
                    amount: Number(funding.amount || 0),
                    secured: funding.secured,
                  },
                ]);
                setFunding({ kind: 'own', label: '', amount: '', secured: false });
              }}
            >
              <Group align="flex-end" gap="xs" mt="xs">
                <Select
                  label={t('implementation.funding.kind')}
                  data={FUNDING_KINDS.map((k) => ({ value: k, label: t(`implementation.funding.kinds.${k}`) }))}
                  value={funding.kind}
                  onChange={(v) => setFunding({ ...funding, kind: v ?? 'own' })}
                  allowDeselect={false}
                  w={170}
                />
                <TextInput
                  label={t('implementation.funding.label')}
                  value={funding.label}
                  onChange={(e) => setFunding({ ...funding, label: e.currentTarget.value })}
                  w={170}
                />
                <NumberInput
                  label={t('implementation.funding.amount')}
                  value={funding.amount}
                  onChange={(v) => setFunding({ ...funding, amount: v })}
                  min={0}
                  thousandSeparator=" "
                  w={130}
                  required
                />
                <Checkbox
                  label={t('implementation.funding.secured')}
                  checked={funding.secured}
                  onChange={(e) => setFunding({ ...funding, secured: e.currentTarget.checked })}
                  mb={8}
                />
                <Button type="submit" variant="default">
                  {t('implementation.funding.add')}
                </Button>
              </Group>
            </form>
          ) : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Title order={3} size="h5" mb="xs">
            {t('implementation.risks.title')}
          </Title>
          {state.risks.length === 0 ? <Text size="sm">{t('implementation.risks.empty')}</Text> : null}
          <Stack gap={4}>
            {state.risks.map((r, i) => (
              <RemovableLine
                key={JSON.stringify(r)}
                onRemove={editable(state) ? () => saveRisks(state.risks.filter((_, j) => j !== i)) : undefined}
              >
                {r.description} ({t('implementation.risks.likelihood')} :{' '}
                {t(`implementation.likelihoodLevels.${r.likelihood}`)}, {t('implementation.risks.impact')} :{' '}
                {t(`implementation.levels.${r.impact}`)}){r.mitigation ? ` — ${r.mitigation}` : ''}
              </RemovableLine>
            ))}
          </Stack>
          {editable(state) ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                saveRisks([
                  ...state.risks,
                  {
                    description: risk.description,
                    likelihood: risk.likelihood as Risk['likelihood'],
                    impact: risk.impact as Risk['impact'],
                    mitigation: risk.mitigation.trim() || null,
                  },
                ]);
                setRisk({ description: '', likelihood: 'medium', impact: 'medium', mitigation: '' });
              }}
            >
              <Stack gap="xs" mt="xs">
                <TextInput
                  label={t('implementation.risks.description')}
                  value={risk.description}
                  onChange={(e) => setRisk({ ...risk, description: e.currentTarget.value })}
                  required
                />
                <Group gap="xs" align="flex-end">
                  {(['likelihood', 'impact'] as const).map((k) => (
                    <Select
                      key={k}
                      label={t(`implementation.risks.${k}`)}
                      data={LEVELS.map((l) => ({
                        value: l,
                        // « Probabilité : moyenne », « Impact : moyen »: the word agrees with its noun.
                        label: t(
                          k === 'likelihood' ? `implementation.likelihoodLevels.${l}` : `implementation.levels.${l}`,
                        ),
                      }))}
                      value={risk[k]}
                      onChange={(v) => setRisk({ ...risk, [k]: v ?? 'medium' })}
                      allowDeselect={false}
                      w={130}
                    />
                  ))}
                  <TextInput
                    label={t('implementation.risks.mitigation')}
                    value={risk.mitigation}
                    onChange={(e) => setRisk({ ...risk, mitigation: e.currentTarget.value })}
                  />
                  <Button type="submit" variant="default">
                    {t('implementation.risks.add')}
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : null}
        </Grid.Col>
      </Grid>
    </Section>
  );
}

// ── indicators ───────────────────────────────────────────────────────────────────────────────────────────────
export function IndicatorsSection({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const add = useAddIndicator(state.id);
  const measure = useAddMeasurement(state.id);
  const [form, setForm] = useState<{ name: string; unit: string; baseline: number | string; target: number | string }>({
    name: '',
    unit: '',
    baseline: '',
    target: '',
  });
  const [measurement, setMeasurement] = useState<Record<string, { date: string; value: number | string }>>({});
  const removeIndicator = useDeleteIndicator(state.id);
  const removeMeasurement = useDeleteMeasurement(state.id);
  const [editingIndicator, setEditingIndicator] = useState<ProjectFollowUp['indicators'][number] | null>(null);
  const [editingMeasurement, setEditingMeasurement] = useState<{
    indicator: ProjectFollowUp['indicators'][number];
    measurement: ProjectFollowUp['indicators'][number]['measurements'][number];
  } | null>(null);
  return (
    <Section id="indicators-heading" title={t('implementation.indicators.title')}>
      {editingIndicator ? (
        <IndicatorEditor state={state} indicator={editingIndicator} onClose={() => setEditingIndicator(null)} />
      ) : null}
      {editingMeasurement ? (
        <MeasurementEditor state={state} {...editingMeasurement} onClose={() => setEditingMeasurement(null)} />
      ) : null}
      {state.indicators.length === 0 ? <Text size="sm">{t('implementation.indicators.empty')}</Text> : null}
      <Stack gap="md">
        {state.indicators.map((i) => {
          const m = measurement[i.id] ?? { date: state.today, value: '' };
          const last = i.measurements.at(-1);
          return (
            <Paper key={i.id} withBorder p="sm">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{i.name}</Text>
                {editable(state) ? (
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={t('implementation.indicators.editOf', { name: i.name })}
                      onClick={() => setEditingIndicator(i)}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      aria-label={t('implementation.indicators.deleteOf', { name: i.name })}
                      onClick={() => {
                        if (window.confirm(t('implementation.indicators.confirmDelete', { name: i.name })))
                          removeIndicator.mutate(i.id);
                      }}
                    >
                      {t('common.delete')}
                    </Button>
                  </Group>
                ) : null}
              </Group>
              <Text size="sm">
                {t('implementation.indicators.summary', {
                  baseline: formatNumber(i.baseline, language, 2),
                  target: formatNumber(i.target, language, 2),
                  unit: i.unit,
                  last: last ? `${formatNumber(last.value, language, 2)} (${formatDate(last.date, language)})` : '—',
                })}
              </Text>
              {i.measurements.length > 0 ? (
                <Suspense fallback={<Skeleton height={220} />}>
                  <IndicatorChart
                    indicator={i}
                    label={t('implementation.indicators.chartLabel', { name: i.name })}
                    baselineLabel={t('implementation.indicators.baseline')}
                    targetLabel={t('implementation.indicators.target')}
                  />
                </Suspense>
              ) : null}
              {editable(state) && i.measurements.length > 0 ? (
                <Table.ScrollContainer minWidth={360}>
                  <Table mt="xs" aria-label={t('implementation.indicators.measurementsOf', { name: i.name })}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('implementation.indicators.date')}</Table.Th>
                        <Table.Th scope="col">{t('implementation.indicators.value')}</Table.Th>
                        <Table.Th scope="col">{t('common.actions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {i.measurements.map((x) => {
                        const label = {
                          name: i.name,
                          date: formatDate(x.date, language),
                          value: `${formatNumber(x.value, language, 2)} ${i.unit}`,
                        };
                        return (
                          <Table.Tr key={x.id}>
                            <Table.Td>{formatDate(x.date, language)}</Table.Td>
                            <Table.Td>{label.value}</Table.Td>
                            <Table.Td>
                              <Group gap="xs" wrap="nowrap">
                                <Button
                                  size="compact-sm"
                                  variant="default"
                                  aria-label={t('implementation.indicators.editMeasurementOf', label)}
                                  onClick={() => setEditingMeasurement({ indicator: i, measurement: x })}
                                >
                                  {t('common.edit')}
                                </Button>
                                <Button
                                  size="compact-sm"
                                  variant="subtle"
                                  color="red"
                                  aria-label={t('implementation.indicators.deleteMeasurementOf', label)}
                                  onClick={() => removeMeasurement.mutate(x.id)}
                                >
                                  {t('common.delete')}
                                </Button>
                              </Group>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : null}
              {editable(state) ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    measure.mutate({ indicatorId: i.id, date: m.date, value: Number(m.value) });
                  }}
                >
                  <Group align="flex-end" gap="xs" mt="xs">
                    <DateField
                      label={t('implementation.indicators.date')}
                      value={m.date}
                      onChange={(date) => setMeasurement({ ...measurement, [i.id]: { ...m, date } })}
                      required
                    />
                    <NumberInput
                      label={t('implementation.indicators.valueOf', { name: i.name })}
                      value={m.value}
                      onChange={(v) => setMeasurement({ ...measurement, [i.id]: { ...m, value: v } })}
                      required
                      w={200}
                    />
                    <Button type="submit" variant="default" loading={measure.isPending}>
                      {t('implementation.indicators.addMeasurement')}
                    </Button>
                  </Group>
                </form>
              ) : null}
            </Paper>
          );
        })}
      </Stack>
      <ErrorAlert error={add.error ?? measure.error ?? removeIndicator.error ?? removeMeasurement.error} />
      {editable(state) ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(
              { name: form.name, unit: form.unit, baseline: Number(form.baseline), target: Number(form.target) },
              { onSuccess: () => setForm({ name: '', unit: '', baseline: '', target: '' }) },
            );
          }}
        >
          <Group align="flex-end" gap="xs" mt="sm">
            <TextInput
              label={t('implementation.indicators.name')}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              required
            />
            <TextInput
              label={t('implementation.indicators.unit')}
              value={form.unit}
              onChange={(e) => setForm({ ...form, unit: e.currentTarget.value })}
              required
              w={110}
            />
            <NumberInput
              label={t('implementation.indicators.baseline')}
              value={form.baseline}
              onChange={(v) => setForm({ ...form, baseline: v })}
              required
              w={120}
            />
            <NumberInput
              label={t('implementation.indicators.target')}
              value={form.target}
              onChange={(v) => setForm({ ...form, target: v })}
              required
              w={120}
            />
            <Button type="submit" variant="default" loading={add.isPending}>
              {t('implementation.indicators.add')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Section>
  );
}

function IndicatorEditor(props: {
  state: ProjectFollowUp;
  indicator: ProjectFollowUp['indicators'][number];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateIndicator(props.state.id);
  const { name, unit, baseline, target } = props.indicator;
  const [form, setForm] = useState<{ name: string; unit: string; baseline: number | string; target: number | string }>({
    name,
    unit,
    baseline,
    target,
  });
  return (
    <AppModal opened onClose={props.onClose} title={t('implementation.indicators.edit')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(
            {
              id: props.indicator.id,
              name: form.name,
              unit: form.unit,
              baseline: Number(form.baseline),
              target: Number(form.target),
            },
            {
              onSuccess: () => {
                notify(t('implementation.indicators.saved'));
                props.onClose();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('implementation.indicators.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            required
            data-autofocus
          />
          <TextInput
            label={t('implementation.indicators.unit')}
            value={form.unit}
            onChange={(e) => setForm({ ...form, unit: e.currentTarget.value })}
            required
          />
          <NumberInput
            label={t('implementation.indicators.baseline')}
            value={form.baseline}
            onChange={(v) => setForm({ ...form, baseline: v })}
            required
          />
          <NumberInput
            label={t('implementation.indicators.target')}
            value={form.target}
            onChange={(v) => setForm({ ...form, target: v })}
            required
          />
          <ErrorAlert error={update.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function MeasurementEditor(props: {
  state: ProjectFollowUp;
  indicator: ProjectFollowUp['indicators'][number];
  measurement: ProjectFollowUp['indicators'][number]['measurements'][number];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateMeasurement(props.state.id);
  const [form, setForm] = useState<{ date: string; value: number | string }>({
    date: props.measurement.date,
    value: props.measurement.value,
  });
  return (
    <AppModal
      opened
      onClose={props.onClose}
      title={t('implementation.indicators.editMeasurement', { name: props.indicator.name })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(
            { id: props.measurement.id, date: form.date, value: Number(form.value) },
            {
              onSuccess: () => {
                notify(t('implementation.indicators.measurementSaved'));
                props.onClose();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <DateField
            label={t('implementation.indicators.date')}
            value={form.date}
            onChange={(date) => setForm({ ...form, date })}
            required
            data-autofocus
          />
          <NumberInput
            label={t('implementation.indicators.valueOf', { name: props.indicator.name })}
            value={form.value}
            onChange={(v) => setForm({ ...form, value: v })}
            required
          />
          <ErrorAlert error={update.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

// ── documents ────────────────────────────────────────────────────────────────────────────────────────────────
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function DocumentsSection({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const add = useAddDocument(state.id);
  const remove = useDeleteDocument(state.id);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  return (
    <Section
      id="documents-heading"
      title={t('implementation.documents.title')}
      help={t('implementation.documents.help')}
    >
      {state.documents.length === 0 ? <Text size="sm">{t('implementation.documents.empty')}</Text> : null}
      <Stack gap={4}>
        {state.documents.map((d) => (
          <Group key={d.id} gap="xs" justify="space-between">
            <Text size="sm">
              <Anchor
                href={d.kind === 'link' ? (d.url ?? '#') : documentUrl(d.id)}
                target={d.kind === 'link' ? '_blank' : undefined}
                rel="noopener noreferrer"
              >
                {d.name}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {d.kind === 'file'
                  ? t('implementation.documents.fileInfo', {
                      size: formatNumber((d.sizeBytes ?? 0) / 1024, language, 0),
                      date: formatDate(d.createdAt, language),
                    })
                  : t('implementation.documents.linkInfo', { date: formatDate(d.createdAt, language) })}
              </Text>
            </Text>
            {editable(state) ? (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('implementation.documents.deleteOf', { name: d.name })}
                onClick={() => remove.mutate(d.id)}
              >
                ×
              </ActionIcon>
            ) : null}
          </Group>
        ))}
      </Stack>
      <ErrorAlert error={add.error ?? remove.error} />
      {tooBig ? (
        <Text c="red.9" size="sm">
          {t('implementation.documents.tooBig')}
        </Text>
      ) : null}
      {editable(state) ? (
        <Grid gap="md" mt="sm">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                add.mutate(
                  { kind: 'link', name, url },
                  {
                    onSuccess: () => {
                      setName('');
                      setUrl('');
                    },
                  },
                );
              }}
            >
              <Group align="flex-end" gap="xs">
                <TextInput
                  label={t('implementation.documents.name')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  required
                />
                <TextInput
                  label={t('implementation.documents.url')}
                  type="url"
                  value={url}
                  onChange={(e) => setUrl(e.currentTarget.value)}
                  required
                />
                <Button type="submit" variant="default">
                  {t('implementation.documents.addLink')}
                </Button>
              </Group>
            </form>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Group align="flex-end" gap="xs">
              <FileInput
                label={t('implementation.documents.file')}
                value={file}
                onChange={(f) => {
                  setFile(f);
                  setTooBig(Boolean(f && f.size > MAX_DOCUMENT_BYTES));
                }}
                accept={DOCUMENT_MIME_TYPES.join(',')}
                clearable
                w={240}
              />
              <Button
                variant="default"
                disabled={!file || tooBig}
                loading={add.isPending}
                onClick={async () => {
                  if (!file) return;
                  const contentBase64 = await readBase64(file);
                  add.mutate(
                    {
                      kind: 'file',
                      name: file.name,
                      mimeType: file.type as (typeof DOCUMENT_MIME_TYPES)[number],
                      contentBase64,
                    },
                    { onSuccess: () => setFile(null) },
                  );
                }}
              >
                {t('implementation.documents.upload')}
              </Button>
            </Group>
          </Grid.Col>
        </Grid>
      ) : null}
    </Section>
  );
}

/** One line of a small list kept on the follow-up (a funding source, a risk), with its delete button when editable. */
function RemovableLine(props: { children: ReactNode; onRemove?: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
      <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
        {props.children}
      </Text>
      {props.onRemove ? (
        // Never shrunk: a long line wraps instead of clipping the button to « Supp ».
        <Button size="compact-xs" variant="subtle" color="red" onClick={props.onRemove} style={{ flexShrink: 0 }}>
          {t('common.delete')}
        </Button>
      ) : null}
    </Group>
  );
}
