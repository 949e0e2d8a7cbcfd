import { notifications } from '@mantine/notifications';
import { i18next } from '../i18n/i18n.ts';

/** A short message in the corner of the screen, announced politely, with a named close button. */
export function notify(message: string, options: { title?: string; error?: boolean } = {}): void {
  notifications.show({
    message,
    color: options.error ? 'red' : 'rural',
    ...(options.title ? { title: options.title } : {}),
    closeButtonProps: { 'aria-label': i18next.t('common.close') },
  });
}
