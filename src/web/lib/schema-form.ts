import { type UseFormReturnType, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from './api.ts';
import { zodFormErrors } from './form-validation.ts';

/**
 * The one form pattern: Mantine's form over the values the inputs hold, checked with the domain's zod schema (the
 * one the server checks with) on what `toInput` makes of them. `submit` sends that input once valid and puts the
 * server's field errors back on the fields.
 */
export function useSchemaForm<V extends Record<string, unknown>, S extends z.ZodType>(options: {
  schema: S;
  initialValues: V;
  toInput: (values: V) => z.input<S>;
}) {
  const { t } = useTranslation();
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: (values) => zodFormErrors(options.schema, options.toInput(values), t),
  });
  const submit = (send: (input: z.input<S>, callbacks: { onError: (error: Error) => void }) => void) =>
    form.onSubmit((values) => send(options.toInput(values), { onError: fieldErrorsOnto(form) }));
  return { form, submit };
}

/** Puts a refused request's field errors (the server's) on the form's fields. */
export function fieldErrorsOnto<V>(form: UseFormReturnType<V>) {
  return (error: Error) => {
    if (error instanceof ApiError) form.setErrors(error.fieldErrors());
  };
}

/** A number input's value as the API takes it: '' (nothing typed) is 0. */
export const numberOf = (value: number | string): number => Number(value || 0);
/** A text input's value as the API takes it: blank is null. */
export const textOrNull = (value: string): string | null => value.trim() || null;

/** An editor's send: the item's id with the form's input, then `done` (say it, close) once the server took it. */
export function sendWithId<I>(
  mutate: (variables: I & { id: string }, options: { onError: (error: Error) => void; onSuccess: () => void }) => void,
  id: string,
  done: () => void,
) {
  return (input: I, callbacks: { onError: (error: Error) => void }) =>
    mutate({ id, ...input }, { ...callbacks, onSuccess: done });
}
