import { Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User, UserListItem } from '../../../domain/auth/users.ts';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { ApiError } from '../../lib/api.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useUpdateUser } from './api.ts';
import { ROLE_LABEL_KEYS } from './roles.ts';

type Props = {
  /** The users the search kept. */
  users: UserListItem[];
  /** How many users there are in all. */
  total: number;
  onEdit(user: User): void;
  onResetPassword(user: User): void;
};

export function UsersTable({ users, total, onEdit, onResetPassword }: Props) {
  const { t } = useTranslation();
  const toggleDisabled = useToggleDisabled();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped verticalSpacing="xs" data-testid="users-table">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          {t('users.count', { count: total })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('auth.email')}</Table.Th>
            <Table.Th>{t('users.name')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.commune')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th>{t('users.lastLogin')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user}>
              <UserActions
                user={user}
                onEdit={() => onEdit(user)}
                onResetPassword={() => onResetPassword(user)}
                onToggleDisabled={() => toggleDisabled(user)}
              />
            </UserRow>
          ))}
          {users.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={7}>{t('users.noMatch')}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Disables an active account or enables a disabled one, and says so. */
function useToggleDisabled() {
  const { t } = useTranslation();
  const update = useUpdateUser();
  return (user: User) => {
    update.mutate(
      { id: user.id, input: { disabled: !user.disabled } },
      {
        onSuccess: (updated) =>
          notify(t(updated.disabled ? 'users.disabledDone' : 'users.enabledDone', { email: updated.email })),
        onError: (error) =>
          notify(error instanceof ApiError ? error.message : t('common.unexpectedError'), {
            title: t('common.errorTitle'),
            error: true,
          }),
      },
    );
  };
}

function UserRow({ user, children }: { user: User; children: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.Tr data-email={user.email}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{user.email}</Text>
          {user.demo ? (
            <Badge size="sm" variant="light" color="grape" tt="none" style={{ flex: 'none', overflow: 'visible' }}>
              {t('users.demo')}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>{user.displayName}</Table.Td>
      <Table.Td>{t(ROLE_LABEL_KEYS[user.role])}</Table.Td>
      <Table.Td>{user.communeName ?? '—'}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 96 }}>
        <Badge variant="light" color={user.disabled ? 'gray' : 'green'} tt="none" style={{ overflow: 'visible' }}>
          {user.disabled ? t('users.disabled') : t('users.active')}
        </Badge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {user.lastLoginAt ? formatDateTime(user.lastLoginAt, language) : t('common.never')}
      </Table.Td>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function UserActions(props: { user: UserListItem; onEdit(): void; onResetPassword(): void; onToggleDisabled(): void }) {
  const { user } = props;
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={props.onEdit}
        aria-label={`${t('common.edit')} ${user.email}`}
      >
        {t('common.edit')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={t('users.moreActions', { email: user.email })}
            rightSection={<span aria-hidden="true">▾</span>}
          >
            {t('users.more')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={props.onResetPassword}>{t('users.reset')}</Menu.Item>
          <Menu.Item onClick={props.onToggleDisabled} disabled={!user.permissions.disable}>
            {user.disabled ? t('users.enable') : t('users.disable')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
