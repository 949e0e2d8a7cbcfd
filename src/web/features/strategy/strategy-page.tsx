import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useStrategyOverview } from './api.ts';
import { euros } from './labels.ts';
import { Calculators } from './strategy-calculators.tsx';

/** The strategy area: the strategies of the missions, and the calculators (AHP, PROMETHEE, portfolio). */
export function StrategyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = Boolean(me.data);
  return (
    <Stack gap="md">
      <PageHeader title={t('strategy.page.title')} description={t('strategy.page.intro')} />
      {me.isPending ? (
        <BlockSkeleton />
      ) : !signedIn ? (
        <Paper withBorder p="lg">
          <Text>
            {t('strategy.page.signIn')}{' '}
            <Anchor component={Link} to={paths.login.to(paths.strategy.to())}>
              {t('strategy.page.signInLink')}
            </Anchor>
          </Text>
        </Paper>
      ) : (
        <>
          <Overview />
          <Calculators />
        </>
      )}
    </Stack>
  );
}

function Overview() {
  const { t } = useTranslation();
  const language = useLanguage();
  const overview = useStrategyOverview();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="overview-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="overview-heading">
          {t('strategy.page.overview')}
        </Title>
        <ErrorAlert error={overview.error} />
        {!overview.data ? (
          <BlockSkeleton lines={3} />
        ) : overview.data.length === 0 ? (
          <Text c="dimmed">{t('strategy.page.noMissions')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped data-testid="strategy-overview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('strategy.page.mission')}</Table.Th>
                  <Table.Th scope="col">{t('strategy.page.commune')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('strategy.page.projects')}
                  </Table.Th>
                  <Table.Th scope="col">{t('strategy.page.plan')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('strategy.page.planned')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {overview.data.map((m) => (
                  <Table.Tr key={m.missionId}>
                    <Table.Td>
                      <Anchor component={Link} to={paths.missionStrategy.to(m.missionId)} fw={600}>
                        {m.missionTitle}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{m.communeName}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{m.started ? m.projects : '—'}</Table.Td>
                    <Table.Td>
                      {m.planStatus ? (
                        <Badge variant="light" color={m.planStatus === 'optimal' ? 'green' : 'yellow'}>
                          {t(`strategy.plan.status.${m.planStatus}`)}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {m.started ? t('strategy.page.noPlan') : t('strategy.page.notStarted')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      {m.planned === null
                        ? '—'
                        : t('strategy.page.plannedValue', {
                            count: m.planned,
                            amount: euros(m.plannedInvestment ?? 0, language),
                          })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
