import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useNavigate, useRouteError } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { paths } from './paths.ts';

/**
 * What a page shows when it fails to render: a sentence in the user's language and ways back, inside the app's
 * header and navigation (every route has this boundary, so one broken page never takes the others down). The error
 * itself goes to the console for the developers, never to the screen.
 */
export function PageError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const navigate = useNavigate();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Stack maw={720} data-testid="page-error">
      <PageHeader title={t('errors.pageCrashTitle')} />
      <Text>{t('errors.pageCrash')}</Text>
      <Group gap="sm">
        <Button onClick={() => window.location.reload()}>{t('errors.retry')}</Button>
        {window.history.length > 1 ? (
          <Button variant="default" onClick={() => void navigate(-1)}>
            {t('errors.goBack')}
          </Button>
        ) : null}
      </Group>
      <Anchor component={Link} to={paths.province.to()} underline="always">
        {t('errors.backHome')}
      </Anchor>
    </Stack>
  );
}
