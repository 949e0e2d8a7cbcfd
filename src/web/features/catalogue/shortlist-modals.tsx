import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SavedSearchInput } from '../../../domain/catalogue/search.ts';
import { ShortlistInput } from '../../../domain/catalogue/shortlists.ts';
import { paths } from '../../app/paths.ts';
import { EditorModal, useEditorForm } from '../../components/editor-modal.tsx';
import { notify } from '../../lib/notify.ts';
import { type SearchState, useCreateShortlist, useSaveSearch, useShortlists, useUpdateShortlist } from './api.ts';

/** Names and saves the current search (its text and facets, not its page). */
export function SaveSearchModal(props: { opened: boolean; onClose(): void; state: SearchState }) {
  const { t } = useTranslation();
  const save = useSaveSearch();
  const { page: _page, ...query } = props.state;
  const form = useEditorForm({
    initialValues: { name: '' },
    schema: SavedSearchInput,
    toInput: (values) => ({ name: values.name.trim(), query }),
  });
  return (
    <EditorModal
      form={form}
      mutation={save}
      opened={props.opened}
      onClose={props.onClose}
      title={t('catalogue.saved.modalTitle')}
      onSubmit={(values) =>
        save.mutate(
          { name: values.name.trim(), query },
          {
            onSuccess: () => {
              notify(t('catalogue.saved.done'));
              form.reset();
              props.onClose();
            },
          },
        )
      }
    >
      <TextInput label={t('catalogue.saved.name')} required {...form.getInputProps('name')} />
    </EditorModal>
  );
}

/** Starts a shortlist with the selected solutions, then shows the shortlists. */
export function NewShortlistModal(props: {
  opened: boolean;
  onClose(): void;
  solutionIds: string[];
  onCreated?(): void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateShortlist();
  const form = useEditorForm({
    initialValues: { name: '' },
    schema: ShortlistInput,
    toInput: (values) => ({ name: values.name.trim(), solutionIds: props.solutionIds }),
  });
  return (
    <EditorModal
      form={form}
      mutation={create}
      opened={props.opened}
      onClose={props.onClose}
      title={t('catalogue.shortlists.new')}
      submitLabel={t('catalogue.shortlists.create')}
      onSubmit={(values) =>
        create.mutate(
          { name: values.name.trim(), solutionIds: props.solutionIds },
          {
            onSuccess: () => {
              notify(t('catalogue.shortlists.created'));
              form.reset();
              props.onCreated?.();
              props.onClose();
              void navigate(`${paths.catalogue.to()}?tab=shortlists`);
            },
          },
        )
      }
    >
      <TextInput label={t('catalogue.shortlists.name')} required {...form.getInputProps('name')} />
    </EditorModal>
  );
}

/** Adds the selection to one of the shortlists the user may change. */
export function AddToShortlist(props: { solutionIds: string[]; onAdded(): void }) {
  const { t } = useTranslation();
  const shortlists = useShortlists();
  const update = useUpdateShortlist();
  const [id, setId] = useState<string | null>(null);
  const open = (shortlists.data ?? []).filter((s) => s.outcome === null);
  if (open.length === 0) return null;
  const target = open.find((s) => s.id === id);
  return (
    <Group gap={4} align="flex-end">
      <Select
        aria-label={t('catalogue.selection.addTo')}
        placeholder={t('catalogue.selection.addTo')}
        data={open.map((s) => ({ value: s.id, label: s.name }))}
        value={id}
        onChange={setId}
        size="sm"
      />
      <Button
        variant="default"
        disabled={!target}
        loading={update.isPending}
        onClick={() =>
          target &&
          update.mutate(
            { id: target.id, solutionIds: [...new Set([...target.solutionIds, ...props.solutionIds])] },
            {
              onSuccess: () => {
                notify(t('catalogue.selection.added', { name: target.name }));
                props.onAdded();
              },
            },
          )
        }
      >
        {t('catalogue.selection.add')}
      </Button>
    </Group>
  );
}
