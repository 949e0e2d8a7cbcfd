import { Alert, Badge, Card, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LegalRoute, RouteAssessment, ScenarioAnalysis } from '../../../domain/purchasing/analysis.ts';
import { ROUTE_LABELS_FR } from '../../../domain/purchasing/analysis.ts';

/** The legal routes the domain proposes, each with its conditions, legal basis and the procedures it allows. */
export function RoutesSection({
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
