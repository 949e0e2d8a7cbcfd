import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { PageLoader } from '../components/loading.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { type Capability, useMe } from '../lib/session.ts';
import { paths } from './paths.ts';

/**
 * Pages for signed-in users: the public is sent to the login page, which brings them back here. With
 * `capability`, a signed-in user the server does not allow sees a clear refusal instead of the page.
 */
export function RequireAuth({ children, capability }: { children: ReactNode; capability?: Capability }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) return <Navigate to={paths.login.to(location.pathname + location.search)} replace />;
  if (capability && !me.data.capabilities[capability]) return <Forbidden />;
  return children;
}

function Forbidden() {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <PageHeader title={t('errors.forbiddenTitle')} />
      <Alert color="orange" variant="light">
        {t('errors.forbidden')}
      </Alert>
    </Stack>
  );
}

/** The page for signed-in users, or `publicPage` for the public (the front page at the app's address). */
export function SignedInOr({ children, publicPage }: { children: ReactNode; publicPage: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (!me.data) return publicPage;
  return children;
}
