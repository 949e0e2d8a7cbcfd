import { ActionIcon, Anchor, Button, FileInput, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_MIME_TYPES, DocumentInput, MAX_DOCUMENT_BYTES } from '../../../domain/implementation/follow-up.ts';
import type { ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';
import { formatDate, formatNumber } from '../../../domain/shared/format.ts';
import { InlineAddForm } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { documentUrl, useAddDocument, useDeleteDocument } from './api.ts';
import { editable, Section } from './follow-up-section.tsx';

type Document = ProjectFollowUp['documents'][number];

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function DocumentLine(props: { document: Document; onRemove?: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const d = props.document;
  return (
    <Group gap="xs" justify="space-between">
      <Text size="sm">
        <Anchor
          href={d.kind === 'link' ? (d.url ?? '#') : documentUrl(d.id)}
          target={d.kind === 'link' ? '_blank' : undefined}
          rel="noopener noreferrer"
        >
          {d.name}
        </Anchor>{' '}
        <Text span size="xs" c="dimmed">
          {d.kind === 'file'
            ? t('implementation.documents.fileInfo', {
                size: formatNumber((d.sizeBytes ?? 0) / 1024, language, 0),
                date: formatDate(d.createdAt, language),
              })
            : t('implementation.documents.linkInfo', { date: formatDate(d.createdAt, language) })}
        </Text>
      </Text>
      {props.onRemove ? (
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('implementation.documents.deleteOf', { name: d.name })}
          onClick={props.onRemove}
        >
          ×
        </ActionIcon>
      ) : null}
    </Group>
  );
}

function LinkForm({ add }: { add: ReturnType<typeof useAddDocument> }) {
  const { t } = useTranslation();
  const { form, submit } = useSchemaForm({
    schema: DocumentInput,
    initialValues: { name: '', url: '' },
    toInput: (v) => ({ kind: 'link' as const, name: v.name, url: v.url }),
  });
  const onSubmit = submit((input, callbacks) => add.mutate(input, { ...callbacks, onSuccess: () => form.reset() }));
  return (
    <InlineAddForm errors={form.errors} onSubmit={onSubmit} label={t('implementation.documents.addLink')} mt="xs">
      <TextInput label={t('implementation.documents.name')} required {...form.getInputProps('name')} />
      <TextInput label={t('implementation.documents.url')} type="url" required {...form.getInputProps('url')} />
    </InlineAddForm>
  );
}

/** A file of at most 512 KiB, said too large before it is sent. */
function FileUpload({ add }: { add: ReturnType<typeof useAddDocument> }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const tooBig = Boolean(file && file.size > MAX_DOCUMENT_BYTES);
  const upload = async () => {
    if (!file) return;
    const contentBase64 = await readBase64(file);
    const mimeType = file.type as (typeof DOCUMENT_MIME_TYPES)[number];
    add.mutate({ kind: 'file', name: file.name, mimeType, contentBase64 }, { onSuccess: () => setFile(null) });
  };
  return (
    <Stack gap="xs">
      {tooBig ? (
        <Text c="red.9" size="sm">
          {t('implementation.documents.tooBig')}
        </Text>
      ) : null}
      <Group align="flex-end" gap="xs">
        <FileInput
          label={t('implementation.documents.file')}
          value={file}
          onChange={setFile}
          accept={DOCUMENT_MIME_TYPES.join(',')}
          clearable
          w={240}
        />
        <Button variant="default" disabled={!file || tooBig} loading={add.isPending} onClick={upload}>
          {t('implementation.documents.upload')}
        </Button>
      </Group>
    </Stack>
  );
}

export function DocumentsSection({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const add = useAddDocument(state.id);
  const remove = useDeleteDocument(state.id);
  return (
    <Section
      id="documents-heading"
      title={t('implementation.documents.title')}
      help={t('implementation.documents.help')}
    >
      {state.documents.length === 0 ? <Text size="sm">{t('implementation.documents.empty')}</Text> : null}
      <Stack gap={4}>
        {state.documents.map((d) => (
          <DocumentLine key={d.id} document={d} onRemove={editable(state) ? () => remove.mutate(d.id) : undefined} />
        ))}
      </Stack>
      <ErrorAlert error={add.error ?? remove.error} />
      {editable(state) ? (
        <Grid gap="md" mt="sm">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <LinkForm add={add} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <FileUpload add={add} />
          </Grid.Col>
        </Grid>
      ) : null}
    </Section>
  );
}
