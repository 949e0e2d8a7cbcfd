import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { LegalRoute, RouteAssessment, ScenarioAnalysis } from '../../../domain/purchasing/analysis.ts';
import { LEGAL_ROUTES, ROUTE_LABELS_FR } from '../../../domain/purchasing/analysis.ts';
import type { ScenarioDetail, ScenarioParticipation } from '../../../domain/purchasing/api.ts';
import { formatDate, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { notify } from '../../lib/notify.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useConfirmParticipation, useLaunchScenario, useScenario, useUpdateScenario } from './api.ts';
import { Figure } from './figure.tsx';
import { FileSection } from './file-section.tsx';
import { SavingsSection } from './savings-section.tsx';

/**
 * A procurement scenario: what the whole framework agreement is worth over its term, what the law then requires
 * (routes, procedures, publication, lots), and who has confirmed. The legal explanations come from the domain in
 * French, as the procurement advice does.
 */
export default function ScenarioPage() {
  const { t } = useTranslation();
  const { scenarioId = '' } = useParams();
  const scenario = useScenario(scenarioId);
  const me = useMe();
  const agency = me.data?.capabilities.runPurchasing ?? false;
  if (scenario.isPending) return <BlockSkeleton />;
  if (!scenario.data) return <ErrorAlert error={scenario.error} />;
  const s = scenario.data;
  const analysis = s.analysis as ScenarioAnalysis | null;
  return (
    <Stack gap="lg">
      <PageHeader
        above={
          <Anchor component={Link} to={paths.purchasing.to()} size="sm">
            {t('purchasing.back')}
          </Anchor>
        }
        title={s.title}
        description={t('purchasing.fromGroups', { groups: s.groups.map((g) => g.label).join(', ') })}
        actions={
          <Badge variant="outline" size="lg" color={s.status === 'launched' ? 'teal.9' : 'blue.9'}>
            {t(`purchasing.statuses.${s.status}`)}
          </Badge>
        }
      />
      {s.analysisError ? (
        <Alert color="orange" variant="light" title={t('purchasing.cannotValue')}>
          {s.analysisError}
        </Alert>
      ) : null}
      {analysis ? <ValueSection scenario={s} analysis={analysis} /> : null}
      <SavingsSection
        scenario={s}
        editable={agency && s.status !== 'cancelled'}
        admin={me.data?.capabilities.manageUsers ?? false}
      />
      <ParticipationsSection scenario={s} />
      {analysis ? <RoutesSection analysis={analysis} chosen={s.route} note={s.routeNote} /> : null}
      {s.permissions.manage ? <ManageSection scenario={s} /> : null}
      <FileSection scenario={s} manage={agency} />
      {analysis && analysis.toVerifyFr.length > 0 ? (
        <Paper withBorder p="md" component="section" aria-labelledby="to-verify">
          <Title order={2} size="h3" id="to-verify">
            {t('purchasing.toVerify')}
          </Title>
          <List size="sm" mt="xs">
            {analysis.toVerifyFr.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Paper>
      ) : null}
    </Stack>
  );
}

function ValueSection({ scenario, analysis }: { scenario: ScenarioDetail; analysis: ScenarioAnalysis }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const euro = (v: number) => formatEuro(v, language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="value">
      <Stack gap="sm">
        <Title order={2} size="h3" id="value">
          {t('purchasing.value')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label={t('purchasing.estimatedValue')} value={euro(analysis.value.estimatedValue)} />
          <Figure label={t('purchasing.euThreshold')} value={euro(analysis.euThreshold)} />
          <Figure
            label={t('purchasing.term')}
            value={t('purchasing.termValue', {
              months: analysis.value.totalMonths,
              initial: scenario.initialMonths,
              count: scenario.renewals,
            })}
          />
        </SimpleGrid>
        <Alert
          color={analysis.europeanPublication.required ? 'orange' : 'rural'}
          variant="light"
          title={t(analysis.europeanPublication.required ? 'purchasing.joueRequired' : 'purchasing.joueNotRequired')}
        >
          {analysis.europeanPublication.reasonFr}
        </Alert>
        <Text size="sm" c="dimmed">
          {t('purchasing.period', {
            from: formatDate(analysis.period.validFrom, language),
            to: formatDate(analysis.period.validTo, language),
            source: analysis.period.source,
          })}
        </Text>
        <Table.ScrollContainer minWidth={620}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('purchasing.lot')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.initial')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.renewalsAmount')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.options')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.estimatedValue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {analysis.value.lots.map((lot) => {
                const assessed = analysis.lots.find((l) => l.key === lot.key);
                return (
                  <Table.Tr key={lot.key}>
                    <Table.Td>
                      <Text fw={600}>{lot.label}</Text>
                      {assessed ? (
                        <Text size="xs" c="dimmed">
                          {assessed.messageFr}
                        </Text>
                      ) : null}
                      {assessed?.smallLot ? (
                        <Badge variant="outline" color="grape.9" mt={4}>
                          {t('purchasing.smallLot')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">{euro(lot.initialAmount)}</Table.Td>
                    <Table.Td ta="right">{euro(lot.renewalsAmount)}</Table.Td>
                    <Table.Td ta="right">{euro(lot.optionsAmount)}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {euro(lot.estimatedValue)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm">{analysis.lotSplittingFr}</Text>
        {analysis.smallLots.messageFr ? (
          <Text size="sm">
            {analysis.smallLots.messageFr}{' '}
            <Text span c="dimmed" size="xs">
              ({analysis.smallLots.legalBasis.citation}
              {analysis.smallLots.legalBasis.verified ? '' : ` — ${t('purchasing.unverified')}`})
            </Text>
          </Text>
        ) : null}
        {[...analysis.nearThresholds.map((n) => n.messageFr), ...analysis.warningsFr].map((w) => (
          <Alert key={w} color="yellow" variant="light" title={t('purchasing.attention')}>
            {w}
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}

function RoutesSection({
  analysis,
  chosen,
  note,
}: {
  analysis: ScenarioAnalysis;
  chosen: LegalRoute | null;
  note: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="routes">
      <Stack gap="sm">
        <Title order={2} size="h3" id="routes">
          {t('purchasing.routes')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('purchasing.routesHelp')}
        </Text>
        {chosen ? (
          <Alert color="blue" variant="light" title={t('purchasing.chosenRoute', { route: ROUTE_LABELS_FR[chosen] })}>
            {note || t('purchasing.noRouteNote')}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {analysis.routes.map((route) => (
            <RouteCard key={route.route} route={route} chosen={route.route === chosen} />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function RouteCard({ route, chosen }: { route: RouteAssessment; chosen: boolean }) {
  const { t } = useTranslation();
  const allowed = route.advice?.proposals.filter((p) => p.allowed) ?? [];
  return (
    <Card
      withBorder
      padding="md"
      data-route={route.route}
      style={chosen ? { borderColor: 'var(--mantine-color-blue-9)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4">
            {route.labelFr}
          </Title>
          <Badge variant="outline" color={route.possible ? 'teal.9' : 'red.9'}>
            {t(route.possible ? 'purchasing.possible' : 'purchasing.notPossible')}
          </Badge>
        </Group>
        <Text size="sm">{route.explanationFr}</Text>
        <List size="sm" spacing={2}>
          {route.conditions.map((c) => (
            <List.Item key={c.textFr}>
              <Text span fw={600} c={c.met === true ? 'teal.9' : c.met === false ? 'red.9' : 'gray.8'}>
                {t(c.met === true ? 'purchasing.met' : c.met === false ? 'purchasing.notMet' : 'purchasing.toCheck')}
              </Text>{' '}
              {c.textFr}
            </List.Item>
          ))}
        </List>
        {route.legalBasis.length > 0 ? (
          <Text size="xs" c="dimmed">
            {route.legalBasis
              .map((ref) => `${ref.citation}${ref.verified ? '' : ` (${t('purchasing.unverified')})`}`)
              .join(' ; ')}
          </Text>
        ) : null}
        {allowed.length > 0 ? (
          <Text size="sm">
            {t('purchasing.procedures')}{' '}
            {allowed.map((p) => `${p.labelFr}${p.conditional ? ` (${t('purchasing.conditional')})` : ''}`).join(', ')}
          </Text>
        ) : null}
        {route.perCommune ? (
          <Text size="sm">{route.perCommune.map((c) => `${c.communeName} : ${c.recommendedFr}`).join(' ; ')}</Text>
        ) : null}
      </Stack>
    </Card>
  );
}

function ParticipationsSection({ scenario }: { scenario: ScenarioDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Agency staff may record a commune's answer for it (a council decision sent by e-mail, a phone call).
  const onBehalf = useConfirmParticipation(scenario.id);
  const lotLabel = (key: string) => scenario.lots.find((l) => l.key === key)?.label ?? key;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="participations">
      <Stack gap="sm">
        <Title order={2} size="h3" id="participations">
          {t('purchasing.participations')}
        </Title>
        {scenario.launchBlockers.length > 0 ? (
          <Alert color="blue" variant="light" title={t('purchasing.beforeLaunch')}>
            <List size="sm">
              {scenario.launchBlockers.map((b) => (
                <List.Item key={b}>{b}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('purchasing.commune')}</Table.Th>
                <Table.Th>{t('purchasing.lot')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.quantity')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.amount')}</Table.Th>
                <Table.Th>{t('purchasing.status')}</Table.Th>
                {scenario.permissions.manage ? <Table.Th>{t('purchasing.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scenario.participations.map((p) => (
                <Table.Tr key={`${p.lotKey}/${p.communeNis}`}>
                  <Table.Td>
                    {p.communeName}
                    {p.adhered ? (
                      <Text size="xs" c="teal.9">
                        {t('purchasing.adheredBadge')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{lotLabel(p.lotKey)}</Table.Td>
                  <Table.Td ta="right">{p.quantity === null ? '—' : formatNumber(p.quantity, language)}</Table.Td>
                  <Table.Td ta="right">{p.amount === null ? '—' : formatEuro(p.amount, language)}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="outline"
                      color={p.status === 'confirmed' ? 'teal.9' : p.status === 'declined' ? 'gray.8' : '#9a3412'}
                    >
                      {t(`purchasing.participationStatuses.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  {scenario.permissions.manage ? (
                    <Table.Td>
                      {p.status === 'proposed' ? (
                        <Button
                          size="xs"
                          variant="outline"
                          loading={onBehalf.isPending && onBehalf.variables?.communeNis === p.communeNis}
                          onClick={() =>
                            onBehalf.mutate({
                              communeNis: p.communeNis,
                              lotKey: p.lotKey,
                              participate: true,
                              quantity: p.quantity,
                              amount: p.amount,
                            })
                          }
                        >
                          {t('purchasing.confirmFor', { commune: p.communeName })}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ErrorAlert error={onBehalf.error} />
        {scenario.permissions.confirm
          ? scenario.participations.map((p) => (
              <ConfirmForm key={p.lotKey} scenarioId={scenario.id} line={p} lot={lotLabel(p.lotKey)} />
            ))
          : null}
      </Stack>
    </Paper>
  );
}

function ConfirmForm({ scenarioId, line, lot }: { scenarioId: string; line: ScenarioParticipation; lot: string }) {
  const { t } = useTranslation();
  const confirm = useConfirmParticipation(scenarioId);
  const [participate, setParticipate] = useState(line.status !== 'declined' ? 'yes' : 'no');
  const [quantity, setQuantity] = useState<number | string>(line.quantity ?? '');
  const [amount, setAmount] = useState<number | string>(line.amount ?? '');
  return (
    <Card withBorder padding="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          confirm.mutate(
            {
              lotKey: line.lotKey,
              participate: participate === 'yes',
              quantity: quantity === '' ? null : Number(quantity),
              amount: amount === '' ? null : Number(amount),
            },
            { onSuccess: () => notify(t('purchasing.confirmedNotice')) },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('purchasing.confirmTitle', { lot })}
          </Title>
          <ErrorAlert error={confirm.error} />
          <Radio.Group label={t('purchasing.participate')} value={participate} onChange={setParticipate}>
            <Group mt="xs">
              <Radio value="yes" label={t('purchasing.yes')} />
              <Radio value="no" label={t('purchasing.no')} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('purchasing.quantity')}
              min={0}
              allowDecimal={false}
              value={quantity}
              onChange={setQuantity}
            />
            <NumberInput
              label={t('purchasing.amountExclVat')}
              min={0}
              thousandSeparator=" "
              decimalSeparator=","
              suffix=" €"
              value={amount}
              onChange={setAmount}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={confirm.isPending}>
              {t('purchasing.sendConfirmation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

type LotDraft = ScenarioDetail['lots'][number];

function ManageSection({ scenario }: { scenario: ScenarioDetail }) {
  const { t } = useTranslation();
  const update = useUpdateScenario(scenario.id);
  const launch = useLaunchScenario(scenario.id);
  const [launchDate, setLaunchDate] = useState(scenario.launchDate);
  const [initialMonths, setInitialMonths] = useState<number | string>(scenario.initialMonths);
  const [renewals, setRenewals] = useState<number | string>(scenario.renewals);
  const [renewalMonths, setRenewalMonths] = useState<number | string>(scenario.renewalMonths);
  const [route, setRoute] = useState<LegalRoute | null>(scenario.route);
  const [routeNote, setRouteNote] = useState(scenario.routeNote);
  const [lots, setLots] = useState<LotDraft[]>(scenario.lots);
  const setLot = (key: string, patch: Partial<LotDraft>) =>
    setLots((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        title: scenario.title,
        launchDate,
        initialMonths: Number(initialMonths),
        renewals: Number(renewals || 0),
        renewalMonths: Number(renewalMonths || 0),
        lots,
        participations: scenario.participations.map((p) => ({
          lotKey: p.lotKey,
          communeNis: p.communeNis,
          quantity: p.quantity,
          amount: p.amount,
        })),
        route,
        routeNote,
      },
      { onSuccess: () => notify(t('purchasing.saved')) },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="manage">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="manage">
            {t('purchasing.manage')}
          </Title>
          <ErrorAlert error={update.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('purchasing.launchDate')} required value={launchDate} onChange={setLaunchDate} />
            <NumberInput
              label={t('purchasing.initialMonths')}
              min={1}
              max={120}
              allowDecimal={false}
              value={initialMonths}
              onChange={setInitialMonths}
            />
            <NumberInput
              label={t('purchasing.renewals')}
              min={0}
              max={10}
              allowDecimal={false}
              value={renewals}
              onChange={setRenewals}
            />
            <NumberInput
              label={t('purchasing.renewalMonths')}
              min={0}
              max={120}
              allowDecimal={false}
              value={renewalMonths}
              onChange={setRenewalMonths}
            />
          </SimpleGrid>
          {lots.map((lot) => (
            <Card withBorder padding="sm" key={lot.key}>
              <Stack gap="xs">
                <TextInput
                  label={t('purchasing.lotLabel')}
                  value={lot.label}
                  onChange={(e) => setLot(lot.key, { label: e.currentTarget.value })}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('purchasing.nature')}
                    data={(['services', 'supplies', 'works'] as const).map((n) => ({
                      value: n,
                      label: t(`purchasing.natures.${n}`),
                    }))}
                    value={lot.nature}
                    onChange={(v) => v && setLot(lot.key, { nature: v as LotDraft['nature'] })}
                    allowDeselect={false}
                  />
                  <NumberInput
                    label={t('purchasing.unitPrice')}
                    min={0}
                    thousandSeparator=" "
                    decimalSeparator=","
                    suffix=" €"
                    value={lot.unitPrice ?? ''}
                    onChange={(v) => setLot(lot.key, { unitPrice: v === '' ? null : Number(v) })}
                  />
                </SimpleGrid>
                <Text size="sm" fw={600}>
                  {t('purchasing.options')}
                </Text>
                {(lot.options ?? []).map((option, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: an option has no identity of its own; its inputs are controlled, so a shifted key after a removal shows the right values
                  <Group key={`${lot.key}-${index}`} align="flex-end" wrap="nowrap" gap="xs">
                    <TextInput
                      style={{ flex: 2 }}
                      label={t('purchasing.optionLabel')}
                      value={option.label}
                      onChange={(e) => {
                        const label = e.currentTarget.value;
                        setLot(lot.key, {
                          options: (lot.options ?? []).map((o, i) => (i === index ? { ...o, label } : o)),
                        });
                      }}
                    />
                    <NumberInput
                      style={{ flex: 1 }}
                      label={t('purchasing.optionAmount')}
                      min={0}
                      thousandSeparator=" "
                      decimalSeparator=","
                      suffix=" €"
                      value={option.amount}
                      onChange={(v) =>
                        setLot(lot.key, {
                          options: (lot.options ?? []).map((o, i) =>
                            i === index ? { ...o, amount: Number(v || 0) } : o,
                          ),
                        })
                      }
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      aria-label={t('purchasing.removeOption')}
                      onClick={() => setLot(lot.key, { options: (lot.options ?? []).filter((_, i) => i !== index) })}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                ))}
                <Group>
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={() => setLot(lot.key, { options: [...(lot.options ?? []), { label: '', amount: 0 }] })}
                  >
                    {t('purchasing.addOption')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
          <Select
            label={t('purchasing.route')}
            description={t('purchasing.routeHelp')}
            data={LEGAL_ROUTES.map((r) => ({ value: r, label: ROUTE_LABELS_FR[r] }))}
            value={route}
            onChange={(v) => setRoute(v as LegalRoute | null)}
            clearable
          />
          <Textarea
            label={t('purchasing.routeNote')}
            value={routeNote}
            onChange={(e) => setRouteNote(e.currentTarget.value)}
          />
          <Group justify="space-between">
            <Button
              variant="outline"
              loading={launch.isPending}
              onClick={() => launch.mutate(undefined, { onSuccess: () => notify(t('purchasing.launched')) })}
            >
              {t('purchasing.launch')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('purchasing.save')}
            </Button>
          </Group>
          <ErrorAlert error={launch.error} />
        </Stack>
      </form>
    </Paper>
  );
}
