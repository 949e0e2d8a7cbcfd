import { Badge, Button, Grid, Group, Paper, Progress, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAgencyRole } from '../../../domain/auth/roles.ts';
import {
  type Agreement,
  CALL_OFF_CANCEL_DAYS,
  type CallOff,
  type Consumption,
  type Lot,
} from '../../../domain/catalogue/agreements.ts';
import { formatDate, formatDateTime, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { AgreementFormModal, LotFormModal } from './agreement-forms.tsx';
import { useAdhere, useAgreements, useCallOffs, useCallOffTotals, useCancelCallOff } from './api.ts';

/** The framework agreements: lots, vendors, ceilings and their consumption; the call-offs and their totals. */
export function AgreementsTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const agreements = useAgreements();
  const communes = useCommuneList();
  const nameOf = (nis: string) => communes.data?.find((c) => c.nisCode === nis)?.name ?? nis;
  const me = useMe();
  const agency = me.data ? isAgencyRole(me.data.user.role) : false;
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
                {agency ? (
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
            {me.data?.user.role === 'commune_editor' &&
            me.data.user.communeNis &&
            !a.adherents.some((x) => x.communeNis === me.data?.user.communeNis) ? (
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
                    {agency ? <Table.Th>{t('common.actions')}</Table.Th> : null}
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
                      {agency ? (
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
            {agency ? (
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
      <CallOffs />
    </Stack>
  );
}

function ConsumptionBar({ consumption, label }: { consumption: Consumption; label: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (consumption.ceiling === null) {
    return (
      <Text size="sm">
        {label} : {t('catalogue.agreements.orderedNoCeiling', { ordered: formatEuro(consumption.ordered, language) })}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Progress value={Math.min(100, (consumption.share ?? 0) * 100)} aria-label={label} />
      <Text size="xs" c="dimmed">
        {t('catalogue.agreements.ordered', {
          ordered: formatEuro(consumption.ordered, language),
          ceiling: formatEuro(consumption.ceiling, language),
        })}
      </Text>
    </Stack>
  );
}

function CallOffs() {
  const { t } = useTranslation();
  const language = useLanguage();
  const callOffs = useCallOffs(null);
  const totals = useCallOffTotals();
  const me = useMe();
  const user = me.data?.user;
  const [cancelling, setCancelling] = useState<CallOff | null>(null);
  // Agency staff cancel any call-off; a commune's editors their commune's, within CALL_OFF_CANCEL_DAYS days.
  const mayCancel = (c: CallOff) =>
    c.cancelledAt === null &&
    Boolean(user) &&
    (isAgencyRole(user!.role) ||
      (user!.role === 'commune_editor' &&
        user!.communeNis === c.communeNis &&
        Date.now() - Date.parse(c.orderedAt) <= CALL_OFF_CANCEL_DAYS * 86_400_000));
  return (
    <Stack gap="md" component="section" aria-labelledby="call-offs-title">
      {cancelling ? <CancelCallOffModal callOff={cancelling} onClose={() => setCancelling(null)} /> : null}
      <Title order={2} size="h4" id="call-offs-title">
        {t('catalogue.callOffs.title')}
      </Title>
      <ErrorAlert error={callOffs.error ?? totals.error} />
      {totals.data && totals.data.byCommune.length > 0 ? (
        <Grid>
          {(['byCommune', 'byLot', 'byVendor'] as const).map((key) => (
            <Grid.Col key={key} span={{ base: 12, md: 4 }}>
              <Paper withBorder p="sm">
                <Title order={3} size="h6" mb={4}>
                  {t(`catalogue.callOffs.${key}`)}
                </Title>
                <Table>
                  <Table.Tbody>
                    {totals.data![key].map((row) => (
                      <Table.Tr key={row.key}>
                        <Table.Td>{row.label}</Table.Td>
                        <Table.Td ta="right">{formatEuro(row.amount, language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </Grid.Col>
          ))}
        </Grid>
      ) : null}
      {callOffs.data?.length === 0 ? <Text c="dimmed">{t('catalogue.callOffs.none')}</Text> : null}
      {callOffs.data && callOffs.data.length > 0 ? (
        <Table.ScrollContainer minWidth={820}>
          <Table striped data-testid="call-offs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogue.callOffs.date')}</Table.Th>
                <Table.Th>{t('catalogue.callOffs.commune')}</Table.Th>
                <Table.Th>{t('catalogue.callOffs.solution')}</Table.Th>
                <Table.Th>{t('catalogue.agreements.lot')}</Table.Th>
                <Table.Th>{t('catalogue.agreements.vendor')}</Table.Th>
                <Table.Th ta="right">{t('catalogue.order.quantity')}</Table.Th>
                <Table.Th ta="right">{t('catalogue.order.amount')}</Table.Th>
                <Table.Th>{t('catalogue.callOffs.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {callOffs.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDateTime(c.orderedAt, language)}</Table.Td>
                  <Table.Td>{c.communeName}</Table.Td>
                  <Table.Td>
                    {c.solutionName}
                    {c.note ? (
                      <Text size="xs" c="dimmed">
                        {c.note}
                      </Text>
                    ) : null}
                    {c.amountReason ? (
                      <Text size="xs" c="dimmed">
                        {t('catalogue.callOffs.amountReason', { reason: c.amountReason })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {c.agreementReference} / {c.lotNumber}
                  </Table.Td>
                  <Table.Td>{c.vendor ?? '—'}</Table.Td>
                  <Table.Td ta="right">{formatNumber(c.quantity, language)}</Table.Td>
                  <Table.Td ta="right" td={c.cancelledAt ? 'line-through' : undefined}>
                    {formatEuro(c.amount, language)}
                  </Table.Td>
                  <Table.Td>
                    {c.cancelledAt ? (
                      <Text size="sm" title={c.cancellationReason ?? ''}>
                        {t('catalogue.callOffs.cancelledOn', { date: formatDateTime(c.cancelledAt, language) })}
                        {c.cancellationReason ? ` — ${c.cancellationReason}` : ''}
                      </Text>
                    ) : mayCancel(c) ? (
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        onClick={() => setCancelling(c)}
                        aria-label={t('catalogue.callOffs.cancelOf', { name: c.solutionName, commune: c.communeName })}
                      >
                        {t('catalogue.callOffs.cancel')}
                      </Button>
                    ) : (
                      <Text size="sm">{t('catalogue.callOffs.active')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

/** Why the call-off is cancelled; once cancelled it no longer counts against the ceilings. */
function CancelCallOffModal({ callOff, onClose }: { callOff: CallOff; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cancel = useCancelCallOff();
  const [reason, setReason] = useState('');
  return (
    <AppModal opened onClose={onClose} title={t('catalogue.callOffs.cancelTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          cancel.mutate(
            { id: callOff.id, reason },
            {
              onSuccess: () => {
                notify(t('catalogue.callOffs.cancelled'));
                onClose();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t('catalogue.callOffs.cancelWhat', {
              name: callOff.solutionName,
              commune: callOff.communeName,
              amount: formatEuro(callOff.amount, language),
            })}
          </Text>
          <Textarea
            label={t('catalogue.callOffs.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
          />
          <ErrorAlert error={cancel.error} />
          <Button type="submit" color="red" loading={cancel.isPending}>
            {t('catalogue.callOffs.confirmCancel')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}
