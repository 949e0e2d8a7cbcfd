import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User, UserListItem } from '../../../domain/auth/users.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { usePublicConfig } from '../../lib/public-config.ts';
import { useResetPassword, useUsers } from './api.ts';
import { CreateUserModal, EditUserModal, GeneratedPasswordModal } from './users-forms.tsx';
import { UsersTable } from './users-table.tsx';

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
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [query, setQuery] = useState('');
  const rows = useMatchingUsers(users.data, query);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={<Button onClick={() => setCreating(true)}>{t('users.create')}</Button>}
      />
      <OcdsPrefixWarning />
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
        <UsersTable users={rows} total={users.data.length} onEdit={setEditing} onResetPassword={setResetting} />
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

/** The users whose e-mail, name or commune contains the search text. */
function useMatchingUsers(users: UserListItem[] | undefined, query: string) {
  return useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = users ?? [];
    return q
      ? list.filter((u) => [u.email, u.displayName, u.communeName ?? ''].some((text) => text.toLowerCase().includes(q)))
      : list;
  }, [users, query]);
}

/** The OCDS prefix is still the unregistered placeholder (decision 140): administrators can have it changed. */
function OcdsPrefixWarning() {
  const { t } = useTranslation();
  const config = usePublicConfig();
  return config.data?.ocds.placeholder ? (
    <Alert color="orange" variant="light" title={t('users.ocdsPlaceholderTitle')} data-testid="ocds-prefix-warning">
      {t('users.ocdsPlaceholder', { prefix: config.data.ocds.prefix })}
    </Alert>
  ) : null;
}
