import { Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../../lib/session.ts';
import { useWatchFeed } from './api.ts';
import { WatchItemCard } from './watch-item-card.tsx';
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
        <WatchItemCard key={item.id} item={item} />
      ))}
    </Stack>
  );
}
