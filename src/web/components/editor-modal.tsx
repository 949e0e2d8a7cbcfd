import { Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './app-modal.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { FormErrorSummary } from './form-error-summary.tsx';

/**
 * The modal that changes one item of a list (a milestone, an indicator, a measurement…): its fields, the errors
 * no field shows, the request's error, Cancel and Save. The form is `useSchemaForm`'s (src/web/lib/schema-form.ts).
 */
export function EditorModal(props: {
  title: string;
  errors: Record<string, unknown>;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened onClose={props.onClose} title={props.title}>
      <form onSubmit={props.onSubmit} noValidate>
        <Stack gap="sm">
          <FormErrorSummary errors={props.errors} />
          {props.children}
          <ErrorAlert error={props.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.pending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** A short form on one line that adds an item to a list: its fields, then its button. */
export function InlineAddForm(props: {
  errors: Record<string, unknown>;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  label: string;
  pending?: boolean;
  variant?: 'filled' | 'default';
  mt?: 'xs' | 'sm';
  children: ReactNode;
}) {
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <FormErrorSummary errors={props.errors} />
      <Group align="flex-end" gap="xs" mt={props.mt ?? 'sm'}>
        {props.children}
        <Button type="submit" variant={props.variant ?? 'default'} loading={props.pending}>
          {props.label}
        </Button>
      </Group>
    </form>
  );
}
