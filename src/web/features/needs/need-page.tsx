import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime, formatEuro } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { type NeedWithGroups, useDeleteNeed, useNeed } from './api.ts';
import { STATUS_COLOURS, URGENCY_COLOURS } from './labels.ts';
import { NeedFormModal } from './need-form.tsx';
import { NeedCategory } from './suggested-category.tsx';

/** One need: its facts, where it comes from, the groups it is in; its commune's editors change it. */
export default function NeedPage() {
  const { t } = useTranslation();
  const { needId = '' } = useParams();
  const need = useNeed(needId);
  const remove = useDeleteNeed();
  const [editing, setEditing] = useState(false);
  if (need.isPending) return <BlockSkeleton />;
  if (!need.data)
    return (
      <Stack gap="sm">
        <ErrorAlert error={need.error} />
        <Anchor component={Link} to={paths.needs.to()} size="sm">
          ← {t('needs.back')}
        </Anchor>
      </Stack>
    );
  const n = need.data;
  return (
    <Stack gap="md">
      <PageHeader
        above={
          <Anchor component={Link} to={paths.needs.to()} size="sm">
            ← {t('needs.back')}
          </Anchor>
        }
        title={n.title}
        description={n.communeName}
        actions={n.permissions.edit ? <NeedActions need={n} remove={remove} onEdit={() => setEditing(true)} /> : null}
      />
      <ErrorAlert error={remove.error} />
      <NeedFacts need={n} />
      {n.groups.length ? <NeedGroups groups={n.groups} /> : null}
      {editing ? <NeedFormModal need={n} onClose={() => setEditing(false)} /> : null}
    </Stack>
  );
}

/** Its commune's editors delete the need (once they confirm) or change it. */
function NeedActions(props: { need: NeedWithGroups; remove: ReturnType<typeof useDeleteNeed>; onEdit(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { need: n, remove } = props;
  return (
    <>
      <Button
        variant="default"
        color="red"
        loading={remove.isPending}
        onClick={() => {
          if (!window.confirm(t('needs.deleteConfirm'))) return;
          remove.mutate(n.id, {
            onSuccess: () => {
              notify(t('needs.deleted'));
              void navigate(paths.needs.to());
            },
          });
        }}
      >
        {t('common.delete')}
      </Button>
      <Button onClick={props.onEdit}>{t('needs.edit')}</Button>
    </>
  );
}

/** What the need says, and its facts: category, dimensions, urgency, budget, timeframe, source, last change. */
function NeedFacts({ need: n }: { need: NeedWithGroups }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fact = (label: string, value: React.ReactNode) => (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </Stack>
  );
  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{n.description || t('needs.noDescription')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {fact(t('needs.category'), <NeedCategory need={n} />)}
          {fact(
            t('needs.dimensions'),
            n.dimensions.length ? n.dimensions.map((d) => t(`needs.dimension.${d}`)).join(', ') : '—',
          )}
          {fact(
            t('needs.urgency'),
            <Badge color={URGENCY_COLOURS[n.urgency]} variant="outline">
              {t(`needs.urgencies.${n.urgency}`)}
            </Badge>,
          )}
          {fact(t('needs.budget'), n.estimatedBudget === null ? '—' : formatEuro(n.estimatedBudget, language))}
          {fact(t('needs.timeframe'), n.timeframe ? t(`needs.timeframes.${n.timeframe}`) : '—')}
          {fact(t('needs.source'), `${t(`needs.sources.${n.source}`)}${n.sourceRef ? ` — ${n.sourceRef}` : ''}`)}
          {fact(t('needs.updatedAt'), formatDateTime(n.updatedAt, language))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** The groups the need is in, with their status. */
function NeedGroups({ groups }: { groups: NeedWithGroups['groups'] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Text fw={600} mb="xs">
        {t('needs.inGroups')}
      </Text>
      <List>
        {groups.map((g) => (
          <List.Item key={g.id}>
            <Group gap="xs">
              <Anchor component={Link} to={paths.needGroup.to(g.id)}>
                {g.label}
              </Anchor>
              <Badge color={STATUS_COLOURS[g.status as keyof typeof STATUS_COLOURS]} variant="outline">
                {t(`needs.groupStatus.${g.status}`)}
              </Badge>
            </Group>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
