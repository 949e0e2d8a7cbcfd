import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectSheet } from '../../../domain/strategy/project-sheets.ts';

const STATUS_COLORS: Record<ProjectSheet['status'], string> = {
  draft: 'gray',
  proposed: 'blue',
  approved: 'green',
  rejected: 'red',
};

/** A project sheet's status, coloured: in the projects' table and in the drawer of one project. */
export function StatusBadge({ status }: { status: ProjectSheet['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} style={{ overflow: 'visible' }}>
      {t(`strategy.statuses.${status}`)}
    </Badge>
  );
}
