import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GuideCreateInput, type GuideVersion } from '../../../domain/diagnostic/guides.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { EditorModal } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useGuideChanges, useGuideMutations } from './api.ts';

/** Before publishing: what changed from the previous version, and that a published version never changes. */
export function PublishModal({
  guideKey,
  version,
  onClose,
  onConfirm,
  pending,
}: {
  guideKey: string;
  version: number;
  onClose(): void;
  onConfirm(): void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const changes = useGuideChanges(guideKey, version, true);
  return (
    <AppModal opened onClose={onClose} title={t('diagnostic.guide.publishTitle', { version })} size="lg">
      <Stack>
        <Alert color="orange">{t('diagnostic.guide.publishWarning')}</Alert>
        <ErrorAlert error={changes.error} />
        {changes.data ? (
          <Stack gap={2}>
            <Text fw={600}>{t('diagnostic.guide.changes', { count: changes.data.changes.length })}</Text>
            {changes.data.changes.slice(0, 30).map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: changes have no identity of their own
              <Text size="sm" key={i}>
                • {t(`diagnostic.guide.change.${c.kind}`)}{' '}
                {'questionKey' in c ? `(${c.questionKey})` : 'factorKey' in c ? `(${c.factorKey})` : ''}
              </Text>
            ))}
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={pending}>
            {t('diagnostic.guide.publish')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** A new guide: its key and title; version 1 starts as a draft copy of the reference guide. */
export function NewGuideModal({ onClose, onCreated }: { onClose(): void; onCreated(created: GuideVersion): void }) {
  const { t } = useTranslation();
  const { create } = useGuideMutations();
  const { form, submit } = useSchemaForm({
    schema: GuideCreateInput,
    initialValues: { key: '', title: '' },
    toInput: (values) => ({ key: values.key.trim(), title: values.title.trim() }),
  });
  return (
    <EditorModal
      title={t('diagnostic.guide.newGuideTitle')}
      onClose={onClose}
      errors={form.errors}
      onSubmit={submit((input, callbacks) => create.mutate(input, { ...callbacks, onSuccess: onCreated }))}
      pending={create.isPending}
      error={create.error}
      submitLabel={t('diagnostic.guide.newGuideCreate')}
    >
      <Text size="sm">{t('diagnostic.guide.newGuideIntro')}</Text>
      <TextInput
        label={t('diagnostic.guide.newGuideKey')}
        description={t('diagnostic.guide.newGuideKeyHelp')}
        required
        data-autofocus
        {...form.getInputProps('key')}
      />
      <TextInput label={t('diagnostic.guide.titleLabel')} required {...form.getInputProps('title')} />
    </EditorModal>
  );
}
