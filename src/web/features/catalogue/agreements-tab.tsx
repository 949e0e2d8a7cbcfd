import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement, Lot } from '../../../domain/catalogue/agreements.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { AgreementFormModal, LotFormModal } from './agreement-forms.tsx';
import { useAdhere, useAgreements } from './api.ts';
import { CallOffsSection } from './call-offs-section.tsx';
import { ConsumptionBar } from './consumption-bar.tsx';

/** The framework agreements: lots, vendors, ceilings and their consumption; the call-offs and their totals. */
export function AgreementsTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const agreements = useAgreements();
  const communes = useCommuneList();
  const nameOf = (nis: string) => communes.data?.find((c) => c.nisCode === nis)?.name ?? nis;
  const me = useMe();
  const agency = me.data?.capabilities.editCatalogue ?? false;
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Agreement | null>(null);
  const adhere = useAdhere();
  const [lotFor, setLotFor] = useState<{ id: string; next: number; lot?: Lot } | null>(null);
  return (
    <Stack gap="lg">
      {agency ? (
        <Group>
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('catalogue.agreements.new')}
          </Button>
        </Group>
      ) : null}
      {adding ? <AgreementFormModal onClose={() => setAdding(false)} /> : null}
      {editing ? <AgreementFormModal key={editing.id} agreement={editing} onClose={() => setEditing(null)} /> : null}
      {lotFor ? (
        <LotFormModal
          key={lotFor.lot?.id ?? 'new'}
          agreementId={lotFor.id}
          nextNumber={lotFor.next}
          {...(lotFor.lot ? { lot: lotFor.lot } : {})}
          onClose={() => setLotFor(null)}
        />
      ) : null}
      <ErrorAlert error={agreements.error} />
      {!agreements.data ? <BlockSkeleton /> : null}
      {agreements.data?.length === 0 ? <Text c="dimmed">{t('catalogue.agreements.none')}</Text> : null}
      {agreements.data?.map((a) => (
        <Paper key={a.id} withBorder p="md" component="section" aria-labelledby={`agreement-${a.id}`}>
          <Stack gap="sm">
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
                    onClick={() => setEditing(a)}
                    aria-label={t('catalogue.agreements.editTitle', { reference: a.reference })}
                  >
                    {t('common.edit')}
                  </Button>
                ) : null}
              </Group>
            </Group>
            {a.description ? <Text size="sm">{a.description}</Text> : null}
            <Text size="sm" c="dimmed">
              {t('catalogue.agreements.period', {
                start: formatDate(a.startDate, language),
                end: formatDate(a.endDate, language),
              })}
              {' · '}
              {t('catalogue.agreements.adherents')} : {a.adherents.map((x) => nameOf(x.communeNis)).join(', ') || '—'}
            </Text>
            {a.permissions.adhere && me.data?.user.communeNis ? (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  loading={adhere.isPending}
                  onClick={() =>
                    adhere.mutate(
                      { agreementId: a.id, communeNis: me.data!.user.communeNis! },
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
                            onClick={() => setLotFor({ id: a.id, next: lot.number, lot })}
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
            {a.permissions.update ? (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setLotFor({ id: a.id, next: Math.max(0, ...a.lots.map((l) => l.number)) + 1 })}
                >
                  {t('catalogue.agreements.newLot')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Paper>
      ))}
      <CallOffsSection />
    </Stack>
  );
}
