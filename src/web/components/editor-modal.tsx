import { Button, Group, type MantineColor, type ModalProps, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useSchemaForm } from '../lib/schema-form.ts';
import { AppModal } from './app-modal.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { FormErrorSummary } from './form-error-summary.tsx';

/**
 * The form of an EditorModal when the caller only needs the form (`useSchemaForm` in src/web/lib/schema-form.ts is
 * the one pattern: Mantine's form checked with the domain's zod schema the server checks with).
 */
export function useEditorForm<Values extends Record<string, unknown>>(options: {
  initialValues: Values;
  schema: z.ZodType;
  toInput(values: Values): unknown;
}): UseFormReturnType<Values> {
  return useSchemaForm(options).form;
}

type CommonProps = {
  title: string;
  onClose(): void;
  opened?: boolean;
  size?: ModalProps['size'];
  submitLabel?: string;
  submitColor?: MantineColor;
  children: ReactNode;
};

/** The modal owns the submit: it validates the form and hands over its values. */
type WithForm<Values> = CommonProps & {
  form: UseFormReturnType<Values>;
  onSubmit(values: Values): void;
  mutation: { error: unknown; isPending: boolean };
};

/** The caller owns the submit (`useSchemaForm`'s `submit`, which also puts the server's field errors back). */
type WithSubmit = CommonProps & {
  errors: Record<string, unknown>;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  error: unknown;
};

/**
 * A modal that creates or changes one thing (a milestone, an agreement, a lot…): its fields, the errors no field
 * shows, the server's refusal, Cancel and the submit button, busy while the change is sent.
 */
export function EditorModal<Values>(props: WithForm<Values>): ReactNode;
export function EditorModal(props: WithSubmit): ReactNode;
export function EditorModal<Values>(props: WithForm<Values> | WithSubmit) {
  const { t } = useTranslation();
  const withForm = 'form' in props;
  const onSubmit = withForm ? props.form.onSubmit((values) => props.onSubmit(values)) : props.onSubmit;
  const errors = withForm ? props.form.errors : props.errors;
  const error = withForm ? props.mutation.error : props.error;
  const pending = withForm ? props.mutation.isPending : props.pending;
  return (
    <AppModal opened={props.opened ?? true} onClose={props.onClose} title={props.title} size={props.size}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <FormErrorSummary errors={errors} />
          {props.children}
          <ErrorAlert error={error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} color={props.submitColor}>
              {props.submitLabel ?? t('common.save')}
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
