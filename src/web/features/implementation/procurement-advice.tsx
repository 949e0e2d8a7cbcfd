import { Alert, Badge, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/shared/format.ts';
import { useLanguage } from '../../lib/use-language.ts';
import type { fetchProcedureAdvice } from './api.ts';

export type Advice = Awaited<ReturnType<typeof fetchProcedureAdvice>>;
type Proposal = Advice['proposals'][number];

function ProposalLabel({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Text fw={600} size="sm">
        {p.labelFr}
      </Text>
      {p.recommended ? (
        <Badge color="green" variant="light" size="sm">
          {t('implementation.procurement.recommended')}
        </Badge>
      ) : null}
      {p.conditional ? (
        <Badge color="orange" size="sm" variant="light">
          {t('implementation.procurement.conditional')}
        </Badge>
      ) : null}
      {!p.allowed ? (
        <Badge color="gray" size="sm" variant="light">
          {t('implementation.procurement.notAllowed')}
        </Badge>
      ) : null}
    </Group>
  );
}

/**
 * The procedures the thresholds in force on the launch date allow, with their reasons and legal basis: the user
 * chooses one of the allowed ones.
 */
export function ProcedureAdviceView(props: {
  advice: Advice;
  procedure: string | null;
  onChoose: (procedure: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { advice } = props;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('implementation.procurement.period', {
          from: formatDate(advice.period.validFrom, language),
          to: formatDate(advice.period.validTo, language),
        })}{' '}
        {advice.period.source}
      </Text>
      <Text size="sm">{advice.europeanPublication.reasonFr}</Text>
      {advice.warningsFr.map((w) => (
        <Alert key={w} color="orange" variant="light" p="xs">
          {w}
        </Alert>
      ))}
      {advice.verificationNotesFr.length > 0 ? (
        // The admins' working notes on the thresholds table: the server sends them to admins only.
        <Alert color="gray" variant="light" p="xs" title={t('implementation.procurement.verificationTitle')}>
          <Stack gap={4}>
            {advice.verificationNotesFr.map((n) => (
              <Text key={n} size="sm">
                {n}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      <Radio.Group
        label={t('implementation.procurement.chooseProcedure')}
        value={props.procedure ?? ''}
        onChange={props.onChoose}
      >
        <Stack gap="xs" mt="xs">
          {advice.proposals.map((p) => (
            <Paper key={p.procedure} withBorder p="xs" bg={p.allowed ? undefined : 'gray.0'}>
              <Radio
                value={p.procedure}
                disabled={!p.allowed}
                label={<ProposalLabel proposal={p} />}
                description={`${p.reasonFr} (${p.legalBasis})`}
              />
            </Paper>
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
