import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginInput } from '../../../domain/auth/users.ts';
import { landingPath, paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { PageLoader } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLogin, useMe } from './api.ts';

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = params.get('next');
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const { form, submit } = useSchemaForm({
    schema: LoginInput,
    initialValues: { email: '', password: '' },
    toInput: (values) => values,
  });

  if (me.isPending) return <PageLoader />;
  // Already signed in (e.g. the back button): go where the login was meant to lead.
  if (me.data && !login.isSuccess) return <Navigate to={landingPath(me.data.user, next)} replace />;

  const onSubmit = submit((input, callbacks) =>
    login.mutate(input, {
      ...callbacks,
      onSuccess: (signedIn) => void navigate(landingPath(signedIn.user, next), { replace: true }),
    }),
  );

  return (
    <Stack maw={440} mx="auto" mt="xl">
      <PageHeader title={t('auth.loginTitle')} description={t('auth.loginIntro')} />
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <ErrorAlert error={login.error} title={t('auth.loginFailed')} />
            <FormErrorSummary errors={form.errors} />
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <PasswordField
              label={t('auth.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={login.isPending}>
              {t('auth.signIn')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('auth.loginHelp')}
      </Text>
      <Anchor component={Link} to={paths.province.to()} size="sm">
        {t('auth.continueAsPublic')}
      </Anchor>
    </Stack>
  );
}
