import { Anchor, Button, Card, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupDetail } from '../../../domain/mutualisation/api.ts';
import { formatEuro } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useGroupAction, useGroups } from './api.ts';

export function NeedsSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [selected, setSelected] = useState<string[]>([]);
  const manage = group.permissions.manage;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" size="lg">
          {t('needs.group.needsTitle')}
        </Text>
        <Table.ScrollContainer minWidth={620}>
          <Table striped aria-label={t('needs.group.needsTitle')}>
            <Table.Thead>
              <Table.Tr>
                {manage ? <Table.Th scope="col">{t('needs.group.select')}</Table.Th> : null}
                <Table.Th scope="col">{t('needs.title')}</Table.Th>
                <Table.Th scope="col">{t('needs.commune')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('needs.budget')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.needs.map((need) => (
                <Table.Tr key={need.id}>
                  {manage ? (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('needs.group.selectNeed', { title: need.title })}
                        checked={selected.includes(need.id)}
                        onChange={(e) =>
                          setSelected(
                            e.currentTarget.checked ? [...selected, need.id] : selected.filter((id) => id !== need.id),
                          )
                        }
                      />
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    {need.restricted ? (
                      need.title
                    ) : (
                      <Anchor component={Link} to={paths.need.to(need.id)}>
                        {need.title}
                      </Anchor>
                    )}
                    {need.description ? (
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {need.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{need.communeName}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {need.restricted ? (
                      <Text span size="sm" c="dimmed">
                        {t('needs.group.notShown')}
                      </Text>
                    ) : need.estimatedBudget === null ? (
                      '—'
                    ) : (
                      formatEuro(need.estimatedBudget, language)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {manage ? <GroupEditActions group={group} selected={selected} onSplit={() => setSelected([])} /> : null}
      </Stack>
    </Card>
  );
}

/** The consultant's changes to the group's needs: split the selected ones off, or merge another group into it. */
function GroupEditActions(props: { group: GroupDetail; selected: string[]; onSplit(): void }) {
  const { t } = useTranslation();
  const { group, selected, onSplit } = props;
  const action = useGroupAction(group.id);
  const groups = useGroups(group.permissions.manage);
  const [mergeWith, setMergeWith] = useState<string | null>(null);
  return (
    <Group align="flex-end">
      <Button
        variant="default"
        disabled={selected.length === 0 || selected.length === group.needs.length}
        loading={action.isPending}
        onClick={() =>
          action.mutate(
            { action: 'split', needIds: selected },
            {
              onSuccess: () => {
                onSplit();
                notify(t('needs.group.split'));
              },
            },
          )
        }
      >
        {t('needs.group.splitSelected', { count: selected.length })}
      </Button>
      <Select
        label={t('needs.group.mergeWith')}
        data={(groups.data ?? [])
          .filter((g) => g.id !== group.id && g.status !== 'dismissed')
          .map((g) => ({ value: g.id, label: `${g.label} (${g.communeNames.join(', ')})` }))}
        value={mergeWith}
        onChange={setMergeWith}
        searchable
        clearable
        w={320}
      />
      <Button
        variant="default"
        disabled={!mergeWith}
        onClick={() =>
          mergeWith &&
          action.mutate(
            { action: 'merge', groupId: mergeWith },
            {
              onSuccess: () => {
                setMergeWith(null);
                notify(t('needs.group.merged'));
              },
            },
          )
        }
      >
        {t('needs.group.merge')}
      </Button>
    </Group>
  );
}
