import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { userMessage } from '../lib/errors.ts';

/** An error as the user should read it: the server's message (already in their language) or a generic one. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = userMessage(error, t);
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errorTitle')} role="alert">
      {message}
    </Alert>
  );
}
