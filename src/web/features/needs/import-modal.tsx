import { Anchor, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEED_COLUMN_HEADERS_FR } from '../../../domain/needs/import-rows.ts';
import { ACCEPTED_VALUES_FR, type CodedColumn } from '../../../domain/needs/need-vocabulary.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { type ImportFile, useConfirmImport, usePreviewImport } from './api.ts';
import { ImportRowsTable, ImportSummary } from './import-preview.tsx';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Import needs from a CSV or XLSX file: the preview lists every row and each of its problems; nothing is written
 * until the user confirms, and then the valid rows are written together.
 */
export function ImportModal(props: { onClose(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<ImportFile | null>(null);
  const preview = usePreviewImport();
  const confirm = useConfirmImport();

  const choose = async (chosen: File | null) => {
    preview.reset();
    if (!chosen) return setFile(null);
    const next = { filename: chosen.name, contentBase64: await toBase64(chosen) };
    setFile(next);
    preview.mutate(next);
  };
  const done = (result: { created: number; updated: number; skipped: number }) => {
    notify(
      `${[
        t('needs.import.doneCreated', { count: result.created }),
        ...(result.updated ? [t('needs.import.doneUpdated', { count: result.updated })] : []),
        ...(result.skipped ? [t('needs.import.doneSkipped', { count: result.skipped })] : []),
      ].join(', ')}.`,
    );
    props.onClose();
  };

  return (
    <AppModal opened onClose={props.onClose} title={t('needs.import.title')} size="xl">
      <Stack>
        <Text size="sm">{t('needs.import.help')}</Text>
        <ImportHelp />
        <FileInput
          label={t('needs.import.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(f) => void choose(f)}
        />
        <ErrorAlert error={preview.error ?? confirm.error} />
        {preview.data ? (
          <>
            <ImportSummary preview={preview.data} />
            <ImportRowsTable rows={preview.data.rows} />
          </>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!file || !preview.data || preview.data.created + preview.data.updated === 0}
            loading={confirm.isPending}
            onClick={() => file && confirm.mutate(file, { onSuccess: done })}
          >
            {t('needs.import.confirm', { count: (preview.data?.created ?? 0) + (preview.data?.updated ?? 0) })}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** Where to find a template, and the values the coded columns accept. */
function ImportHelp() {
  const { t } = useTranslation();
  return (
    <>
      <Group gap="xs">
        <Text size="sm">{t('needs.import.template')}</Text>
        <Anchor href="/api/needs/template.xlsx" download size="sm" underline="always">
          {t('needs.import.templateXlsx')}
        </Anchor>
        <Text size="sm" aria-hidden="true">
          ·
        </Text>
        <Anchor href="/api/needs/template.csv" download size="sm" underline="always">
          {t('needs.import.templateCsv')}
        </Anchor>
      </Group>
      <details>
        <summary>
          <Text span size="sm">
            {t('needs.import.acceptedTitle')}
          </Text>
        </summary>
        <List size="sm" mt="xs">
          {(['category', 'dimensions', 'urgency', 'timeframe', 'source'] as CodedColumn[]).map((column) => (
            <List.Item key={column}>
              <strong>{NEED_COLUMN_HEADERS_FR[column]}</strong> : {ACCEPTED_VALUES_FR[column].join(', ')}
            </List.Item>
          ))}
        </List>
      </details>
    </>
  );
}
