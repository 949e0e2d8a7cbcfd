import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Agreement, Lot } from '../../../domain/catalogue/agreements.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import type { useAdhere } from './api.ts';
import { ConsumptionBar } from './consumption-bar.tsx';

/** The lot to edit, or the number a new lot of the agreement takes. */
export type LotTarget = { id: string; next: number; lot?: Lot };

type Props = {
  agreement: Agreement;
  /** The user's commune, which may adhere to the agreement. */
  communeNis: string | null | undefined;
  /** One adhesion for the whole tab: its progress and refusal show on every card. */
  adhere: ReturnType<typeof useAdhere>;
  nameOf(nis: string): string;
  onEdit(): void;
  onLot(target: LotTarget): void;
};

/** One framework agreement: its period and adherents, its ceiling's consumption, its lots. */
export function AgreementCard({ agreement: a, communeNis, adhere, nameOf, onEdit, onLot }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`agreement-${a.id}`}>
      <Stack gap="sm">
        <AgreementHeading agreement={a} onEdit={onEdit} />
        {a.description ? <Text size="sm">{a.description}</Text> : null}
        <Text size="sm" c="dimmed">
          {t('catalogue.agreements.period', {
            start: formatDate(a.startDate, language),
            end: formatDate(a.endDate, language),
          })}
          {' · '}
          {t('catalogue.agreements.adherents')} : {a.adherents.map((x) => nameOf(x.communeNis)).join(', ') || '—'}
        </Text>
        {a.permissions.adhere && communeNis ? (
          <Group>
            <Button
              size="xs"
              variant="default"
              loading={adhere.isPending}
              onClick={() =>
                adhere.mutate(
                  { agreementId: a.id, communeNis },
                  { onSuccess: () => notify(t('catalogue.order.adhered')) },
                )
              }
            >
              {t('catalogue.order.adhere')}
            </Button>
            <ErrorAlert error={adhere.error} />
          </Group>
        ) : null}
        <ConsumptionBar label={t('catalogue.agreements.whole')} consumption={a.consumption} />
        <LotsTable agreement={a} onLot={onLot} />
        {a.permissions.update ? (
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={() => onLot({ id: a.id, next: Math.max(0, ...a.lots.map((l) => l.number)) + 1 })}
            >
              {t('catalogue.agreements.newLot')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function AgreementHeading({ agreement: a, onEdit }: { agreement: Agreement; onEdit(): void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Title order={2} size="h4" id={`agreement-${a.id}`}>
        {a.reference} — {a.title}
      </Title>
      <Group gap="xs">
        {a.demo ? (
          <Badge color="dark" variant="outline">
            {t('catalogue.demo')}
          </Badge>
        ) : null}
        {a.permissions.update ? (
          <Button
            size="xs"
            variant="default"
            onClick={onEdit}
            aria-label={t('catalogue.agreements.editTitle', { reference: a.reference })}
          >
            {t('common.edit')}
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}

/** The lots: vendor, solutions, consumption of the lot's ceiling. */
function LotsTable({ agreement: a, onLot }: { agreement: Agreement; onLot(target: LotTarget): void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogue.agreements.lot')}</Table.Th>
            <Table.Th>{t('catalogue.agreements.vendor')}</Table.Th>
            <Table.Th>{t('catalogue.agreements.solutions')}</Table.Th>
            <Table.Th w={260}>{t('catalogue.agreements.consumption')}</Table.Th>
            {a.permissions.update ? <Table.Th>{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {a.lots.map((lot) => (
            <Table.Tr key={lot.id}>
              <Table.Td>
                {lot.number}. {lot.title}
              </Table.Td>
              <Table.Td>{lot.vendor ?? t('catalogue.agreements.notAwarded')}</Table.Td>
              <Table.Td>{lot.solutions.map((s) => s.name).join(', ')}</Table.Td>
              <Table.Td>
                <ConsumptionBar
                  consumption={lot.consumption}
                  label={`${t('catalogue.agreements.lot')} ${lot.number}`}
                />
              </Table.Td>
              {a.permissions.update ? (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={t('catalogue.agreements.editLotNamed', { number: lot.number })}
                    onClick={() => onLot({ id: a.id, next: lot.number, lot })}
                  >
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
