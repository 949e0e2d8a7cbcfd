import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ScenarioSummary } from '../../../domain/purchasing/api.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAdhere, useAdhesions, useConfirmedGroups, useCreateScenario, useScenarios } from './api.ts';

/**
 * Central purchasing (issue 12): the agency's procurement scenarios built from pooled needs, and the communes'
 * adhesions to the agency as central purchasing body. A commune user sees the scenarios their commune is in.
 */
export function PurchasingPage() {
  const { t } = useTranslation();
  const me = useMe();
  const agency = me.data?.capabilities.runPurchasing ?? false;
  const scenarios = useScenarios();
  return (
    <Stack gap="lg">
      <PageHeader title={t('purchasing.title')} description={t('purchasing.intro')} />
      {agency ? <NewScenarioForm /> : null}
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('purchasing.scenarios')}
        </Title>
        <ErrorAlert error={scenarios.error} />
        {scenarios.isPending ? (
          <BlockSkeleton />
        ) : (scenarios.data ?? []).length === 0 ? (
          <Text c="dimmed">{t(agency ? 'purchasing.noScenario' : 'purchasing.noScenarioCommune')}</Text>
        ) : (
          <ScenarioTable scenarios={scenarios.data ?? []} />
        )}
      </Stack>
      {me.data ? (
        <AdhesionsSection
          agency={agency}
          ownNis={me.data.user.communeNis}
          canRecord={me.data.capabilities.recordAdhesion}
        />
      ) : null}
    </Stack>
  );
}

function ScenarioTable({ scenarios }: { scenarios: ScenarioSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('purchasing.scenario')}</Table.Th>
            <Table.Th>{t('purchasing.status')}</Table.Th>
            <Table.Th>{t('purchasing.launchDate')}</Table.Th>
            <Table.Th>{t('purchasing.confirmations')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scenarios.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor component={Link} to={paths.purchasingScenario.to(s.id)}>
                  {s.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" color={s.status === 'launched' ? 'teal.9' : 'blue.9'}>
                  {t(`purchasing.statuses.${s.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDate(s.launchDate, language)}</Table.Td>
              <Table.Td>
                {t('purchasing.confirmedOf', {
                  count: s.confirmedCount,
                  total: s.confirmedCount + s.pendingCount,
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function NewScenarioForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const groups = useConfirmedGroups(true);
  const create = useCreateScenario();
  const [title, setTitle] = useState('');
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [launchDate, setLaunchDate] = useState('');
  const [initialMonths, setInitialMonths] = useState<number | string>(48);
  const [renewals, setRenewals] = useState<number | string>(0);
  const [renewalMonths, setRenewalMonths] = useState<number | string>(0);
  const [lotsBy, setLotsBy] = useState<'category' | 'group'>('category');
  const [nature, setNature] = useState<'services' | 'supplies' | 'works'>('services');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        title,
        groupIds,
        launchDate,
        initialMonths: Number(initialMonths),
        renewals: Number(renewals || 0),
        renewalMonths: Number(renewalMonths || 0),
        lotsBy,
        nature,
      },
      {
        onSuccess: (scenario) => {
          notify(t('purchasing.created'));
          void navigate(paths.purchasingScenario.to(scenario.id));
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-scenario">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="new-scenario">
            {t('purchasing.new')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('purchasing.newHelp')}
          </Text>
          <ErrorAlert error={create.error} />
          <TextInput
            label={t('purchasing.titleField')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <MultiSelect
            label={t('purchasing.groups')}
            required
            data={(groups.data ?? []).map((g) => ({
              value: g.id,
              label: t('purchasing.groupOption', { label: g.label, count: g.communeCount }),
            }))}
            value={groupIds}
            onChange={setGroupIds}
            searchable
            nothingFoundMessage={t('purchasing.noGroup')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('purchasing.launchDate')} required value={launchDate} onChange={setLaunchDate} />
            <NumberInput
              label={t('purchasing.initialMonths')}
              required
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
            <Select
              label={t('purchasing.lotsBy')}
              data={[
                { value: 'category', label: t('purchasing.lotsByCategory') },
                { value: 'group', label: t('purchasing.lotsByGroup') },
              ]}
              value={lotsBy}
              onChange={(v) => setLotsBy((v as 'category' | 'group') ?? 'category')}
              allowDeselect={false}
            />
            <Select
              label={t('purchasing.nature')}
              data={(['services', 'supplies', 'works'] as const).map((n) => ({
                value: n,
                label: t(`purchasing.natures.${n}`),
              }))}
              value={nature}
              onChange={(v) => setNature((v as typeof nature) ?? 'services')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('purchasing.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function AdhesionsSection(props: { agency: boolean; ownNis: string | null; canRecord: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const adhesions = useAdhesions();
  const communes = useCommuneList();
  const adhere = useAdhere();
  const [communeNis, setCommuneNis] = useState<string | null>(props.ownNis);
  const [decisionDate, setDecisionDate] = useState('');
  const [reference, setReference] = useState('');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="adhesions">
      <Stack gap="sm">
        <Title order={2} size="h3" id="adhesions">
          {t('purchasing.adhesions')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('purchasing.adhesionsHelp')}
        </Text>
        <ErrorAlert error={adhesions.error} />
        {(adhesions.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('purchasing.noAdhesion')}</Text>
        ) : (
          <Stack gap={4} component="ul" style={{ paddingLeft: 0, listStyle: 'none' }}>
            {(adhesions.data ?? []).map((a) => (
              <Text component="li" key={a.communeNis}>
                {t('purchasing.adhesionLine', {
                  commune: a.communeName,
                  date: formatDate(a.decisionDate, language),
                  reference: a.councilDecisionRef,
                })}
              </Text>
            ))}
          </Stack>
        )}
        {props.canRecord ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              adhere.mutate(
                { communeNis: communeNis ?? undefined, decisionDate, councilDecisionRef: reference },
                {
                  onSuccess: () => {
                    notify(t('purchasing.adhered'));
                    setReference('');
                  },
                },
              );
            }}
          >
            <Stack gap="sm">
              <ErrorAlert error={adhere.error} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {props.agency ? (
                  <Select
                    label={t('purchasing.commune')}
                    required
                    searchable
                    data={communeOptions(communes.data)}
                    value={communeNis}
                    onChange={setCommuneNis}
                  />
                ) : null}
                <DateField
                  label={t('purchasing.decisionDate')}
                  required
                  value={decisionDate}
                  onChange={setDecisionDate}
                />
                <TextInput
                  label={t('purchasing.councilDecisionRef')}
                  required
                  value={reference}
                  onChange={(e) => setReference(e.currentTarget.value)}
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button type="submit" variant="light" loading={adhere.isPending}>
                  {t('purchasing.recordAdhesion')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
