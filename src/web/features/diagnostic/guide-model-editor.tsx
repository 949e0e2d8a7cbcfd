import { Accordion, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideVersion } from '../../../domain/diagnostic/guides.ts';
import type { MaturityModel, ModelDimension } from '../../../domain/diagnostic/model.ts';
import { notify } from '../../lib/notify.ts';
import type { useGuideMutations } from './api.ts';
import { DIMENSION_COLOURS } from './dimension-labels.ts';
import { FactorEditor } from './guide-factor-editor.tsx';
import { PublishModal } from './guide-modals.tsx';
import { type Edit, freshKey, newQuestion } from './guide-model-edit.ts';

type Mutations = ReturnType<typeof useGuideMutations>;

/** One dimension of the guide: its factors, and in a draft a button to add one. */
function DimensionPanel({
  dimension,
  dIndex,
  model,
  edit,
  canEdit,
}: {
  dimension: ModelDimension;
  dIndex: number;
  model: MaturityModel;
  edit: Edit;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const d = dimension;
  const addFactor = () =>
    edit((m) => {
      const key = freshKey(m, `${d.key}_factor`);
      m.dimensions[dIndex]!.factors.push({
        key,
        label: t('diagnostic.guide.newFactorLabel'),
        description: t('diagnostic.guide.newFactorDescription'),
        rural: true,
        questions: [newQuestion(m, key, t('diagnostic.guide.newQuestionText'))],
      });
    });
  return (
    <Accordion.Item value={d.key}>
      <Accordion.Control>
        <Group gap="xs">
          <span
            aria-hidden="true"
            style={{
              width: 10,
              height: 10,
              borderRadius: 5,
              background: DIMENSION_COLOURS[d.key],
              display: 'inline-block',
            }}
          />
          <Text fw={600}>{d.label}</Text>
          <Text size="sm" c="dimmed">
            {t('diagnostic.guide.sizeValue', {
              factors: d.factors.length,
              questions: d.factors.reduce((n, f) => n + f.questions.length, 0),
            })}
          </Text>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          {d.factors.map((f, fIndex) => (
            <FactorEditor
              key={f.key}
              factor={f}
              path={`${dIndex}.${fIndex}`}
              edit={edit}
              readOnly={!canEdit}
              model={model}
            />
          ))}
          {canEdit ? (
            <Group>
              <Button variant="light" size="compact-sm" onClick={addFactor}>
                {t('diagnostic.guide.addFactor')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** Save, publish or discard a draft; a published version only says it never changes. */
function DraftActions({
  model,
  dirty,
  mutations,
  onSaved,
  onPublish,
  onDiscarded,
}: {
  model: MaturityModel;
  dirty: boolean;
  mutations: Mutations;
  onSaved(): void;
  onPublish(): void;
  onDiscarded(): void;
}) {
  const { t } = useTranslation();
  const ref = { key: model.key, version: model.version };
  return (
    <Group gap="xs">
      <Text size="sm" c={dirty ? 'orange.9' : 'dimmed'} role="status">
        {dirty ? t('diagnostic.guide.unsaved') : t('diagnostic.guide.allSaved')}
      </Text>
      <Button
        disabled={!dirty}
        loading={mutations.save.isPending}
        onClick={() => mutations.save.mutate(model, { onSuccess: onSaved })}
      >
        {t('diagnostic.guide.save')}
      </Button>
      <Button color="teal" disabled={dirty} onClick={onPublish}>
        {t('diagnostic.guide.publish')}
      </Button>
      <Button variant="subtle" color="red.8" onClick={() => mutations.discard.mutate(ref, { onSuccess: onDiscarded })}>
        {t('diagnostic.guide.discard')}
      </Button>
    </Group>
  );
}

/** A copy of the version's model to edit, and whether it differs from the saved one; read again when it changes. */
function useEditedModel(guide: GuideVersion) {
  const [model, setModel] = useState<MaturityModel>(() => structuredClone(guide.model));
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    setModel(structuredClone(guide.model));
    setDirty(false);
  }, [guide]);
  const edit: Edit = (change) => {
    setModel((m) => {
      const next = structuredClone(m);
      change(next);
      return next;
    });
    setDirty(true);
  };
  return { model, dirty, setDirty, edit };
}

function TitleField({ title, edit }: { title: string; edit: Edit }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('diagnostic.guide.titleLabel')}
      value={title}
      onChange={(e) => {
        const value = e.currentTarget.value;
        edit((m) => {
          m.title = value;
        });
      }}
    />
  );
}

/** The version opened: read it, or (an admin, a draft) edit its every text, then save and publish it. */
export function GuideModelEditor({
  guide,
  mutations,
  onDiscarded,
  onPublished,
}: {
  guide: GuideVersion;
  mutations: Mutations;
  onDiscarded(): void;
  onPublished(): void;
}) {
  const { t } = useTranslation();
  const { model, dirty, setDirty, edit } = useEditedModel(guide);
  const [publishing, setPublishing] = useState(false);
  const canEdit = guide.permissions.edit;
  const publish = () =>
    mutations.publish.mutate(
      { key: model.key, version: model.version },
      {
        onSuccess: () => {
          setPublishing(false);
          notify(t('diagnostic.guide.published', { version: model.version }));
          onPublished();
        },
      },
    );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('diagnostic.guide.versionTitle', { version: model.version })}
        </Title>
        {canEdit ? (
          <DraftActions
            model={model}
            dirty={dirty}
            mutations={mutations}
            onSaved={() => {
              setDirty(false);
              notify(t('diagnostic.guide.saved'));
            }}
            onPublish={() => setPublishing(true)}
            onDiscarded={() => {
              onDiscarded();
              notify(t('diagnostic.guide.discarded'));
            }}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {guide.status === 'published' ? t('diagnostic.guide.immutable') : null}
          </Text>
        )}
      </Group>
      {canEdit ? <TitleField title={model.title} edit={edit} /> : null}
      <Accordion variant="separated" multiple>
        {model.dimensions.map((d, dIndex) => (
          <DimensionPanel key={d.key} dimension={d} dIndex={dIndex} model={model} edit={edit} canEdit={canEdit} />
        ))}
      </Accordion>
      {publishing ? (
        <PublishModal
          guideKey={model.key}
          version={model.version}
          pending={mutations.publish.isPending}
          onClose={() => setPublishing(false)}
          onConfirm={publish}
        />
      ) : null}
    </Stack>
  );
}
