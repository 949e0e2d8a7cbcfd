import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommuneSummary } from '../../../domain/communes/commune.ts';
import { paths } from '../../app/paths.ts';
import { useMe } from '../../lib/session.ts';

/**
 * For those who confirm them (agency admins): the current communes whose official designation is still « à vérifier »,
 * each a link to its page, where it is confirmed with its source.
 */
export function PendingDesignations({ communes }: { communes: CommuneSummary[] }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data?.capabilities.confirmDesignations) return null;
  const pending = communes.filter((c) => c.current && !c.officialNameVerified);
  if (pending.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('communes.designation.pendingTitle', { count: pending.length })}
      data-testid="pending-designations"
    >
      <Text size="sm" mb="xs">
        {t('communes.designation.pendingText')}
      </Text>
      <Group gap="xs" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {pending.map((c, index) => (
          <li key={c.nisCode}>
            <Anchor component={Link} to={paths.commune.to(c.nisCode)} size="sm">
              {c.name}
            </Anchor>
            {index < pending.length - 1 ? ',' : null}
          </li>
        ))}
      </Group>
    </Alert>
  );
}
