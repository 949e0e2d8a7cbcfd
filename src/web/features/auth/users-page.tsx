import { Alert, Badge, Button, Group, Menu, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../domain/auth/users.ts';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api.ts';
import { notify } from '../../lib/notify.ts';
import { usePublicConfig } from '../../lib/public-config.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useResetPassword, useUpdateUser, useUsers } from './api.ts';
import { ROLE_LABEL_KEYS } from './roles.ts';
import { CreateUserModal, EditUserModal, GeneratedPasswordModal } from './users-forms.tsx';

type Secret = { email: string; password: string };

function ResetPasswordModal(props: { user: User; onClose(): void; onReset(secret: Secret): void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  return (
    <AppModal opened onClose={props.onClose} title={t('users.resetTitle')}>
      <Stack>
        <ErrorAlert error={reset.error} />
        <Text>{t('users.resetConfirm', { email: props.user.email })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={reset.isPending}
            onClick={() =>
              reset.mutate(props.user.id, {
                onSuccess: (result) => props.onReset({ email: props.user.email, password: result.generatedPassword }),
              })
            }
          >
            {t('users.reset')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const users = useUsers();
  const config = usePublicConfig();
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [query, setQuery] = useState('');

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = users.data ?? [];
    return q
      ? list.filter((u) => [u.email, u.displayName, u.communeName ?? ''].some((text) => text.toLowerCase().includes(q)))
      : list;
  }, [users.data, query]);

  const toggleDisabled = (user: User) => {
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

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={<Button onClick={() => setCreating(true)}>{t('users.create')}</Button>}
      />
      {config.data?.ocds.placeholder ? (
        <Alert color="orange" variant="light" title={t('users.ocdsPlaceholderTitle')} data-testid="ocds-prefix-warning">
          {t('users.ocdsPlaceholder', { prefix: config.data.ocds.prefix })}
        </Alert>
      ) : null}
      <TextInput
        label={t('users.search')}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        w={320}
      />
      {users.isError ? <ErrorAlert error={users.error} /> : null}
      {users.isPending ? <BlockSkeleton lines={5} /> : null}
      {users.data ? (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped verticalSpacing="xs" data-testid="users-table">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {t('users.count', { count: users.data.length })}
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
              {rows.map((user) => (
                <Table.Tr key={user.id} data-email={user.email}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{user.email}</Text>
                      {user.demo ? (
                        <Badge
                          size="sm"
                          variant="light"
                          color="grape"
                          tt="none"
                          style={{ flex: 'none', overflow: 'visible' }}
                        >
                          {t('users.demo')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td>{t(ROLE_LABEL_KEYS[user.role])}</Table.Td>
                  <Table.Td>{user.communeName ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 96 }}>
                    <Badge
                      variant="light"
                      color={user.disabled ? 'gray' : 'green'}
                      tt="none"
                      style={{ overflow: 'visible' }}
                    >
                      {user.disabled ? t('users.disabled') : t('users.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {user.lastLoginAt ? formatDateTime(user.lastLoginAt, language) : t('common.never')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing(user)}
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
                          <Menu.Item onClick={() => setResetting(user)}>{t('users.reset')}</Menu.Item>
                          <Menu.Item onClick={() => toggleDisabled(user)} disabled={!user.permissions.disable}>
                            {user.disabled ? t('users.enable') : t('users.disable')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={7}>{t('users.noMatch')}</Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}

      {creating ? (
        <CreateUserModal
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            if (result.generatedPassword) setSecret({ email: result.user.email, password: result.generatedPassword });
          }}
        />
      ) : null}
      {editing ? <EditUserModal user={editing} onClose={() => setEditing(null)} /> : null}
      {resetting ? (
        <ResetPasswordModal
          user={resetting}
          onClose={() => setResetting(null)}
          onReset={(s) => {
            setResetting(null);
            setSecret(s);
          }}
        />
      ) : null}
      {secret ? <GeneratedPasswordModal {...secret} onClose={() => setSecret(null)} /> : null}
    </Stack>
  );
}
