import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { paths } from './paths.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <PageHeader title={t('errors.notFoundTitle')} />
      <Text>{t('errors.notFound')}</Text>
      <Anchor component={Link} to={paths.province.to()}>
        {t('errors.backHome')}
      </Anchor>
    </Stack>
  );
}

/** Shown when a page fails to render (e.g. its code could not be loaded after a new release). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Stack maw={720} p="lg">
      <PageHeader title={t('errors.crashTitle')} />
      <Text>{t('errors.crash')}</Text>
      <Anchor href={paths.province.to()}>{t('errors.backHome')}</Anchor>
    </Stack>
  );
}
