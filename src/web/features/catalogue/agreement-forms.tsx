import { Button, MultiSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement, Lot } from '../../../domain/catalogue/agreements.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useCreateAgreement, useCreateLot, useSolutions, useUpdateAgreement, useUpdateLot } from './api.ts';

/**
 * Agency staff add a framework agreement (reference, title, period, overall ceiling), or change one after creation
 * (its reference stays; the server refuses a ceiling below what was ordered and a period leaving out a call-off).
 */
export function AgreementFormModal(props: { onClose(): void; agreement?: Agreement }) {
  const { t } = useTranslation();
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const editing = props.agreement;
  const mutation = editing ? update : create;
  const year = new Date().getFullYear();
  const [form, setForm] = useState({
    reference: editing?.reference ?? '',
    title: editing?.title ?? '',
    description: editing?.description ?? '',
    startDate: editing?.startDate ?? `${year}-01-01`,
    endDate: editing?.endDate ?? `${year + 3}-12-31`,
    ceiling: (editing ? (editing.consumption.ceiling ?? '') : '') as number | string,
  });
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ceiling = form.ceiling === '' ? null : Number(form.ceiling);
    if (editing) {
      const { reference: _reference, ...patch } = form;
      update.mutate(
        { id: editing.id, patch: { ...patch, ceiling } },
        {
          onSuccess: (a) => {
            notify(t('catalogue.agreements.updated', { reference: a.reference }));
            props.onClose();
          },
        },
      );
      return;
    }
    create.mutate(
      { ...form, ceiling },
      {
        onSuccess: (a) => {
          notify(t('catalogue.agreements.created', { reference: a.reference }));
          props.onClose();
        },
      },
    );
  };
  return (
    <AppModal
      opened
      onClose={props.onClose}
      title={
        editing ? t('catalogue.agreements.editTitle', { reference: editing.reference }) : t('catalogue.agreements.new')
      }
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('catalogue.agreements.reference')}
              value={form.reference}
              onChange={(e) => set('reference', e.currentTarget.value)}
              required
              disabled={Boolean(editing)}
            />
            <TextInput
              label={t('catalogue.agreements.titleField')}
              value={form.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              required
            />
            <DateField
              label={t('catalogue.agreements.start')}
              value={form.startDate}
              onChange={(value) => set('startDate', value)}
              required
            />
            <DateField
              label={t('catalogue.agreements.end')}
              value={form.endDate}
              onChange={(value) => set('endDate', value)}
              required
            />
            <NumberInput
              label={t('catalogue.agreements.ceiling')}
              min={0}
              value={form.ceiling}
              onChange={(v) => set('ceiling', v)}
            />
          </SimpleGrid>
          <Textarea
            label={t('catalogue.edit.description')}
            value={form.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            autosize
          />
          <ErrorAlert error={mutation.error} />
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Agency staff add a lot: number, title, awarded vendor, ceiling, the solutions it offers. */
export function LotFormModal(props: { agreementId: string; nextNumber: number; lot?: Lot; onClose(): void }) {
  const { t } = useTranslation();
  const create = useCreateLot();
  const update = useUpdateLot();
  const solutions = useSolutions();
  const [form, setForm] = useState({
    number: (props.lot?.number ?? props.nextNumber) as number | string,
    title: props.lot?.title ?? '',
    vendor: props.lot?.vendor ?? '',
    ceiling: (props.lot?.consumption.ceiling ?? '') as number | string,
    solutionIds: props.lot?.solutions.map((s) => s.solutionId) ?? ([] as string[]),
  });
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const lot = {
      number: Number(form.number),
      title: form.title,
      vendor: form.vendor || null,
      ceiling: Number(form.ceiling),
      solutions: form.solutionIds.map((solutionId) => ({
        solutionId,
        unitPrice: props.lot?.solutions.find((s) => s.solutionId === solutionId)?.unitPrice ?? null,
      })),
    };
    const onSuccess = () => {
      notify(t(props.lot ? 'catalogue.agreements.lotSaved' : 'catalogue.agreements.lotCreated'));
      props.onClose();
    };
    if (props.lot) update.mutate({ lotId: props.lot.id, lot }, { onSuccess });
    else create.mutate({ agreementId: props.agreementId, lot }, { onSuccess });
  };
  return (
    <AppModal
      opened
      onClose={props.onClose}
      title={props.lot ? t('catalogue.agreements.editLot') : t('catalogue.agreements.newLot')}
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('catalogue.agreements.number')}
              min={1}
              value={form.number}
              onChange={(v) => set('number', v)}
              required
            />
            <TextInput
              label={t('catalogue.agreements.titleField')}
              value={form.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('catalogue.agreements.awardedVendor')}
              value={form.vendor}
              onChange={(e) => set('vendor', e.currentTarget.value)}
            />
            <NumberInput
              label={t('catalogue.agreements.ceiling')}
              min={0}
              value={form.ceiling}
              onChange={(v) => set('ceiling', v)}
              required
            />
          </SimpleGrid>
          <MultiSelect
            label={t('catalogue.agreements.solutions')}
            data={(solutions.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.vendor})` }))}
            value={form.solutionIds}
            onChange={(v) => set('solutionIds', v)}
            searchable
          />
          <ErrorAlert error={create.error ?? update.error} />
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}
