import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Solution } from '../../../domain/catalogue/solutions.ts';
import { belgianToday, formatDate } from '../../../domain/shared/format.ts';
import { SMART_CATEGORIES, smartCategory } from '../../../domain/shared/smart-categories.ts';
import { RECOMMENDATIONS, type WatchItem } from '../../../domain/watch/watch-items.ts';
import { paths } from '../../app/paths.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { api } from '../../lib/api.ts';
import { notify } from '../../lib/notify.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useCreateWatchItem, usePromote, useUpdateWatchItem, useWatchFeed } from './api.ts';

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
          <NewItemModal opened={adding} onClose={() => setAdding(false)} />
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
        {editing ? <NewItemModal opened onClose={() => setEditing(false)} item={item} /> : null}
        <ErrorAlert error={promote.error} />
      </Stack>
    </Paper>
  );
}

function NewItemModal(props: { opened: boolean; onClose(): void; item?: WatchItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useCreateWatchItem();
  const update = useUpdateWatchItem();
  const solutions = useQuery({
    queryKey: ['catalogue', 'solutions', 'all'],
    queryFn: () => api.get<Solution[]>('/api/catalogue/solutions'),
    enabled: props.opened,
  });
  const item = props.item;
  const empty = {
    title: item?.title ?? '',
    sourceUrl: item?.sourceUrl ?? '',
    publishedOn: item?.publishedOn ?? belgianToday(),
    summary: item?.summary ?? '',
    vendor: item?.vendor ?? '',
    assessment: item?.assessment ?? '',
    recommendation: (item?.recommendation ?? null) as string | null,
    tags: item?.tags ?? ([] as string[]),
    categories: item?.categories ?? ([] as string[]),
    solutionIds: item?.solutions.map((s) => s.id) ?? ([] as string[]),
  };
  const [form, setForm] = useState(empty);
  const set = <K extends keyof typeof empty>(key: K, value: (typeof empty)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      title: form.title,
      sourceUrl: form.sourceUrl || null,
      publishedOn: form.publishedOn,
      summary: form.summary,
      vendor: form.vendor || null,
      assessment: form.assessment,
      recommendation: (form.recommendation as WatchItem['recommendation']) ?? null,
      tags: form.tags,
      categories: form.categories,
      solutionIds: form.solutionIds,
      demo: item?.demo ?? false,
    };
    const onSuccess = () => {
      notify(t('watch.created'));
      if (!item) setForm(empty);
      props.onClose();
    };
    if (item) update.mutate({ id: item.id, item: body }, { onSuccess });
    else create.mutate(body, { onSuccess });
  };
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={item ? t('watch.edit') : t('watch.add')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('watch.fields.title')}
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            required
          />
          <Group grow>
            <TextInput
              label={t('watch.fields.sourceUrl')}
              type="url"
              value={form.sourceUrl}
              onChange={(e) => set('sourceUrl', e.currentTarget.value)}
            />
            <DateField
              label={t('watch.fields.publishedOn')}
              value={form.publishedOn}
              onChange={(value) => set('publishedOn', value)}
              required
            />
          </Group>
          <TextInput
            label={t('watch.fields.vendor')}
            value={form.vendor}
            onChange={(e) => set('vendor', e.currentTarget.value)}
          />
          <Textarea
            label={t('watch.fields.summary')}
            value={form.summary}
            onChange={(e) => set('summary', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <MultiSelect
            label={t('watch.fields.categories')}
            data={SMART_CATEGORIES.map((c) => ({ value: c.key, label: c[language] }))}
            value={form.categories}
            onChange={(v) => set('categories', v)}
            searchable
          />
          <MultiSelect
            label={t('watch.fields.solutions')}
            data={(solutions.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.vendor})` }))}
            value={form.solutionIds}
            onChange={(v) => set('solutionIds', v)}
            searchable
          />
          <TagsInput label={t('watch.fields.tags')} value={form.tags} onChange={(v) => set('tags', v)} />
          <Textarea
            label={t('watch.fields.assessment')}
            value={form.assessment}
            onChange={(e) => set('assessment', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Select
            label={t('watch.fields.recommendation')}
            data={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`watch.recommendation.${r}`) }))}
            value={form.recommendation}
            onChange={(v) => set('recommendation', v)}
            clearable
          />
          <ErrorAlert error={create.error ?? update.error} />
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}
