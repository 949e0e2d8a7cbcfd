import { Button, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guideText } from '../../../domain/diagnostic/guide-fr-v1-en.ts';
import { targetsContract as c } from '../../../domain/diagnostic/targets.contract.ts';
import { SheetGapsInput as Schema, type SheetGapsInput, type TargetsView } from '../../../domain/diagnostic/targets.ts';
import { formatDecimal } from '../../../domain/shared/format.ts';
import { HORIZON_KEYS } from '../../../domain/strategy/horizons.ts';
import { EditorModal } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { call, endpointKey, endpointQuery } from '../../lib/contract-client.ts';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';

const largest = (f: TargetsView['factors'][number]) => Math.max(...HORIZON_KEYS.map((h) => f.gaps[h] ?? 0));

function useSheetGaps(missionId: string, projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SheetGapsInput) => call(c.sheetGaps, { params: { id: missionId, projectId }, body }),
    onSuccess: (view) => client.setQueryData(endpointKey(c.view, { params: { id: missionId } }), view),
  });
}

function SheetGapsEditor(props: { view: TargetsView; projectId: string; linked: string[]; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useSheetGaps(props.view.missionId, props.projectId);
  const { form, submit } = useSchemaForm({
    schema: Schema,
    initialValues: { factorKeys: props.linked },
    toInput: (values) => ({ factorKeys: values.factorKeys }),
  });
  const options = props.view.factors
    .filter((f) => largest(f) > 0 || props.linked.includes(f.factorKey))
    .sort((a, b) => largest(b) - largest(a))
    .map((f) => ({
      value: f.factorKey,
      label: t('strategy.projects.gaps.option', {
        factor: guideText('factorLabel', f.factorKey, f.label, language),
        gap: formatDecimal(largest(f), language, 1),
      }),
    }));
  const onSubmit = submit((input, callbacks) =>
    save.mutate(input, {
      ...callbacks,
      onSuccess: () => {
        notify(t('strategy.projects.gaps.saved'));
        props.onClose();
      },
    }),
  );
  return (
    <EditorModal
      title={t('strategy.projects.gaps.editTitle')}
      onClose={props.onClose}
      errors={form.errors}
      onSubmit={onSubmit}
      pending={save.isPending}
      error={save.error}
    >
      <MultiSelect
        label={t('strategy.projects.gaps.field')}
        description={t('strategy.projects.gaps.fieldHelp')}
        data={options}
        searchable
        clearable
        data-autofocus
        nothingFoundMessage={t('common.nothingFound')}
        {...form.getInputProps('factorKeys')}
      />
    </EditorModal>
  );
}

/** « Écarts que comble cette fiche »: the factors whose gap (decision 160) the sheet says it closes. */
export function SheetGaps({ missionId, projectId }: { missionId: string; projectId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const targets = useQuery(endpointQuery(c.view, { params: { id: missionId } }));
  const [editing, setEditing] = useState(false);
  if (targets.error) return <ErrorAlert error={targets.error} />;
  const view = targets.data;
  if (!view) return null;
  const linked = view.factors.filter((f) => f.closedBy.some((s) => s.projectId === projectId));
  return (
    <Stack gap={4} component="section" aria-labelledby="sheet-gaps-heading" data-testid="sheet-gaps">
      <Group justify="space-between">
        <Title order={3} size="h5" id="sheet-gaps-heading">
          {t('strategy.projects.gaps.title')}
        </Title>
        {view.permissions.linkSheets && view.targets.length > 0 ? (
          <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
            {t('strategy.projects.gaps.edit')}
          </Button>
        ) : null}
      </Group>
      {view.targets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('strategy.projects.gaps.noTargets')}
        </Text>
      ) : linked.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('strategy.projects.gaps.none')}
        </Text>
      ) : (
        <Text size="sm">
          {linked
            .map((f) => {
              const factor = guideText('factorLabel', f.factorKey, f.label, language);
              // With the gap still to close, as in the editor's list.
              return largest(f) > 0
                ? t('strategy.projects.gaps.option', { factor, gap: formatDecimal(largest(f), language, 1) })
                : factor;
            })
            .join(' ; ')}
        </Text>
      )}
      {editing ? (
        <SheetGapsEditor
          view={view}
          projectId={projectId}
          linked={linked.map((f) => f.factorKey)}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </Stack>
  );
}
