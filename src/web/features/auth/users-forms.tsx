import { Alert, Button, Code, CopyButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isCommuneRole, ROLES, type Role } from '../../../domain/auth/roles.ts';
import type { UserCreated } from '../../../domain/auth/users.ts';
import { type User, UserCreateInput, UserUpdateInput } from '../../../domain/auth/users.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { ApiError } from '../../lib/api.ts';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useCreateUser, useUpdateUser } from './api.ts';
import { ROLE_LABEL_KEYS } from './roles.ts';

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => ({ value: role, label: t(ROLE_LABEL_KEYS[role]) }));
}

/** Only the current communes can receive users (a merged commune no longer exists). */
function CommuneSelect(props: { value: string | null; onChange(value: string | null): void; error?: unknown }) {
  const { t } = useTranslation();
  const communes = useCommuneList();
  return (
    <Select
      label={t('users.commune')}
      description={t('users.communeHelp')}
      placeholder={t('users.chooseCommune')}
      data={communeOptions(communes.data)}
      searchable
      required
      nothingFoundMessage={t('common.nothingFound')}
      value={props.value}
      onChange={props.onChange}
      error={props.error as string | undefined}
    />
  );
}

function hasFieldDetails(error: unknown): boolean {
  return error instanceof ApiError && error.details.length > 0;
}

export function CreateUserModal(props: { onClose(): void; onCreated(result: UserCreated): void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const roleOptions = useRoleOptions();
  const { form, submit } = useSchemaForm({
    schema: UserCreateInput,
    initialValues: {
      email: '',
      displayName: '',
      role: 'commune_editor' as Role,
      communeNis: null as string | null,
      password: '',
    },
    toInput: toCreateInput,
  });
  const onSubmit = submit((input, callbacks) =>
    create.mutate(input, {
      ...callbacks,
      onSuccess: (result) => {
        notify(t('users.created', { email: result.user.email }));
        props.onCreated(result);
      },
    }),
  );
  const communeRole = isCommuneRole(form.values.role);
  return (
    <AppModal opened onClose={props.onClose} title={t('users.createTitle')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {create.isError && !hasFieldDetails(create.error) ? <ErrorAlert error={create.error} /> : null}
          <FormErrorSummary errors={form.errors} />
          <TextInput
            label={t('auth.email')}
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput label={t('users.name')} required autoComplete="off" {...form.getInputProps('displayName')} />
          <Select
            label={t('users.role')}
            data={roleOptions}
            allowDeselect={false}
            required
            {...form.getInputProps('role')}
          />
          {communeRole ? (
            <CommuneSelect
              value={form.values.communeNis}
              onChange={(value) => form.setFieldValue('communeNis', value)}
              error={form.errors.communeNis}
            />
          ) : null}
          <PasswordField
            label={t('users.password')}
            description={t('users.passwordHelp')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function toCreateInput(values: {
  email: string;
  displayName: string;
  role: Role;
  communeNis: string | null;
  password: string;
}) {
  return {
    email: values.email.trim(),
    displayName: values.displayName,
    role: values.role,
    communeNis: isCommuneRole(values.role) ? values.communeNis : null,
    ...(values.password ? { password: values.password } : {}),
  };
}

export function EditUserModal(props: { user: User; onClose(): void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const roleOptions = useRoleOptions();
  const { form, submit } = useSchemaForm({
    schema: UserUpdateInput,
    initialValues: {
      displayName: props.user.displayName,
      role: props.user.role,
      communeNis: props.user.communeNis,
    },
    toInput: toUpdateInput,
  });
  const onSubmit = submit((input, callbacks) =>
    update.mutate(
      { id: props.user.id, input },
      {
        ...callbacks,
        onSuccess: () => {
          notify(t('users.updated', { email: props.user.email }));
          props.onClose();
        },
      },
    ),
  );
  return (
    <AppModal opened onClose={props.onClose} title={t('users.editTitle', { email: props.user.email })} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {update.isError && !hasFieldDetails(update.error) ? <ErrorAlert error={update.error} /> : null}
          <FormErrorSummary errors={form.errors} />
          <TextInput label={t('users.name')} required {...form.getInputProps('displayName')} />
          <Select
            label={t('users.role')}
            data={roleOptions}
            allowDeselect={false}
            required
            {...form.getInputProps('role')}
          />
          {isCommuneRole(form.values.role) ? (
            <CommuneSelect
              value={form.values.communeNis}
              onChange={(value) => form.setFieldValue('communeNis', value)}
              error={form.errors.communeNis}
            />
          ) : null}
          <Text size="sm" c="dimmed">
            {t('users.rightsChangeNote')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function toUpdateInput(values: { displayName: string; role: Role; communeNis: string | null }) {
  return {
    displayName: values.displayName,
    role: values.role,
    communeNis: isCommuneRole(values.role) ? values.communeNis : null,
  };
}

/** A password the server generated: shown this once, with a copy button. */
export function GeneratedPasswordModal(props: { email: string; password: string; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened onClose={props.onClose} title={t('users.generatedTitle')} closeOnClickOutside={false}>
      <Stack>
        <Text>{t('users.generatedFor', { email: props.email })}</Text>
        <Group gap="sm" wrap="nowrap">
          <Code
            fz="lg"
            px="sm"
            py={6}
            data-testid="generated-password"
            style={{ userSelect: 'all', wordBreak: 'break-all' }}
          >
            {props.password}
          </Code>
          <CopyButton value={props.password}>
            {({ copied, copy }) => (
              <Button size="sm" variant={copied ? 'light' : 'filled'} onClick={copy}>
                {copied ? t('users.copied') : t('users.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Alert color="orange" variant="light" title={t('users.onceTitle')}>
          {t('users.onceWarning')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={props.onClose}>{t('users.passwordNoted')}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
