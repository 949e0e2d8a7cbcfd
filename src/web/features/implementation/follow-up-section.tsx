import { Button, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';

/** One section of the project's follow-up page: a titled region, with its help line. */
export function Section(props: { id: string; title: string; children: ReactNode; help?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={props.id}>
      <Title order={2} size="h4" id={props.id} mb="xs">
        {props.title}
      </Title>
      {props.help ? (
        <Text size="sm" c="dimmed" mb="sm">
          {props.help}
        </Text>
      ) : null}
      {props.children}
    </Paper>
  );
}

/** The follow-up may change: the server says the user may edit it, and the mission is in implementation. */
export const editable = (state: ProjectFollowUp) => state.permissions.edit && state.started;

/** A required number input's value for the schema: nothing typed is no number (refused), not 0. */
export const requiredNumber = (value: number | string): number => (value === '' ? Number.NaN : Number(value));

/** One line of a small list kept on the follow-up (a funding source, a risk), with its delete button when editable. */
export function RemovableLine(props: { children: ReactNode; onRemove?: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
      <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
        {props.children}
      </Text>
      {props.onRemove ? (
        // Never shrunk: a long line wraps instead of clipping the button to « Supp ».
        <Button size="compact-xs" variant="subtle" color="red" onClick={props.onRemove} style={{ flexShrink: 0 }}>
          {t('common.delete')}
        </Button>
      ) : null}
    </Group>
  );
}

/** « Modifier » and « Supprimer » of one item, each named after it for screen readers; `before` comes first. */
export function EditDeleteButtons(props: {
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
  before?: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" className={props.className}>
      {props.before}
      <Button size="compact-sm" variant="default" aria-label={props.editLabel} onClick={props.onEdit}>
        {t('common.edit')}
      </Button>
      <Button size="compact-sm" variant="subtle" color="red" aria-label={props.deleteLabel} onClick={props.onDelete}>
        {t('common.delete')}
      </Button>
    </Group>
  );
}
