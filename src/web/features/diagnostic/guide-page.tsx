import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GuideVersion } from '../../../domain/diagnostic/guides.ts';
import type { Factor, MaturityModel, Question } from '../../../domain/diagnostic/model.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useGuide, useGuideChanges, useGuideMutations, useGuides } from './api.ts';
import { DIMENSION_COLOURS } from './dimension-labels.ts';

/** A key nobody uses yet in the guide, from a stem. */
function freshKey(model: MaturityModel, stem: string): string {
  const used = new Set(
    model.dimensions.flatMap((d) => [
      ...d.factors.map((f) => f.key),
      ...d.factors.flatMap((f) => f.questions.map((q) => q.key)),
    ]),
  );
  for (let n = 1; ; n++) {
    const key = `${stem}_${n}`;
    if (!used.has(key)) return key;
  }
}

function newQuestion(model: MaturityModel, stem: string, text: string): Question {
  return {
    key: freshKey(model, stem),
    text,
    levels: model.scale.levels.map((l) => ({ level: l.level, descriptor: '…' })),
  };
}

type Edit = (change: (model: MaturityModel) => void) => void;

function QuestionEditor({
  question,
  path,
  edit,
  readOnly,
  levels,
}: {
  question: Question;
  path: string;
  edit: Edit;
  readOnly: boolean;
  levels: MaturityModel['scale']['levels'];
}) {
  const { t } = useTranslation();
  const [dIndex, fIndex, qIndex] = path.split('.').map(Number) as [number, number, number];
  const at = (m: MaturityModel) => m.dimensions[dIndex]!.factors[fIndex]!.questions[qIndex]!;
  if (readOnly) {
    return (
      <Paper withBorder p="xs">
        <Text fw={600} size="sm">
          {question.text}{' '}
          <Text span c="dimmed" size="xs">
            ({question.key})
          </Text>
        </Text>
        {question.help ? (
          <Text size="xs" c="dimmed">
            {question.help}
          </Text>
        ) : null}
        <Stack gap={0} mt={4}>
          {question.levels.map((l) => (
            <Text size="xs" key={l.level}>
              <strong>{l.level}</strong> — {l.descriptor}
            </Text>
          ))}
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="xs">
      <Stack gap={6}>
        <Group align="flex-end" wrap="nowrap">
          <Textarea
            style={{ flex: 1 }}
            autosize
            minRows={1}
            label={t('diagnostic.guide.questionText', { key: question.key })}
            value={question.text}
            onChange={(e) => {
              const value = e.currentTarget.value;
              edit((m) => {
                at(m).text = value;
              });
            }}
          />
          <Button
            variant="subtle"
            color="red.8"
            size="compact-sm"
            onClick={() => edit((m) => void m.dimensions[dIndex]!.factors[fIndex]!.questions.splice(qIndex, 1))}
          >
            {t('diagnostic.guide.removeQuestion')}
          </Button>
        </Group>
        <TextInput
          size="xs"
          label={t('diagnostic.guide.help')}
          value={question.help ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            edit((m) => {
              if (value.trim()) at(m).help = value;
              else delete at(m).help;
            });
          }}
        />
        {question.levels.map((l, i) => (
          <Textarea
            key={l.level}
            size="xs"
            autosize
            minRows={1}
            label={t('diagnostic.guide.descriptor', { level: l.level, label: levels[i]?.label ?? '' })}
            value={l.descriptor}
            onChange={(e) => {
              const value = e.currentTarget.value;
              edit((m) => {
                at(m).levels[i]!.descriptor = value;
              });
            }}
          />
        ))}
      </Stack>
    </Paper>
  );
}

function FactorEditor({
  factor,
  path,
  edit,
  readOnly,
  model,
}: {
  factor: Factor;
  path: string;
  edit: Edit;
  readOnly: boolean;
  model: MaturityModel;
}) {
  const { t } = useTranslation();
  const [dIndex, fIndex] = path.split('.').map(Number) as [number, number];
  const at = (m: MaturityModel) => m.dimensions[dIndex]!.factors[fIndex]!;
  return (
    <Paper withBorder p="sm" bg="#fafcfc">
      <Stack gap="xs">
        {readOnly ? (
          <>
            <Text fw={700}>
              {factor.label}{' '}
              {factor.rural ? (
                <Badge size="xs" variant="outline" color="#1f6e30">
                  {t('diagnostic.rural')}
                </Badge>
              ) : null}
            </Text>
            <Text size="sm" c="dimmed">
              {factor.description}
            </Text>
          </>
        ) : (
          <>
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('diagnostic.guide.factorLabel', { key: factor.key })}
                value={factor.label}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  edit((m) => {
                    at(m).label = value;
                  });
                }}
              />
              <Checkbox
                mb={8}
                label={t('diagnostic.rural')}
                checked={factor.rural}
                onChange={(e) => {
                  const value = e.currentTarget.checked;
                  edit((m) => {
                    at(m).rural = value;
                  });
                }}
              />
              <Button
                variant="subtle"
                color="red.8"
                size="compact-sm"
                mb={6}
                onClick={() => edit((m) => void m.dimensions[dIndex]!.factors.splice(fIndex, 1))}
              >
                {t('diagnostic.guide.removeFactor')}
              </Button>
            </Group>
            <Textarea
              autosize
              minRows={1}
              label={t('diagnostic.guide.factorDescription')}
              value={factor.description}
              onChange={(e) => {
                const value = e.currentTarget.value;
                edit((m) => {
                  at(m).description = value;
                });
              }}
            />
          </>
        )}
        {factor.questions.map((q, qIndex) => (
          <QuestionEditor
            key={q.key}
            question={q}
            path={`${path}.${qIndex}`}
            edit={edit}
            readOnly={readOnly}
            levels={model.scale.levels}
          />
        ))}
        {readOnly ? null : (
          <Group>
            <Button
              variant="light"
              size="compact-sm"
              onClick={() =>
                edit(
                  (m) => void at(m).questions.push(newQuestion(m, factor.key, t('diagnostic.guide.newQuestionText'))),
                )
              }
            >
              {t('diagnostic.guide.addQuestion')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function PublishModal({
  guideKey,
  version,
  onClose,
  onConfirm,
  pending,
}: {
  guideKey: string;
  version: number;
  onClose(): void;
  onConfirm(): void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const changes = useGuideChanges(guideKey, version, true);
  return (
    <AppModal opened onClose={onClose} title={t('diagnostic.guide.publishTitle', { version })} size="lg">
      <Stack>
        <Alert color="orange">{t('diagnostic.guide.publishWarning')}</Alert>
        <ErrorAlert error={changes.error} />
        {changes.data ? (
          <Stack gap={2}>
            <Text fw={600}>{t('diagnostic.guide.changes', { count: changes.data.changes.length })}</Text>
            {changes.data.changes.slice(0, 30).map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: changes have no identity of their own
              <Text size="sm" key={i}>
                • {t(`diagnostic.guide.change.${c.kind}`)}{' '}
                {'questionKey' in c ? `(${c.questionKey})` : 'factorKey' in c ? `(${c.factorKey})` : ''}
              </Text>
            ))}
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={pending}>
            {t('diagnostic.guide.publish')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

const REFERENCE_KEY = 'smart-rural-fr';

/** A new guide: its key and title; version 1 starts as a draft copy of the reference guide. */
function NewGuideModal({ onClose, onCreated }: { onClose(): void; onCreated(created: GuideVersion): void }) {
  const { t } = useTranslation();
  const { create } = useGuideMutations();
  const [key, setKey] = useState('');
  const [title, setTitle] = useState('');
  return (
    <AppModal opened onClose={onClose} title={t('diagnostic.guide.newGuideTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ key: key.trim(), title: title.trim() }, { onSuccess: onCreated });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('diagnostic.guide.newGuideIntro')}</Text>
          <TextInput
            label={t('diagnostic.guide.newGuideKey')}
            description={t('diagnostic.guide.newGuideKeyHelp')}
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            required
            data-autofocus
          />
          <TextInput
            label={t('diagnostic.guide.titleLabel')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('diagnostic.guide.newGuideCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The interview guide: its versions; an agency admin drafts the next one, edits it and publishes it. */
export default function GuidePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const guides = useGuides();
  const mutations = useGuideMutations();
  const [selected, setSelected] = useState<{ key: string; version: number } | null>(null);
  const [creating, setCreating] = useState(false);
  // The list is sorted by key, then version downwards; the reference guide is shown first.
  const reference = guides.data?.find((g) => g.key === REFERENCE_KEY) ?? guides.data?.[0] ?? null;
  const current = selected ?? (reference ? { key: reference.key, version: reference.version } : null);
  const latest = guides.data?.find((g) => g.key === current?.key) ?? null;
  const guide = useGuide(current?.key ?? null, current?.version ?? null);
  const [model, setModel] = useState<MaturityModel | null>(null);
  const [dirty, setDirty] = useState(false);
  const [publishing, setPublishing] = useState(false);

  useEffect(() => {
    if (guide.data) {
      setModel(structuredClone(guide.data.model));
      setDirty(false);
    }
  }, [guide.data]);

  const edit: Edit = (change) => {
    setModel((m) => {
      if (!m) return m;
      const next = structuredClone(m);
      change(next);
      return next;
    });
    setDirty(true);
  };
  const canEdit = guide.data?.permissions.edit ?? false;
  const hasDraft = (guides.data ?? []).some((g) => g.key === current?.key && g.status === 'draft');
  const error =
    mutations.create.error ??
    mutations.draft.error ??
    mutations.save.error ??
    mutations.publish.error ??
    mutations.discard.error;

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
          <Group gap="xs">
            {guide.data?.permissions.createDraft ? (
              <Button variant="default" onClick={() => setCreating(true)}>
                {t('diagnostic.guide.newGuide')}
              </Button>
            ) : null}
            {!hasDraft && latest && guide.data?.permissions.createDraft ? (
              <Button
                variant="light"
                loading={mutations.draft.isPending}
                onClick={() =>
                  mutations.draft.mutate(latest.key, {
                    onSuccess: (draft) => {
                      setSelected({ key: draft.key, version: draft.version });
                      notify(t('diagnostic.guide.drafted', { version: draft.version }));
                    },
                  })
                }
              >
                {t('diagnostic.guide.createDraft')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <ErrorAlert error={guides.error ?? error} />
      {guides.data ? (
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('diagnostic.guide.version')}</Table.Th>
                <Table.Th scope="col">{t('diagnostic.guide.status')}</Table.Th>
                <Table.Th scope="col">{t('diagnostic.guide.size')}</Table.Th>
                <Table.Th scope="col">{t('diagnostic.guide.used')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {guides.data.map((g) => (
                <Table.Tr key={`${g.key}/${g.version}`}>
                  <Table.Td>
                    {g.title} — v{g.version}{' '}
                    <Text span size="xs" c="dimmed">
                      ({g.key})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {g.status === 'draft' ? (
                      <Badge color="orange.9" variant="outline" tt="none">
                        {t('diagnostic.guide.draft')}
                      </Badge>
                    ) : (
                      <Badge
                        color="teal.9"
                        variant="outline"
                        tt="none"
                        styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
                      >
                        {t('diagnostic.guide.publishedOn', {
                          date: g.publishedAt ? formatDate(g.publishedAt, language) : '',
                        })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t('diagnostic.guide.sizeValue', { factors: g.factors, questions: g.questions })}</Table.Td>
                  <Table.Td>{t('diagnostic.guide.usedValue', { count: g.interviews })}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant={current?.key === g.key && current.version === g.version ? 'filled' : 'default'}
                      onClick={() => setSelected({ key: g.key, version: g.version })}
                    >
                      {g.status === 'draft' ? t('diagnostic.guide.editDraft') : t('diagnostic.guide.view')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <BlockSkeleton lines={3} />
      )}
      {guide.error ? <ErrorAlert error={guide.error} /> : null}
      {model && guide.data ? (
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h3">
              {t('diagnostic.guide.versionTitle', { version: model.version })}
            </Title>
            {canEdit ? (
              <Group gap="xs">
                <Text size="sm" c={dirty ? 'orange.9' : 'dimmed'} role="status">
                  {dirty ? t('diagnostic.guide.unsaved') : t('diagnostic.guide.allSaved')}
                </Text>
                <Button
                  disabled={!dirty}
                  loading={mutations.save.isPending}
                  onClick={() =>
                    mutations.save.mutate(model, {
                      onSuccess: () => {
                        setDirty(false);
                        notify(t('diagnostic.guide.saved'));
                      },
                    })
                  }
                >
                  {t('diagnostic.guide.save')}
                </Button>
                <Button color="teal" disabled={dirty} onClick={() => setPublishing(true)}>
                  {t('diagnostic.guide.publish')}
                </Button>
                <Button
                  variant="subtle"
                  color="red.8"
                  onClick={() =>
                    mutations.discard.mutate(
                      { key: model.key, version: model.version },
                      {
                        onSuccess: () => {
                          setSelected(null);
                          notify(t('diagnostic.guide.discarded'));
                        },
                      },
                    )
                  }
                >
                  {t('diagnostic.guide.discard')}
                </Button>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {guide.data.status === 'published' ? t('diagnostic.guide.immutable') : null}
              </Text>
            )}
          </Group>
          {canEdit ? (
            <TextInput
              label={t('diagnostic.guide.titleLabel')}
              value={model.title}
              onChange={(e) => {
                const value = e.currentTarget.value;
                edit((m) => {
                  m.title = value;
                });
              }}
            />
          ) : null}
          <Accordion variant="separated" multiple>
            {model.dimensions.map((d, dIndex) => (
              <Accordion.Item key={d.key} value={d.key}>
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
                        <Button
                          variant="light"
                          size="compact-sm"
                          onClick={() =>
                            edit((m) => {
                              const key = freshKey(m, `${d.key}_factor`);
                              m.dimensions[dIndex]!.factors.push({
                                key,
                                label: t('diagnostic.guide.newFactorLabel'),
                                description: t('diagnostic.guide.newFactorDescription'),
                                rural: true,
                                questions: [newQuestion(m, key, t('diagnostic.guide.newQuestionText'))],
                              });
                            })
                          }
                        >
                          {t('diagnostic.guide.addFactor')}
                        </Button>
                      </Group>
                    ) : null}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
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
      {publishing && model ? (
        <PublishModal
          guideKey={model.key}
          version={model.version}
          pending={mutations.publish.isPending}
          onClose={() => setPublishing(false)}
          onConfirm={() =>
            mutations.publish.mutate(
              { key: model.key, version: model.version },
              {
                onSuccess: () => {
                  setPublishing(false);
                  notify(t('diagnostic.guide.published', { version: model.version }));
                  void guide.refetch();
                },
              },
            )
          }
        />
      ) : null}
    </Stack>
  );
}
