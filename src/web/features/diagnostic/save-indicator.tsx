import { Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { useLanguage } from '../../lib/use-language.ts';
import type { SaveState } from './use-autosave.ts';

/** Where the saving stands: saved (and when), saving, offline with what waits, or the error. */
export function SaveIndicator({
  state,
  unsent,
  savedAt,
  error,
}: {
  state: SaveState;
  unsent: number;
  savedAt: Date | null;
  error: string | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const colour = { saved: 'teal.9', saving: 'blue.9', offline: 'orange.9', error: 'red.9' }[state];
  const label = {
    saved: t('diagnostic.capture.saved'),
    saving: t('diagnostic.capture.saving'),
    offline: t('diagnostic.capture.offline', { count: unsent }),
    error: t('diagnostic.capture.error'),
  }[state];
  return (
    <Stack gap={2} align="flex-end">
      <Group gap={6} role="status" aria-live="polite" data-testid="save-state" data-state={state}>
        {state === 'saving' ? <Loader size={12} aria-hidden="true" /> : null}
        <Badge color={colour} variant={state === 'saved' ? 'outline' : 'filled'} size="lg">
          {label}
        </Badge>
      </Group>
      {state === 'offline' ? (
        <Text size="xs" c="dimmed" maw={320} ta="right">
          {t('diagnostic.capture.offlineHelp')}
        </Text>
      ) : savedAt ? (
        <Text size="xs" c="dimmed">
          {t('diagnostic.capture.savedAt', { time: formatDateTime(savedAt, language).split(' ').at(-1) })}
        </Text>
      ) : null}
      {error ? (
        <Text size="xs" c="red.8" maw={320} ta="right">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
