import { Button, type MantineColor, type ModalProps, Stack } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { zodFormErrors } from '../lib/form-validation.ts';
import { AppModal } from './app-modal.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { FormErrorSummary } from './form-error-summary.tsx';

/**
 * The one form pattern: a Mantine form whose values are checked, before sending, with the domain's zod schema the
 * server validates with too (`toInput` turns the form's values into the schema's input). The server checks again and
 * stays the authority: its refusal shows in the EditorModal.
 */
export function useEditorForm<Values extends Record<string, unknown>>(options: {
  initialValues: Values;
  schema: z.ZodType;
  toInput(values: Values): unknown;
}): UseFormReturnType<Values> {
  const { t } = useTranslation();
  return useForm<Values>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: (values) => zodFormErrors(options.schema, options.toInput(values), t),
  });
}

/**
 * A modal that edits one thing: its fields (children), the errors no field shows, the server's refusal, and the submit
 * button, busy while the change is sent. Shared by the features' create and edit dialogs.
 */
export function EditorModal<Values>(props: {
  title: string;
  onClose(): void;
  opened?: boolean;
  size?: ModalProps['size'];
  form: UseFormReturnType<Values>;
  onSubmit(values: Values): void;
  mutation: { error: unknown; isPending: boolean };
  submitLabel?: string;
  submitColor?: MantineColor;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={props.opened ?? true} onClose={props.onClose} title={props.title} size={props.size}>
      <form onSubmit={props.form.onSubmit((values) => props.onSubmit(values))} noValidate>
        <Stack gap="sm">
          <FormErrorSummary errors={props.form.errors} />
          {props.children}
          <ErrorAlert error={props.mutation.error} />
          <Button type="submit" loading={props.mutation.isPending} color={props.submitColor}>
            {props.submitLabel ?? t('common.save')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}
