import { MultiSelect, NumberInput, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type Agreement,
  AgreementInput,
  AgreementUpdateInput,
  type Lot,
  LotInput,
} from '../../../domain/catalogue/agreements.ts';
import { DateField } from '../../components/date-field.tsx';
import { EditorModal, useEditorForm } from '../../components/editor-modal.tsx';
import { notify } from '../../lib/notify.ts';
import { useCreateAgreement, useCreateLot, useSolutions, useUpdateAgreement, useUpdateLot } from './api.ts';

type AgreementValues = {
  reference: string;
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  ceiling: number | string;
};

const amountOrNull = (value: number | string) => (value === '' ? null : Number(value));

function agreementPatch(values: AgreementValues): AgreementUpdateInput {
  const { reference: _reference, ...patch } = values;
  return { ...patch, ceiling: amountOrNull(values.ceiling) };
}

/**
 * Agency staff add a framework agreement (reference, title, period, overall ceiling), or change one after creation
 * (its reference stays; the server refuses a ceiling below what was ordered and a period leaving out a call-off).
 */
export function AgreementFormModal(props: { onClose(): void; agreement?: Agreement }) {
  const { t } = useTranslation();
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const editing = props.agreement;
  const year = new Date().getFullYear();
  const form = useEditorForm<AgreementValues>({
    initialValues: {
      reference: editing?.reference ?? '',
      title: editing?.title ?? '',
      description: editing?.description ?? '',
      startDate: editing?.startDate ?? `${year}-01-01`,
      endDate: editing?.endDate ?? `${year + 3}-12-31`,
      ceiling: editing ? (editing.consumption.ceiling ?? '') : '',
    },
    schema: editing ? AgreementUpdateInput : AgreementInput,
    toInput: (values) => (editing ? agreementPatch(values) : { ...values, ceiling: amountOrNull(values.ceiling) }),
  });
  const done = (key: string) => (a: Agreement) => {
    notify(t(key, { reference: a.reference }));
    props.onClose();
  };
  return (
    <EditorModal
      form={form}
      mutation={editing ? update : create}
      onClose={props.onClose}
      title={
        editing ? t('catalogue.agreements.editTitle', { reference: editing.reference }) : t('catalogue.agreements.new')
      }
      size="lg"
      onSubmit={(values) =>
        editing
          ? update.mutate(
              { id: editing.id, patch: agreementPatch(values) },
              { onSuccess: done('catalogue.agreements.updated') },
            )
          : create.mutate(
              { ...values, ceiling: amountOrNull(values.ceiling) },
              { onSuccess: done('catalogue.agreements.created') },
            )
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('catalogue.agreements.reference')}
          required
          disabled={Boolean(editing)}
          {...form.getInputProps('reference')}
        />
        <TextInput label={t('catalogue.agreements.titleField')} required {...form.getInputProps('title')} />
        <DateField label={t('catalogue.agreements.start')} required {...form.getInputProps('startDate')} />
        <DateField label={t('catalogue.agreements.end')} required {...form.getInputProps('endDate')} />
        <NumberInput label={t('catalogue.agreements.ceiling')} min={0} {...form.getInputProps('ceiling')} />
      </SimpleGrid>
      <Textarea label={t('catalogue.edit.description')} autosize {...form.getInputProps('description')} />
    </EditorModal>
  );
}

type LotValues = {
  number: number | string;
  title: string;
  vendor: string;
  ceiling: number | string;
  solutionIds: string[];
};

/** Agency staff add a lot: number, title, awarded vendor, ceiling, the solutions it offers. */
export function LotFormModal(props: { agreementId: string; nextNumber: number; lot?: Lot; onClose(): void }) {
  const { t } = useTranslation();
  const create = useCreateLot();
  const update = useUpdateLot();
  const solutions = useSolutions();
  const toInput = (values: LotValues) => ({
    number: Number(values.number),
    title: values.title,
    vendor: values.vendor || null,
    ceiling: Number(values.ceiling),
    solutions: values.solutionIds.map((solutionId) => ({
      solutionId,
      unitPrice: props.lot?.solutions.find((s) => s.solutionId === solutionId)?.unitPrice ?? null,
    })),
  });
  const form = useEditorForm<LotValues>({
    initialValues: {
      number: props.lot?.number ?? props.nextNumber,
      title: props.lot?.title ?? '',
      vendor: props.lot?.vendor ?? '',
      ceiling: props.lot?.consumption.ceiling ?? '',
      solutionIds: props.lot?.solutions.map((s) => s.solutionId) ?? [],
    },
    schema: LotInput,
    toInput,
  });
  const onSuccess = () => {
    notify(t(props.lot ? 'catalogue.agreements.lotSaved' : 'catalogue.agreements.lotCreated'));
    props.onClose();
  };
  return (
    <EditorModal
      form={form}
      mutation={props.lot ? update : create}
      onClose={props.onClose}
      title={props.lot ? t('catalogue.agreements.editLot') : t('catalogue.agreements.newLot')}
      size="lg"
      onSubmit={(values) =>
        props.lot
          ? update.mutate({ lotId: props.lot.id, lot: toInput(values) }, { onSuccess })
          : create.mutate({ agreementId: props.agreementId, lot: toInput(values) }, { onSuccess })
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('catalogue.agreements.number')} min={1} required {...form.getInputProps('number')} />
        <TextInput label={t('catalogue.agreements.titleField')} required {...form.getInputProps('title')} />
        <TextInput label={t('catalogue.agreements.awardedVendor')} {...form.getInputProps('vendor')} />
        <NumberInput label={t('catalogue.agreements.ceiling')} min={0} required {...form.getInputProps('ceiling')} />
      </SimpleGrid>
      <MultiSelect
        label={t('catalogue.agreements.solutions')}
        data={(solutions.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.vendor})` }))}
        searchable
        {...form.getInputProps('solutionIds')}
      />
    </EditorModal>
  );
}
