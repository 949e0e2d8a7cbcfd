import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  List,
  NumberInput,
  Paper,
  Progress,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type FollowUpStatus,
  FollowUpUpdateInput,
  StatusChangeInput,
} from '../../../domain/implementation/follow-up.ts';
import type { ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { InlineAddForm } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useChangeStatus, useFollowUp, usePublish, useUpdateFollowUp } from './api.ts';
import { BudgetSection } from './budget-section.tsx';
import { DocumentsSection } from './documents-section.tsx';
import { requiredNumber } from './follow-up-section.tsx';
import { IndicatorsSection } from './indicators-section.tsx';
import { alertText, historyText, StatusBadge } from './labels.tsx';
import { MilestonesSection } from './milestones-section.tsx';
import { ProcurementSection } from './procurement-section.tsx';

/** The follow-up page of one project: status, progress, alerts, milestones, budget, indicators, procurement, history. */
export default function ProjectPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const followUp = useFollowUp(projectId);

  if (followUp.error) return <ErrorAlert error={followUp.error} />;
  if (!followUp.data) return <BlockSkeleton />;
  const state = followUp.data;

  return (
    <Stack gap="lg">
      <PageHeader
        above={
          <Anchor underline="always" component={Link} to={paths.missionImplementation.to(state.missionId)} size="sm">
            {t('implementation.project.back', { mission: state.missionTitle })}
          </Anchor>
        }
        title={state.title}
        description={t('implementation.project.lead', { commune: state.communeName })}
        actions={<StatusBadge status={state.status} />}
      />
      {!state.started ? (
        <Alert variant="light" color="rural">
          {t('implementation.mission.notStarted')}
        </Alert>
      ) : null}
      <AlertsPanel state={state} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <StatusPanel state={state} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ProgressPanel state={state} />
        </Grid.Col>
      </Grid>
      <MilestonesSection state={state} />
      <BudgetSection state={state} />
      <IndicatorsSection state={state} />
      <ProcurementSection state={state} />
      <DocumentsSection state={state} />
      <HistorySection state={state} />
    </Stack>
  );
}

function AlertsPanel({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (state.alerts.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={t('implementation.alerts.title', { count: state.alerts.length })}>
      <List size="sm">
        {state.alerts.map((a) => (
          <List.Item key={a.key}>{alertText(a, t, language)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

const needsReasonFor = (status: string | null) => status === 'suspended' || status === 'abandoned';

/** The next status among those the rules allow, with its reason when suspending or abandoning. */
function StatusForm({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const change = useChangeStatus(state.id);
  const { form, submit } = useSchemaForm({
    schema: StatusChangeInput,
    initialValues: { next: null as string | null, reason: '' },
    toInput: (v) => ({ status: (v.next ?? '') as FollowUpStatus, reason: needsReasonFor(v.next) ? v.reason : null }),
  });
  const onSubmit = submit((input, callbacks) =>
    change.mutate(input, {
      ...callbacks,
      onSuccess: () => {
        notify(t('implementation.project.statusChanged'));
        form.reset();
      },
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <FormErrorSummary errors={form.errors} />
        <Select
          label={t('implementation.project.nextStatus')}
          data={state.nextStatuses.map((s) => ({ value: s, label: t(`implementation.statuses.${s}`) }))}
          allowDeselect={false}
          {...form.getInputProps('next')}
        />
        {needsReasonFor(form.values.next) ? (
          <TextInput label={t('implementation.project.reasonLabel')} required {...form.getInputProps('reason')} />
        ) : null}
        <ErrorAlert error={change.error} />
        <Group>
          <Button type="submit" disabled={!form.values.next} loading={change.isPending}>
            {t('implementation.project.changeStatus')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StatusPanel({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const canEdit = state.permissions.edit && state.started;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="status-heading">
      <Title order={2} size="h4" id="status-heading" mb="xs">
        {t('implementation.project.statusTitle')}
      </Title>
      <Group gap="xs" mb="xs">
        <Text>{t('implementation.project.currentStatus')}</Text>
        <StatusBadge status={state.status} />
      </Group>
      {state.statusReason ? (
        <Text size="sm" mb="xs">
          {t('implementation.project.reason', { reason: state.statusReason })}
        </Text>
      ) : null}
      {canEdit && state.nextStatuses.length > 0 ? <StatusForm state={state} /> : null}
    </Paper>
  );
}

/** Publish the project on the commune's public pages, and with it (or not) its amounts. */
function PublicationSwitches(props: { state: ProjectFollowUp; publish: ReturnType<typeof usePublish> }) {
  const { t } = useTranslation();
  const { state, publish } = props;
  return (
    <Stack gap={4} mt="md">
      <Switch
        label={t('implementation.project.publish')}
        checked={state.published}
        disabled={!state.permissions.publish || !state.started || publish.isPending}
        onChange={(e) =>
          publish.mutate(
            { published: e.currentTarget.checked },
            {
              onSuccess: (s) =>
                notify(t(s.published ? 'implementation.project.publishedNow' : 'implementation.project.unpublished')),
            },
          )
        }
      />
      <Switch
        label={t('implementation.project.publishAmounts')}
        description={t('implementation.project.publishAmountsHelp')}
        checked={state.publishAmounts}
        disabled={!state.permissions.publish || !state.published || publish.isPending}
        onChange={(e) =>
          publish.mutate(
            { published: true, publishAmounts: e.currentTarget.checked },
            {
              onSuccess: (s) =>
                notify(
                  t(
                    s.publishAmounts
                      ? 'implementation.project.amountsPublished'
                      : 'implementation.project.amountsHidden',
                  ),
                ),
            },
          )
        }
      />
      <Text size="xs" c="dimmed">
        {t('implementation.project.publishHelp')}{' '}
        <Anchor underline="always" component={Link} to={paths.programme.to(state.communeNis)} size="xs">
          {t('implementation.project.publicLink')}
        </Anchor>
      </Text>
    </Stack>
  );
}

/** The share of the project done, saved on its own (the form starts again from each saved value). */
function ProgressForm(props: { state: ProjectFollowUp; update: ReturnType<typeof useUpdateFollowUp> }) {
  const { t } = useTranslation();
  const { update } = props;
  const { form, submit } = useSchemaForm({
    schema: FollowUpUpdateInput,
    initialValues: { progress: props.state.progress as number | string },
    toInput: (v) => ({ progress: requiredNumber(v.progress) }),
  });
  const onSubmit = submit((input, callbacks) =>
    update.mutate(input, { ...callbacks, onSuccess: () => notify(t('implementation.saved')) }),
  );
  return (
    <InlineAddForm
      errors={form.errors}
      onSubmit={onSubmit}
      label={t('implementation.project.saveProgress')}
      pending={update.isPending}
      mt="xs"
    >
      <NumberInput
        label={t('implementation.project.progressLabel')}
        min={0}
        max={100}
        w={160}
        {...form.getInputProps('progress')}
      />
    </InlineAddForm>
  );
}

function ProgressPanel({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const update = useUpdateFollowUp(state.id);
  const publish = usePublish(state.id);
  const canEdit = state.permissions.edit && state.started;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="progress-heading">
      <Title order={2} size="h4" id="progress-heading" mb="xs">
        {t('implementation.project.progressTitle')}
      </Title>
      <Text size="sm">{t('implementation.project.progressValue', { value: state.progress })}</Text>
      <Progress value={state.progress} size="lg" mb="sm" aria-hidden="true" />
      {canEdit ? <ProgressForm key={state.progress} state={state} update={update} /> : null}
      <ErrorAlert error={update.error ?? publish.error} />
      <PublicationSwitches state={state} publish={publish} />
    </Paper>
  );
}

function HistorySection({ state }: { state: ProjectFollowUp }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading" mb="xs">
        {t('implementation.history.title')}
      </Title>
      {state.history.length === 0 ? (
        <Text size="sm">{t('implementation.history.empty')}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {state.history.map((h) => (
            <List.Item key={h.id}>
              <Text span size="sm" fw={600}>
                {formatDateTime(h.at, language)}
              </Text>{' '}
              <Badge size="xs" variant="outline" color="gray">
                {h.actor}
              </Badge>{' '}
              {historyText(h, t, language)}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
