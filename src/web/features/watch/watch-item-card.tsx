import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../domain/shared/format.ts';
import { smartCategory } from '../../../domain/shared/smart-categories.ts';
import type { WatchItem } from '../../../domain/watch/watch-items.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePromote } from './api.ts';
import { WatchItemFormModal } from './watch-item-form.tsx';

/** One item of the feed: what it is and where from, its assessment, its tags, the solutions it led to. */
export function WatchItemCard({ item }: { item: WatchItem }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="li">
      <Stack gap={6}>
        <ItemHeading item={item} />
        {item.summary ? <Text size="sm">{item.summary}</Text> : null}
        {item.assessment ? (
          <Text size="sm">
            <strong>{t('watch.assessment')} :</strong> {item.assessment}
          </Text>
        ) : null}
        <ItemTags item={item} />
        <Group gap="xs">
          {item.solutions.map((s) => (
            <Anchor key={s.id} component={Link} to={paths.catalogueSolution.to(s.id)} size="sm">
              {t('watch.linkedSolution', { name: s.name, status: t(`catalogue.status.${s.status}`) })}
            </Anchor>
          ))}
        </Group>
        <ItemActions item={item} />
      </Stack>
    </Paper>
  );
}

function ItemHeading({ item }: { item: WatchItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
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
        {item.recommendation ? <Badge variant="light">{t(`watch.recommendation.${item.recommendation}`)}</Badge> : null}
        {item.demo ? (
          <Badge color="dark" variant="outline">
            {t('catalogue.demo')}
          </Badge>
        ) : null}
      </Group>
    </Group>
  );
}

function ItemTags({ item }: { item: WatchItem }) {
  const language = useLanguage();
  return (
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
  );
}

/** Promote the item into a catalogue solution (it needs a category), or change it. */
function ItemActions({ item }: { item: WatchItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const promote = usePromote();
  const [editing, setEditing] = useState(false);
  return (
    <>
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
    </>
  );
}
