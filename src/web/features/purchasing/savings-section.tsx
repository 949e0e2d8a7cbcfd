import { Alert, Anchor, Badge, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScenarioDetail } from '../../../domain/purchasing/api.ts';
import type { ScenarioSavings } from '../../../domain/purchasing/savings.ts';
import { formatEuro } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { AssumptionsForm } from './assumptions-form.tsx';
import { Figure } from './figure.tsx';

/**
 * « Savings, honestly » (issue 12): beside the price effect of volume, the procedure costs each commune avoids and the
 * central purchasing body's fee, with every assumption shown; agency staff edit them here (the fee, this scenario's
 * own procedure costs, each lot's price model).
 */
export function SavingsSection({
  scenario,
  editable,
  admin,
}: {
  scenario: ScenarioDetail;
  editable: boolean;
  admin: boolean;
}) {
  const { t } = useTranslation();
  const savings = scenario.savings;
  if (!savings && !scenario.savingsError) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="savings">
      <Stack gap="sm">
        <Title order={2} size="h3" id="savings">
          {t('purchasing.savings.title')}
        </Title>
        {scenario.savingsError ? (
          <Alert color="orange" variant="light" title={t('purchasing.savings.cannot')}>
            {scenario.savingsError}
          </Alert>
        ) : null}
        {savings ? (
          <>
            <SavingsFigures totals={savings.totals} />
            {savings.communes.length > 0 ? <CommuneSavingsTable communes={savings.communes} /> : null}
            <CostsUsed costs={savings.costsUsed} admin={admin} />
            <Title order={3} size="h4">
              {t('purchasing.savings.assumptions')}
            </Title>
            <List size="sm" spacing={4}>
              {savings.assumptionsFr.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        {editable ? <AssumptionsForm scenario={scenario} costs={savings?.costsUsed ?? []} /> : null}
      </Stack>
    </Paper>
  );
}

function SavingsFigures({ totals }: { totals: ScenarioSavings['totals'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const euro = (v: number) => formatEuro(v, language);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
      <Figure label={t('purchasing.savings.volume')} value={euro(totals.volumeSaving)} />
      <Figure label={t('purchasing.savings.avoided')} value={euro(totals.avoidedProcedureCosts)} />
      <Figure label={t('purchasing.savings.fee')} value={euro(-totals.fee)} />
      <Figure label={t('purchasing.savings.netForCommunes')} value={euro(totals.netForCommunes)} strong />
      <Figure label={t('purchasing.savings.agencyProcedure')} value={euro(-totals.agencyProcedureCost)} />
      <Figure label={t('purchasing.savings.netForPublic')} value={euro(totals.netForPublicSector)} />
    </SimpleGrid>
  );
}

/** Amounts align right in a table, left once a phone stacks its rows. */
const RIGHT = { base: 'left', sm: 'right' } as const;

function CommuneSavingsTable({ communes }: { communes: ScenarioSavings['communes'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const euro = (v: number) => formatEuro(v, language);
  return (
    <Table.ScrollContainer minWidth={640} className="stack-on-phone">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('purchasing.commune')}</Table.Th>
            <Table.Th>{t('purchasing.savings.procedureAlone')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.savings.avoidedShort')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.savings.volumeShort')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.savings.feeShort')}</Table.Th>
            <Table.Th ta="right">{t('purchasing.savings.net')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {communes.map((c) => (
            <Table.Tr key={c.communeNis}>
              <Table.Td fw={{ base: 600, sm: 400 }}>{c.communeName}</Table.Td>
              <Table.Td data-label={t('purchasing.savings.procedureAlone')}>{c.procedureAloneLabelFr}</Table.Td>
              <Table.Td ta={RIGHT} data-label={t('purchasing.savings.avoidedShort')}>
                {euro(c.avoidedProcedureCost)}
              </Table.Td>
              <Table.Td ta={RIGHT} data-label={t('purchasing.savings.volumeShort')}>
                {euro(c.volumeSaving)}
              </Table.Td>
              <Table.Td ta={RIGHT} data-label={t('purchasing.savings.feeShort')}>
                {euro(-c.fee)}
              </Table.Td>
              <Table.Td ta={RIGHT} fw={600} data-label={t('purchasing.savings.net')}>
                {euro(c.net)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The cost of each procedure the estimate uses, with its source or « estimation à vérifier ». */
function CostsUsed({ costs, admin }: { costs: ScenarioSavings['costsUsed']; admin: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <Title order={3} size="h4">
        {t('purchasing.savings.costsUsed')}
      </Title>
      <List size="sm" spacing={4}>
        {costs.map((c) => (
          <List.Item key={c.procedure}>
            {c.labelFr} : <strong>{formatEuro(c.cost, language)}</strong>{' '}
            {c.overridden ? (
              <Badge variant="outline" color="blue.9">
                {t('purchasing.savings.overridden')}
              </Badge>
            ) : c.verified ? (
              <Text span size="xs" c="dimmed">
                ({c.source})
              </Text>
            ) : (
              <Badge variant="outline" color="#9a3412">
                {t('purchasing.savings.toVerify')}
              </Badge>
            )}
          </List.Item>
        ))}
      </List>
      {admin ? (
        <Anchor component={Link} to={paths.procedureCosts.to()} size="sm">
          {t('purchasing.savings.editTable')}
        </Anchor>
      ) : null}
    </>
  );
}
