import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUpStatus } from '../../../domain/implementation/follow-up.ts';

/** Status colours of the public pages (light badges, dark text: contrast holds on white). */
const COLOURS: Record<FollowUpStatus, string> = {
  planned: 'gray',
  procurement: 'violet',
  'in-progress': 'blue',
  delivered: 'green',
  evaluated: 'teal',
  suspended: 'orange',
  abandoned: 'red',
};

export function PublicStatusBadge({ status }: { status: FollowUpStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOURS[status]} style={{ flexShrink: 0 }}>
      {t(`implementation.statuses.${status}`)}
    </Badge>
  );
}
