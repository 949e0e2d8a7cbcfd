import { Alert, Anchor, Badge, List, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../../lib/session.ts';
import { useScenario } from './api.ts';
import { FileSection } from './file-section.tsx';
import { ManageSection } from './manage-section.tsx';
import { ParticipationsSection } from './participations-section.tsx';
import { RoutesSection } from './routes-section.tsx';
import { SavingsSection } from './savings-section.tsx';
import { ValueSection } from './value-section.tsx';

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
  const analysis = s.analysis;
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
