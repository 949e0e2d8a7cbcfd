import { Anchor, Button, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlertList } from '../../../domain/implementation/implementation-api.ts';
import { paths } from '../../app/paths.ts';
import { request } from '../../lib/api.ts';
import { FRAME_ENDPOINTS, useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { alertText } from './alert-text.ts';

/** The alerts, called without the implementation's contract (its zod schemas stay off the first page). */
function useBellAlerts(enabled: boolean) {
  const { method, path, key } = FRAME_ENDPOINTS.alerts;
  return useQuery({
    queryKey: key,
    queryFn: () => request<AlertList>(method, path),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * The bell in the header: how many follow-up alerts concern the signed-in user, and the first ones; `more` adds
 * another feature's notifications (the polls to answer), counted with the alerts and listed first.
 */
export function AlertsBell({ more }: { more?: { count: number; content: ReactNode } }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const alerts = useBellAlerts(Boolean(me.data));
  if (!me.data) return null;
  const list = alerts.data?.alerts ?? [];
  const count = list.length + (more?.count ?? 0);
  return (
    <Popover position="bottom-end" width={360} withinPortal>
      <Popover.Target>
        <Button
          variant="subtle"
          size="compact-md"
          aria-label={more?.count ? t('layout.notifications', { count }) : t('implementation.bell.label', { count })}
        >
          <Indicator label={count} size={18} color="red.9" disabled={count === 0} offset={-2}>
            <svg
              aria-hidden="true"
              width="20"
              height="20"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
              <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
          </Indicator>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          {more?.count ? more.content : null}
          <Text fw={600} size="sm">
            {t('implementation.bell.title')}
          </Text>
          {list.length === 0 ? <Text size="sm">{t('implementation.alerts.none')}</Text> : null}
          {list.slice(0, 6).map((a) => (
            <Text key={a.key} size="sm">
              <Anchor underline="always" component={Link} to={paths.implementationProject.to(a.projectId)}>
                {a.projectTitle}
              </Anchor>{' '}
              : {alertText(a, t, language)}
            </Text>
          ))}
          <Anchor underline="always" component={Link} to={paths.implementation.to()} size="sm">
            {t('implementation.bell.all')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
