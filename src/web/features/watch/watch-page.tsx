import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../domain/shared/format.ts';
import { smartCategory } from '../../../domain/shared/smart-categories.ts';
import type { WatchItem } from '../../../domain/watch/watch-items.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { notify } from '../../lib/notify.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePromote, useWatchFeed } from './api.ts';
import { WatchItemFormModal } from './watch-item-form.tsx';

/** The technology watch (agency staff): the feed of recent items, a new item, promotion into the catalogue. */
export function WatchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [tag, setTag] = useState('');
  const [adding, setAdding] = useState(false);
  const agency = me.data?.capabilities.readWatch ?? false;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('watch.title')}
        description={t('watch.intro')}
        actions={agency ? <Button onClick={() => setAdding(true)}>{t('watch.add')}</Button> : null}
      />
      {me.isPending ? (
        <BlockSkeleton />
      ) : !agency ? (
        <Paper withBorder p="lg">
          <Text>{me.data ? t('watch.agencyOnly') : t('watch.signIn')}</Text>
        </Paper>
      ) : (
        <>
          <TextInput
            label={t('watch.filterTag')}
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
            maw={320}
          />
          <Feed tag={tag.trim()} />
          <WatchItemFormModal opened={adding} onClose={() => setAdding(false)} />
        </>
      )}
    </Stack>
  );
}

function Feed({ tag }: { tag: string }) {
  const { t } = useTranslation();
  const feed = useWatchFeed(tag);
  if (feed.error) return <ErrorAlert error={feed.error} />;
  if (!feed.data) return <BlockSkeleton />;
  if (feed.data.length === 0) return <Text c="dimmed">{t('watch.none')}</Text>;
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('watch.feed')}>
      {feed.data.map((item) => (
        <ItemCard key={item.id} item={item} />
      ))}
    </Stack>
  );
}

function ItemCard({ item }: { item: WatchItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const promote = usePromote();
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {item.title}
            </Title>
            <Text size="sm" c="dimmed">
              {formatDate(item.publishedOn, language)}
              {item.vendor ? ` · ${item.vendor}` : ''}
              {item.sourceUrl ? (
                <>
                  {' · '}
                  <Anchor href={item.sourceUrl} target="_blank" rel="noreferrer noopener" size="sm" underline="always">
                    {t('watch.source')}
                  </Anchor>
                </>
              ) : null}
            </Text>
          </Stack>
          <Group gap="xs">
            {item.recommendation ? (
              <Badge variant="light">{t(`watch.recommendation.${item.recommendation}`)}</Badge>
            ) : null}
            {item.demo ? (
              <Badge color="dark" variant="outline">
                {t('catalogue.demo')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {item.summary ? <Text size="sm">{item.summary}</Text> : null}
        {item.assessment ? (
          <Text size="sm">
            <strong>{t('watch.assessment')} :</strong> {item.assessment}
          </Text>
        ) : null}
        <Group gap={4}>
          {item.categories.map((c) => (
            <Badge key={c} size="sm" variant="dot" color="gray">
              {smartCategory(c)?.[language] ?? c}
            </Badge>
          ))}
          {item.tags.map((tag) => (
            <Badge key={tag} size="sm" variant="outline" color="gray.8">
              #{tag}
            </Badge>
          ))}
        </Group>
        <Group gap="xs">
          {item.solutions.map((s) => (
            <Anchor key={s.id} component={Link} to={paths.catalogueSolution.to(s.id)} size="sm">
              {t('watch.linkedSolution', { name: s.name, status: t(`catalogue.status.${s.status}`) })}
            </Anchor>
          ))}
        </Group>
        <Group>
          <Button
            size="xs"
            variant="default"
            loading={promote.isPending}
            disabled={item.categories.length === 0}
            aria-label={t('watch.promoteNamed', { title: item.title })}
            onClick={() =>
              promote.mutate(item.id, {
                onSuccess: (solution) => {
                  notify(t('watch.promoted', { name: solution.name }));
                  void navigate(paths.catalogueSolution.to(solution.id));
                },
              })
            }
          >
            {t('watch.promote')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            aria-label={t('watch.editNamed', { title: item.title })}
            onClick={() => setEditing(true)}
          >
            {t('common.edit')}
          </Button>
        </Group>
        {editing ? <WatchItemFormModal opened onClose={() => setEditing(false)} item={item} /> : null}
        <ErrorAlert error={promote.error} />
      </Stack>
    </Paper>
  );
}
