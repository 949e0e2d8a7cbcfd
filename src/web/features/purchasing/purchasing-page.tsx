import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScenarioSummary } from '../../../domain/purchasing/api.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { AdhesionsSection } from './adhesions-section.tsx';
import { useScenarios } from './api.ts';
import { NewScenarioForm } from './new-scenario-form.tsx';

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
          forAnyCommune={agency}
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
