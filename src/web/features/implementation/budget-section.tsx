import { Badge, Box, Button, Grid, NumberInput, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BudgetLine } from '../../../domain/implementation/follow-up.ts';
import type { ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';
import { COST_DRIFT_THRESHOLD, START_DRIFT_MONTHS } from '../../../domain/implementation/plan-baseline.ts';
import { InlineAddForm } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { Language } from '../../i18n/i18n.ts';
import { numberOf, useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useUpdateFollowUp } from './api.ts';
import { editable, requiredNumber, Section } from './follow-up-section.tsx';
import { FundingList, RiskList } from './funding-risks.tsx';
import { euros } from './labels.tsx';
import { formatMonth, PlanAgainstActualView } from './plan-against-actual.tsx';

type Line = ProjectFollowUp['budget'][number];

function BudgetRow(props: { line: Line; language: Language; onRemove?: () => void }) {
  const { t } = useTranslation();
  const { line: l, language } = props;
  return (
    <Table.Tr>
      <Table.Td fw={{ base: 600, sm: 400 }}>{l.year}</Table.Td>
      <Table.Td data-label={t('implementation.budget.planned')}>{euros(l.planned, language)}</Table.Td>
      <Table.Td data-label={t('implementation.budget.committed')} c={l.committed > l.planned ? 'red.9' : undefined}>
        {euros(l.committed, language)}
      </Table.Td>
      <Table.Td data-label={t('implementation.budget.spent')} c={l.spent > l.planned ? 'red.9' : undefined}>
        {euros(l.spent, language)}
        {Math.max(l.committed, l.spent) > l.planned ? (
          <Badge ml="xs" color="red.9" size="sm">
            {t('implementation.budget.over')}
          </Badge>
        ) : null}
      </Table.Td>
      {props.onRemove ? (
        <Table.Td>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            aria-label={t('implementation.budget.deleteYear', { year: l.year })}
            onClick={props.onRemove}
          >
            {t('common.delete')}
          </Button>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

function BudgetTable(props: { state: ProjectFollowUp; onSave: (budget: Line[]) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state } = props;
  const totals = state.budgetTotals;
  return (
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
            <BudgetRow
              key={l.year}
              line={l}
              language={language}
              onRemove={editable(state) ? () => props.onSave(state.budget.filter((b) => b.year !== l.year)) : undefined}
            />
          ))}
          <Table.Tr fw={700}>
            <Table.Td>{t('implementation.budget.total')}</Table.Td>
            <Table.Td data-label={t('implementation.budget.planned')}>{euros(totals.planned, language)}</Table.Td>
            <Table.Td data-label={t('implementation.budget.committed')}>{euros(totals.committed, language)}</Table.Td>
            <Table.Td data-label={t('implementation.budget.spent')}>{euros(totals.spent, language)}</Table.Td>
            {editable(state) ? <Table.Td /> : null}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A year's planned, committed and spent amounts: saved over that year's line, if any. */
function BudgetYearForm(props: { state: ProjectFollowUp; pending: boolean; onSave: (budget: Line[]) => void }) {
  const { t } = useTranslation();
  const { form, submit } = useSchemaForm({
    schema: BudgetLine,
    initialValues: {
      year: Number(props.state.today.slice(0, 4)) as number | string,
      planned: '' as number | string,
      committed: '' as number | string,
      spent: '' as number | string,
    },
    toInput: (v) => ({
      year: requiredNumber(v.year),
      planned: numberOf(v.planned),
      committed: numberOf(v.committed),
      spent: numberOf(v.spent),
    }),
  });
  const onSubmit = submit((entry) => props.onSave([...props.state.budget.filter((b) => b.year !== entry.year), entry]));
  const money = (name: 'planned' | 'committed' | 'spent') => (
    <NumberInput
      label={t(`implementation.budget.${name}`)}
      min={0}
      thousandSeparator=" "
      w={150}
      {...form.getInputProps(name)}
    />
  );
  return (
    <InlineAddForm
      errors={form.errors}
      onSubmit={onSubmit}
      label={t('implementation.budget.saveYear')}
      pending={props.pending}
    >
      <NumberInput
        label={t('implementation.budget.year')}
        min={2000}
        max={2100}
        w={110}
        required
        {...form.getInputProps('year')}
      />
      {money('planned')}
      {money('committed')}
      {money('spent')}
    </InlineAddForm>
  );
}

function PlanBaselineLine({ baseline }: { baseline: NonNullable<ProjectFollowUp['baseline']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Text size="sm" mb="xs" data-testid="plan-baseline">
      {t('implementation.planActual.baseline', {
        horizon: t(`strategy.horizons.${baseline.horizon}`),
        from: formatMonth(baseline.startMonth),
        to: formatMonth(baseline.endMonth),
        investment: euros(baseline.investment, language),
        funding: euros(baseline.funding, language),
        ownShare: euros(baseline.ownShare, language),
      })}
    </Text>
  );
}

function ProjectPlanAgainstActual({ plan }: { plan: NonNullable<ProjectFollowUp['planAgainstActual']> }) {
  return (
    <Box mt="md">
      <PlanAgainstActualView
        data={{
          thresholds: { cost: COST_DRIFT_THRESHOLD, startMonths: START_DRIFT_MONTHS },
          years: plan.years,
          projects: [plan],
          totals: { planned: plan.planned, committed: plan.committed, spent: plan.spent },
        }}
      />
    </Box>
  );
}

// ── budget, funding, risks ───────────────────────────────────────────────────────────────────────────────────
export function BudgetSection({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const update = useUpdateFollowUp(state.id);
  const saveBudget = (budget: Line[]) => update.mutate({ budget });
  return (
    <Section id="budget-heading" title={t('implementation.budget.title')} help={t('implementation.budget.help')}>
      {state.baseline ? <PlanBaselineLine baseline={state.baseline} /> : null}
      <BudgetTable state={state} onSave={saveBudget} />
      {editable(state) ? <BudgetYearForm state={state} pending={update.isPending} onSave={saveBudget} /> : null}
      <ErrorAlert error={update.error} />
      {state.planAgainstActual ? <ProjectPlanAgainstActual plan={state.planAgainstActual} /> : null}
      <Grid gap="lg" mt="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <FundingList state={state} onSave={(funding) => update.mutate({ funding })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <RiskList state={state} onSave={(risks) => update.mutate({ risks })} />
        </Grid.Col>
      </Grid>
    </Section>
  );
}
