import { Alert, Button, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, PasswordChangeConfirmed } from '../../../domain/auth/users.ts';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Fact } from '../../components/fact.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { ApiError } from '../../lib/api.ts';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useChangePassword, useMe } from './api.ts';
import { ROLE_LABEL_KEYS } from './roles.ts';

function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const { form, submit } = useSchemaForm({
    schema: PasswordChangeConfirmed,
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    toInput: (values) => values,
  });
  // The copy is checked here only: the API takes the current and the new password.
  const onSubmit = submit(({ confirmation: _, ...input }, callbacks) =>
    change.mutate(input, {
      ...callbacks,
      onSuccess: () => {
        form.reset();
        notify(t('account.passwordChanged'));
      },
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={420}>
        {/* A refused new password is explained under its field; other errors (wrong current password) here. */}
        {change.error instanceof ApiError && change.error.details.length > 0 ? null : (
          <ErrorAlert error={change.error} />
        )}
        <FormErrorSummary errors={form.errors} />
        {change.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('account.passwordChanged')}
          </Alert>
        ) : null}
        <PasswordField
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t('account.newPassword')}
          description={t('account.passwordRule', { count: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t('account.confirmPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmation')}
        />
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t('account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const user = me.data?.user;
  if (!user) return null;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('account.title')} />
      <Paper withBorder p="lg">
        <Title order={2} size="h3" mb="md">
          {t('account.profile')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          <Fact bold label={t('account.name')}>
            {user.displayName}
          </Fact>
          <Fact bold label={t('auth.email')}>
            {user.email}
          </Fact>
          <Fact bold label={t('account.role')}>
            {t(ROLE_LABEL_KEYS[user.role])}
          </Fact>
          <Fact bold label={t('account.commune')}>
            {user.communeName ?? t('account.noCommune')}
          </Fact>
          <Fact bold label={t('account.lastLogin')}>
            {user.lastLoginAt ? formatDateTime(user.lastLoginAt, language) : t('common.never')}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="lg">
        <Title order={2} size="h3" mb="md">
          {t('account.changePassword')}
        </Title>
        <PasswordForm />
      </Paper>
    </Stack>
  );
}
