import { Badge, Checkbox, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FUNDING_KINDS, FundingLine, LEVELS, Risk } from '../../../domain/implementation/follow-up.ts';
import type { ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';
import { InlineAddForm } from '../../components/editor-modal.tsx';
import { numberOf, textOrNull, useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { editable, RemovableLine } from './follow-up-section.tsx';
import { euros } from './labels.tsx';

type Props<T> = { state: ProjectFollowUp; onSave: (lines: T[]) => void };

function FundingForm({ state, onSave }: Props<FundingLine>) {
  const { t } = useTranslation();
  const { form, submit } = useSchemaForm({
    schema: FundingLine,
    initialValues: { kind: 'own' as FundingLine['kind'], label: '', amount: '' as number | string, secured: false },
    toInput: (v) => ({ kind: v.kind, label: textOrNull(v.label), amount: numberOf(v.amount), secured: v.secured }),
  });
  const onSubmit = submit((line) => {
    onSave([...state.funding, line]);
    form.reset();
  });
  return (
    <InlineAddForm errors={form.errors} onSubmit={onSubmit} label={t('implementation.funding.add')} mt="xs">
      <Select
        label={t('implementation.funding.kind')}
        data={FUNDING_KINDS.map((k) => ({ value: k, label: t(`implementation.funding.kinds.${k}`) }))}
        allowDeselect={false}
        w={170}
        {...form.getInputProps('kind')}
      />
      <TextInput label={t('implementation.funding.label')} w={170} {...form.getInputProps('label')} />
      <NumberInput
        label={t('implementation.funding.amount')}
        min={0}
        thousandSeparator=" "
        w={130}
        required
        {...form.getInputProps('amount')}
      />
      <Checkbox
        label={t('implementation.funding.secured')}
        mb={8}
        {...form.getInputProps('secured', { type: 'checkbox' })}
      />
    </InlineAddForm>
  );
}

/** The project's funding sources: own funds, regional calls, European funds…, secured or requested. */
export function FundingList({ state, onSave }: Props<FundingLine>) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <Title order={3} size="h5" mb="xs">
        {t('implementation.funding.title')}
      </Title>
      {state.funding.length === 0 ? <Text size="sm">{t('implementation.funding.empty')}</Text> : null}
      <Stack gap={4}>
        {state.funding.map((f, i) => (
          <RemovableLine
            key={JSON.stringify(f)}
            onRemove={editable(state) ? () => onSave(state.funding.filter((_, j) => j !== i)) : undefined}
          >
            {t(`implementation.funding.kinds.${f.kind}`)}
            {f.label ? ` — ${f.label}` : ''} : {euros(f.amount, language)}{' '}
            <Badge size="xs" variant="light" color={f.secured ? 'green' : 'gray'}>
              {t(f.secured ? 'implementation.funding.secured' : 'implementation.funding.requested')}
            </Badge>
          </RemovableLine>
        ))}
      </Stack>
      {editable(state) ? <FundingForm state={state} onSave={onSave} /> : null}
    </>
  );
}

function RiskForm({ state, onSave }: Props<Risk>) {
  const { t } = useTranslation();
  const { form, submit } = useSchemaForm({
    schema: Risk,
    initialValues: {
      description: '',
      likelihood: 'medium' as Risk['likelihood'],
      impact: 'medium' as Risk['impact'],
      mitigation: '',
    },
    toInput: (v) => ({ ...v, mitigation: textOrNull(v.mitigation) }),
  });
  const onSubmit = submit((risk) => {
    onSave([...state.risks, risk]);
    form.reset();
  });
  return (
    <Stack gap="xs" mt="xs">
      <InlineAddForm errors={form.errors} onSubmit={onSubmit} label={t('implementation.risks.add')} mt="xs">
        <TextInput
          label={t('implementation.risks.description')}
          required
          w="100%"
          {...form.getInputProps('description')}
        />
        {(['likelihood', 'impact'] as const).map((k) => (
          <Select
            key={k}
            label={t(`implementation.risks.${k}`)}
            data={LEVELS.map((l) => ({
              value: l,
              // « Probabilité : moyenne », « Impact : moyen »: the word agrees with its noun.
              label: t(k === 'likelihood' ? `implementation.likelihoodLevels.${l}` : `implementation.levels.${l}`),
            }))}
            allowDeselect={false}
            w={130}
            {...form.getInputProps(k)}
          />
        ))}
        <TextInput label={t('implementation.risks.mitigation')} {...form.getInputProps('mitigation')} />
      </InlineAddForm>
    </Stack>
  );
}

/** The project's risks: likelihood, impact and what is done about them. */
export function RiskList({ state, onSave }: Props<Risk>) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={3} size="h5" mb="xs">
        {t('implementation.risks.title')}
      </Title>
      {state.risks.length === 0 ? <Text size="sm">{t('implementation.risks.empty')}</Text> : null}
      <Stack gap={4}>
        {state.risks.map((r, i) => (
          <RemovableLine
            key={JSON.stringify(r)}
            onRemove={editable(state) ? () => onSave(state.risks.filter((_, j) => j !== i)) : undefined}
          >
            {r.description} ({t('implementation.risks.likelihood')} :{' '}
            {t(`implementation.likelihoodLevels.${r.likelihood}`)}, {t('implementation.risks.impact')} :{' '}
            {t(`implementation.levels.${r.impact}`)}){r.mitigation ? ` — ${r.mitigation}` : ''}
          </RemovableLine>
        ))}
      </Stack>
      {editable(state) ? <RiskForm state={state} onSave={onSave} /> : null}
    </>
  );
}
