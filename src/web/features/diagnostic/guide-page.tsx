import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { notify } from '../../lib/notify.ts';
import { useGuide, useGuideMutations, useGuides } from './api.ts';
import { NewGuideModal } from './guide-modals.tsx';
import { GuideModelEditor } from './guide-model-editor.tsx';
import { GuideVersionsTable } from './guide-versions-table.tsx';

const REFERENCE_KEY = 'smart-rural-fr';

type Ref = { key: string; version: number };

/** An admin's actions: a new guide, or (no draft yet) the next version of the one shown. */
function GuideActions({
  onNewGuide,
  onDraft,
  drafting,
}: {
  onNewGuide(): void;
  onDraft: (() => void) | null;
  drafting: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button variant="default" onClick={onNewGuide}>
        {t('diagnostic.guide.newGuide')}
      </Button>
      {onDraft ? (
        <Button variant="light" loading={drafting} onClick={onDraft}>
          {t('diagnostic.guide.createDraft')}
        </Button>
      ) : null}
    </Group>
  );
}

/** The interview guide: its versions; an agency admin drafts the next one, edits it and publishes it. */
export default function GuidePage() {
  const { t } = useTranslation();
  const guides = useGuides();
  const mutations = useGuideMutations();
  const [selected, setSelected] = useState<Ref | null>(null);
  const [creating, setCreating] = useState(false);
  // The list is sorted by key, then version downwards; the reference guide is shown first.
  const reference = guides.data?.find((g) => g.key === REFERENCE_KEY) ?? guides.data?.[0] ?? null;
  const current = selected ?? (reference ? { key: reference.key, version: reference.version } : null);
  const latest = guides.data?.find((g) => g.key === current?.key) ?? null;
  const guide = useGuide(current?.key ?? null, current?.version ?? null);
  const hasDraft = (guides.data ?? []).some((g) => g.key === current?.key && g.status === 'draft');
  const mayDraft = guide.data?.permissions.createDraft ?? false;
  const error =
    mutations.create.error ??
    mutations.draft.error ??
    mutations.save.error ??
    mutations.publish.error ??
    mutations.discard.error;
  const draftNext = (key: string) =>
    mutations.draft.mutate(key, {
      onSuccess: (draft) => {
        setSelected({ key: draft.key, version: draft.version });
        notify(t('diagnostic.guide.drafted', { version: draft.version }));
      },
    });

  return (
    <Stack gap="lg">
      <PageHeader
        above={
          <Anchor component={Link} to={paths.diagnostic.to()} size="sm">
            ← {t('diagnostic.province.title')}
          </Anchor>
        }
        title={t('diagnostic.guide.title')}
        description={t('diagnostic.guide.intro')}
        actions={
          mayDraft ? (
            <GuideActions
              onNewGuide={() => setCreating(true)}
              onDraft={!hasDraft && latest ? () => draftNext(latest.key) : null}
              drafting={mutations.draft.isPending}
            />
          ) : null
        }
      />
      <ErrorAlert error={guides.error ?? error} />
      {guides.data ? (
        <GuideVersionsTable guides={guides.data} current={current} onSelect={setSelected} />
      ) : (
        <BlockSkeleton lines={3} />
      )}
      {guide.error ? <ErrorAlert error={guide.error} /> : null}
      {guide.data ? (
        <GuideModelEditor
          guide={guide.data}
          mutations={mutations}
          onDiscarded={() => setSelected(null)}
          onPublished={() => void guide.refetch()}
        />
      ) : guide.isPending && current ? (
        <BlockSkeleton />
      ) : null}
      {creating ? (
        <NewGuideModal
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSelected({ key: created.key, version: created.version });
            notify(t('diagnostic.guide.created', { title: created.title }));
          }}
        />
      ) : null}
    </Stack>
  );
}
