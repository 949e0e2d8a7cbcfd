import { Anchor, Button, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useAlerts } from './api.ts';
import { alertText } from './labels.tsx';

/** The bell in the header: how many follow-up alerts concern the signed-in user, and the first ones. */
export function AlertsBell() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const alerts = useAlerts(Boolean(me.data));
  if (!me.data) return null;
  const list = alerts.data?.alerts ?? [];
  return (
    <Popover position="bottom-end" width={360} withinPortal>
      <Popover.Target>
        <Button variant="subtle" size="compact-md" aria-label={t('implementation.bell.label', { count: list.length })}>
          <Indicator label={list.length} size={18} color="red.9" disabled={list.length === 0} offset={-2}>
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
