import { Checkbox, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ThresholdKey, ThresholdTable } from '../../../domain/implementation/thresholds.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { useLanguage } from '../../lib/use-language.ts';

export const THRESHOLD_KEYS: ThresholdKey[] = [
  'lowValue',
  'negotiatedWithoutPublication',
  'negotiatedDirectWithPublicationWorks',
  'euSuppliesServicesCentral',
  'euSuppliesServicesSubCentral',
  'euWorks',
];

export type DraftPeriod = { key: string; period: ThresholdTable[number] };

/** A new period after the last one: the same figures, two years later, every figure marked "to check". */
export function nextPeriod(last: ThresholdTable[number], note: string): ThresholdTable[number] {
  const from = Number(last.validTo.slice(0, 4)) + 1;
  const evidence = Object.fromEntries(
    Object.entries(last.evidence).map(([k, e]) => [k, { ...e, verified: false, note }]),
  ) as ThresholdTable[number]['evidence'];
  return { ...last, validFrom: `${from}-01-01`, validTo: `${from + 1}-12-31`, source: '', evidence };
}

/** The table as the API takes it: empty "checked against" lines dropped, an empty note left out. */
export function cleanPeriod(p: ThresholdTable[number]): ThresholdTable[number] {
  const evidence = Object.fromEntries(
    Object.entries(p.evidence).map(([k, e]) => {
      const { note, ...rest } = e;
      const checkedAgainst = e.checkedAgainst.map((u) => u.trim()).filter(Boolean);
      return [k, note?.trim() ? { ...rest, checkedAgainst, note: note.trim() } : { ...rest, checkedAgainst }];
    }),
  ) as ThresholdTable[number]['evidence'];
  return { ...p, evidence };
}

/** Where each figure of a period comes from: legal basis, documents checked, whether it was verified, what to check. */
export function EvidenceEditor(props: {
  period: ThresholdTable[number];
  onChange: (update: (p: ThresholdTable[number]) => ThresholdTable[number]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const period = formatDate(props.period.validFrom, language);
  const set = (figure: ThresholdKey, patch: Partial<ThresholdTable[number]['evidence'][ThresholdKey]>) =>
    props.onChange((q) => ({ ...q, evidence: { ...q.evidence, [figure]: { ...q.evidence[figure], ...patch } } }));
  return (
    <Stack gap="md">
      {THRESHOLD_KEYS.map((figure) => {
        const e = props.period.evidence[figure];
        const name = `${t(`implementation.thresholds.keys.${figure}`)} — ${period}`;
        return (
          <Paper key={figure} withBorder p="sm">
            <Text fw={600} size="sm" mb={4}>
              {t(`implementation.thresholds.keys.${figure}`)}
            </Text>
            <Stack gap={6}>
              <TextInput
                label={t('implementation.thresholds.legalBasis')}
                aria-label={t('implementation.thresholds.legalBasisOf', { name })}
                value={e.legalBasis}
                onChange={(ev) => set(figure, { legalBasis: ev.currentTarget.value })}
                required
              />
              <Textarea
                label={t('implementation.thresholds.checkedAgainst')}
                aria-label={t('implementation.thresholds.checkedAgainstOf', { name })}
                description={t('implementation.thresholds.checkedAgainstHelp')}
                value={e.checkedAgainst.join('\n')}
                onChange={(ev) => set(figure, { checkedAgainst: ev.currentTarget.value.split('\n') })}
                autosize
                minRows={1}
              />
              <Checkbox
                label={t('implementation.thresholds.verified')}
                aria-label={t('implementation.thresholds.verifiedOf', { name })}
                checked={e.verified}
                onChange={(ev) => set(figure, { verified: ev.currentTarget.checked })}
              />
              <TextInput
                label={t('implementation.thresholds.note')}
                aria-label={t('implementation.thresholds.noteOf', { name })}
                description={e.verified ? undefined : t('implementation.thresholds.noteRequired')}
                value={e.note ?? ''}
                onChange={(ev) => set(figure, { note: ev.currentTarget.value })}
                required={!e.verified}
              />
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
