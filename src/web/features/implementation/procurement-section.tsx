import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';
import { ProcurementNature, type ProcurementProcedure } from '../../../domain/implementation/procurement.ts';
import { type ProcurementStep, stepsFor } from '../../../domain/implementation/procurement-file.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { fetchProcedureAdvice, ocdsUrl, useCommuneCallOffs, useFrameworkOffers, useSaveProcurement } from './api.ts';
import { euros, stepLabel } from './labels.tsx';

type StepDates = Record<string, { plannedDate: string; actualDate: string }>;

/**
 * The procurement file: nature, estimate and launch date give the procedures the Belgian thresholds allow on that
 * date, with their reasons; the chosen one sets the steps, dated as they happen; then the vendor and the award.
 */
export function ProcurementSection({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const file = state.procurement;
  const canEdit = state.permissions.procurement && state.started;
  const save = useSaveProcurement(state.id);
  const [nature, setNature] = useState<string>(file?.nature ?? 'supplies');
  const [amount, setAmount] = useState<number | string>(file?.estimatedAmountExclVat ?? '');
  const [launchDate, setLaunchDate] = useState(file?.launchDate ?? state.today);
  // "solutionId/lotId" of a listed solution in a lot of the agency's framework agreement, or '' for none.
  const [framework, setFramework] = useState(
    file?.framework ? `${file.framework.solutionId}/${file.framework.lotId}` : '',
  );
  const offers = useFrameworkOffers(canEdit);
  const [frameworkSolutionId, frameworkLotId] = framework ? framework.split('/') : [];
  const [callOffId, setCallOffId] = useState<string | null>(file?.framework?.callOffId ?? null);
  const frameworkChoice =
    frameworkSolutionId && frameworkLotId
      ? { solutionId: frameworkSolutionId, lotId: frameworkLotId, callOffId }
      : null;
  const callOffs = useCommuneCallOffs(state.communeNis, canEdit && frameworkChoice !== null);
  const callOffOptions = (callOffs.data ?? [])
    .filter((c) => c.solutionId === frameworkSolutionId && c.lotId === frameworkLotId)
    .map((c) => ({
      value: c.id,
      label: t('implementation.procurement.callOffOption', {
        date: formatDate(c.orderedAt.slice(0, 10), language),
        quantity: c.quantity,
        amount: euros(c.amount, language),
      }),
    }));
  const [reference, setReference] = useState(file?.reference ?? '');
  const [procedure, setProcedure] = useState<string | null>(file?.procedure ?? null);
  const [advice, setAdvice] = useState<Awaited<ReturnType<typeof fetchProcedureAdvice>> | null>(null);
  const [adviceError, setAdviceError] = useState<ApiError | null>(null);
  const [dates, setDates] = useState<StepDates>(() =>
    Object.fromEntries(
      (file?.steps ?? []).map((s) => [s.step, { plannedDate: s.plannedDate ?? '', actualDate: s.actualDate ?? '' }]),
    ),
  );
  const [vendorName, setVendorName] = useState(file?.vendorName ?? '');
  const [vendorNumber, setVendorNumber] = useState(file?.vendorEnterpriseNumber ?? '');
  const [award, setAward] = useState<number | string>(file?.awardAmountExclVat ?? '');
  const steps: readonly ProcurementStep[] = procedure ? stepsFor(procedure as ProcurementProcedure) : [];
  // A step is done today at the latest: said here before the server refuses it (and OCDS would publish it).
  const doneInFuture = steps.find((step) => (dates[step]?.actualDate ?? '') > state.today);

  const propose = async () => {
    setAdviceError(null);
    try {
      setAdvice(
        await fetchProcedureAdvice(state.id, {
          nature: nature as ProcurementNature,
          estimatedAmountExclVat: Number(amount || 0),
          launchDate,
          ...(frameworkChoice
            ? { frameworkSolutionId: frameworkChoice.solutionId, frameworkLotId: frameworkChoice.lotId }
            : {}),
        }),
      );
    } catch (error) {
      setAdviceError(error as ApiError);
    }
  };

  const submit = () =>
    save.mutate(
      {
        nature: nature as ProcurementNature,
        estimatedAmountExclVat: Number(amount || 0),
        launchDate,
        procedure: (procedure as ProcurementProcedure | null) ?? null,
        framework: frameworkChoice,
        reference: reference.trim() || null,
        steps: steps
          .map((step) => ({ step, ...dates[step] }))
          .filter((s) => s.plannedDate || s.actualDate)
          .map((s) => ({
            step: s.step,
            ...(s.plannedDate ? { plannedDate: s.plannedDate } : {}),
            ...(s.actualDate ? { actualDate: s.actualDate } : {}),
          })),
        vendorName: vendorName.trim() || null,
        vendorEnterpriseNumber: vendorNumber.trim() || null,
        awardAmountExclVat: award === '' ? null : Number(award),
      },
      { onSuccess: () => notify(t('implementation.procurement.saved')) },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="procurement-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="procurement-heading">
          {t('implementation.procurement.title')}
        </Title>
        {file?.procedure ? (
          <Anchor underline="always" href={ocdsUrl(state.id)} download size="sm">
            {t('implementation.procurement.ocds')}
          </Anchor>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('implementation.procurement.help')}
      </Text>
      {file ? (
        <Stack gap={4} mb="sm">
          <Text size="sm">
            {t('implementation.procurement.summary', {
              procedure: file.procedure ? t(`implementation.procedures.${file.procedure}`) : '—',
              amount: euros(file.estimatedAmountExclVat, language),
              date: formatDate(file.launchDate, language),
            })}
          </Text>
          {file.nextStep ? (
            <Text size="sm">
              {t('implementation.procurement.nextStep', { step: stepLabel(t, file.nextStep, file.procedure) })}
            </Text>
          ) : null}
          {file.frameworkLabel ? (
            <Text size="sm">{t('implementation.procurement.frameworkChosen', { label: file.frameworkLabel })}</Text>
          ) : null}
          {file.vendorName ? (
            <Text size="sm">
              {t('implementation.procurement.awarded', {
                vendor: file.vendorName,
                amount: file.awardAmountExclVat === null ? '—' : euros(file.awardAmountExclVat, language),
              })}
            </Text>
          ) : null}
          {file.validation.problems.map((p) => (
            <Text key={p.code + p.messageFr} size="sm" c={p.severity === 'error' ? 'red.9' : 'orange.9'}>
              {p.messageFr}
            </Text>
          ))}
        </Stack>
      ) : null}
      {canEdit ? (
        <Stack gap="sm">
          <Group align="flex-end" gap="xs">
            <Select
              label={t('implementation.procurement.nature')}
              data={ProcurementNature.options.map((n) => ({ value: n, label: t(`implementation.natures.${n}`) }))}
              value={nature}
              onChange={(v) => setNature(v ?? 'supplies')}
              allowDeselect={false}
              w={{ base: '100%', xs: 160 }}
            />
            <NumberInput
              label={t('implementation.procurement.amount')}
              value={amount}
              onChange={setAmount}
              min={0}
              thousandSeparator=" "
              w={{ base: '100%', xs: 200 }}
              required
            />
            <DateField
              label={t('implementation.procurement.launchDate')}
              value={launchDate}
              onChange={setLaunchDate}
              w={{ base: '100%', xs: 170 }}
              required
            />
            <Select
              label={t('implementation.procurement.framework')}
              description={t('implementation.procurement.frameworkHelp')}
              data={offers.data ?? []}
              value={framework || null}
              onChange={(value) => setFramework(value ?? '')}
              placeholder={t('implementation.procurement.frameworkNone')}
              nothingFoundMessage={t('implementation.procurement.frameworkEmpty')}
              searchable
              clearable
              w={{ base: '100%', sm: 360 }}
            />
            <Button variant="light" onClick={propose}>
              {t('implementation.procurement.propose')}
            </Button>
          </Group>
          <ErrorAlert error={adviceError} />
          {advice ? (
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
                value={procedure ?? ''}
                onChange={setProcedure}
              >
                <Stack gap="xs" mt="xs">
                  {advice.proposals.map((p) => (
                    <Paper key={p.procedure} withBorder p="xs" bg={p.allowed ? undefined : 'gray.0'}>
                      <Radio
                        value={p.procedure}
                        disabled={!p.allowed}
                        label={
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
                        }
                        description={`${p.reasonFr} (${p.legalBasis})`}
                      />
                    </Paper>
                  ))}
                </Stack>
              </Radio.Group>
            </Stack>
          ) : null}
          {procedure ? (
            <>
              <Text size="sm" fw={600}>
                {t('implementation.procurement.chosen', { procedure: t(`implementation.procedures.${procedure}`) })}
              </Text>
              <Table.ScrollContainer minWidth={520}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('implementation.procurement.step')}</Table.Th>
                      <Table.Th scope="col">{t('implementation.procurement.planned')}</Table.Th>
                      <Table.Th scope="col">{t('implementation.procurement.actual')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {steps.map((step) => {
                      const d = dates[step] ?? { plannedDate: '', actualDate: '' };
                      const label = stepLabel(t, step, procedure);
                      return (
                        <Table.Tr key={step}>
                          <Table.Td>{label}</Table.Td>
                          <Table.Td>
                            <DateField
                              aria-label={t('implementation.procurement.plannedOf', { step: label })}
                              value={d.plannedDate}
                              onChange={(plannedDate) => setDates({ ...dates, [step]: { ...d, plannedDate } })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <DateField
                              aria-label={t('implementation.procurement.actualOf', { step: label })}
                              value={d.actualDate}
                              maxDate={state.today}
                              onChange={(actualDate) => setDates({ ...dates, [step]: { ...d, actualDate } })}
                            />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {procedure === 'framework-call-off' && frameworkChoice ? (
                <Select
                  label={t('implementation.procurement.callOff')}
                  description={t('implementation.procurement.callOffHelp')}
                  data={callOffOptions}
                  value={callOffId}
                  onChange={setCallOffId}
                  nothingFoundMessage={t('implementation.procurement.callOffNone')}
                  placeholder={callOffOptions.length ? undefined : t('implementation.procurement.callOffNone')}
                  clearable
                  w={{ base: '100%', sm: 420 }}
                />
              ) : null}
              <Group align="flex-end" gap="xs">
                <TextInput
                  label={t('implementation.procurement.reference')}
                  value={reference}
                  onChange={(e) => setReference(e.currentTarget.value)}
                />
                <TextInput
                  label={t('implementation.procurement.vendor')}
                  value={vendorName}
                  onChange={(e) => setVendorName(e.currentTarget.value)}
                />
                <TextInput
                  label={t('implementation.procurement.vendorNumber')}
                  placeholder="0712.345.678"
                  value={vendorNumber}
                  onChange={(e) => setVendorNumber(e.currentTarget.value)}
                />
                <NumberInput
                  label={t('implementation.procurement.award')}
                  value={award}
                  onChange={setAward}
                  min={0}
                  thousandSeparator=" "
                  w={{ base: '100%', xs: 200 }}
                />
              </Group>
            </>
          ) : null}
          {doneInFuture ? (
            <Alert color="red" variant="light" role="alert">
              {t('implementation.procurement.doneInFuture', {
                step: stepLabel(t, doneInFuture, procedure),
                date: formatDate(dates[doneInFuture]!.actualDate, language),
                today: formatDate(state.today, language),
              })}
            </Alert>
          ) : null}
          <ErrorAlert error={save.error} />
          <Group>
            <Button onClick={submit} loading={save.isPending} disabled={amount === '' || doneInFuture !== undefined}>
              {t('implementation.procurement.save')}
            </Button>
          </Group>
        </Stack>
      ) : !file ? (
        <Text size="sm">{t('implementation.procurement.none')}</Text>
      ) : null}
    </Paper>
  );
}
