import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { GroupDetail } from '../../../domain/mutualisation/api.ts';
import type { PurchaseWarningCode } from '../../../domain/mutualisation/purchase.ts';
import { formatDate, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useBoundaries } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import {
  useCreatePoll,
  useCreatePurchase,
  useFrameworkLots,
  useGroup,
  useGroupAction,
  useGroups,
  useListedSolutionsOf,
  usePurchaseDraft,
} from './api.ts';
import { groupReason, STATUS_COLOURS } from './labels.ts';
import { SavingsPanel } from './savings-panel.tsx';

const ProvinceMap = lazy(() => import('../../components/province-map.tsx').then((m) => ({ default: m.ProvinceMap })));
const MAP_HEIGHT = 380;
const IN_GROUP = '#1f7a7c';
const OUTSIDE = '#e4e7e5';

/** A group of similar needs: why, which communes (map, population, budgets), the consultant's decisions, polls, savings, purchase. */
export default function GroupPage() {
  const { groupId = '' } = useParams();
  const group = useGroup(groupId);
  if (group.isPending) return <BlockSkeleton />;
  if (!group.data) return <GroupError error={group.error} />;
  return <GroupView group={group.data} />;
}

/** A group the caller may not read, or that is gone: the reason, and the way back. */
function GroupError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <ErrorAlert error={error} />
      <Anchor component={Link} to={paths.needs.to('groups')} size="sm">
        ← {t('needs.backToGroups')}
      </Anchor>
    </Stack>
  );
}

function GroupView({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const action = useGroupAction(group.id);
  const manage = group.permissions.manage;
  const run = (body: Parameters<typeof action.mutate>[0], message: string) =>
    action.mutate(body, { onSuccess: () => notify(message) });

  return (
    <Stack gap="md">
      <PageHeader
        above={
          <Anchor component={Link} to={paths.needs.to('groups')} size="sm">
            ← {t('needs.backToGroups')}
          </Anchor>
        }
        title={group.label}
        description={groupReason(group, language, t)}
        actions={
          <Group gap="sm">
            <Badge color={STATUS_COLOURS[group.status]} size="lg" variant="outline">
              {t(`needs.groupStatus.${group.status}`)}
            </Badge>
            {manage && group.status !== 'confirmed' ? (
              <Button loading={action.isPending} onClick={() => run({ action: 'confirm' }, t('needs.group.confirmed'))}>
                {t('needs.group.confirm')}
              </Button>
            ) : null}
            {manage && group.status !== 'dismissed' ? (
              <Button variant="default" onClick={() => run({ action: 'dismiss' }, t('needs.group.dismissed'))}>
                {t('needs.group.dismiss')}
              </Button>
            ) : null}
            {manage && group.status !== 'proposed' ? (
              <Button variant="subtle" onClick={() => run({ action: 'reopen' }, t('needs.group.reopened'))}>
                {t('needs.group.reopen')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <ErrorAlert error={action.error} />
      {group.sharedTerms.length ? (
        <Group gap="xs" aria-label={t('needs.group.sharedTerms')}>
          <Text size="sm" c="dimmed">
            {t('needs.group.sharedTerms')} :
          </Text>
          {group.sharedTerms.map((term) => (
            <Badge key={term} variant="outline" color="gray.8">
              {term}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CommunesMap group={group} onSelect={(nis) => void navigate(paths.commune.to(nis))} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Table.ScrollContainer minWidth={420}>
            <Table aria-label={t('needs.group.communesLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('needs.commune')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('needs.group.population')}
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('needs.group.needs')}
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('needs.budget')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.communes.map((c) => (
                  <Table.Tr key={c.nisCode}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      {c.population === null ? '—' : formatNumber(c.population, language)}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{c.needCount}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      {c.budget === null ? (
                        <Text span size="sm" c="dimmed">
                          {t('needs.group.notShown')}
                        </Text>
                      ) : (
                        formatEuro(c.budget, language)
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('needs.savings.total')}</Table.Th>
                  <Table.Td style={{ textAlign: 'right' }}>{formatNumber(group.totals.population, language)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{group.needCount}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {group.totals.budget === null ? '—' : formatEuro(group.totals.budget, language)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </Grid.Col>
      </Grid>
      {group.needs.some((n) => n.restricted) ? (
        <Text size="sm" c="dimmed">
          {t('needs.group.restrictedNote')}
        </Text>
      ) : null}
      <NeedsSection group={group} />
      <PollsSection group={group} />
      {manage ? (
        <SavingsPanel key={`${group.id}:${group.polls[0]?.id ?? ''}`} group={group} />
      ) : (
        <YourShare group={group} />
      )}
      <PurchaseSection group={group} />
      <Text size="sm" c="dimmed">
        {t('needs.group.updatedAt', { date: formatDate(group.updatedAt, language) })}
      </Text>
    </Stack>
  );
}

function CommunesMap({ group, onSelect }: { group: GroupDetail; onSelect(nis: string): void }) {
  const { t } = useTranslation();
  const boundaries = useBoundaries();
  const inGroup = new Map(group.communes.map((c) => [c.nisCode, c]));
  if (!boundaries.data) return <Skeleton height={MAP_HEIGHT} aria-label={t('common.loading')} />;
  return (
    <Suspense fallback={<Skeleton height={MAP_HEIGHT} aria-label={t('common.loading')} />}>
      <ProvinceMap
        collection={boundaries.data}
        layerId={`group:${group.id}:${group.communes.length}`}
        colourOf={(commune) => (inGroup.has(commune.nisCode) ? IN_GROUP : OUTSIDE)}
        describe={(commune) => ({
          title: commune.name,
          detail: inGroup.has(commune.nisCode)
            ? t('needs.group.mapIn', { needs: inGroup.get(commune.nisCode)!.needCount })
            : t('needs.group.mapOut'),
        })}
        onSelect={onSelect}
        label={t('needs.group.mapLabel', { label: group.label })}
        zoomInTitle={t('map.zoomIn')}
        zoomOutTitle={t('map.zoomOut')}
        height={MAP_HEIGHT}
      />
    </Suspense>
  );
}

function NeedsSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const action = useGroupAction(group.id);
  const groups = useGroups(group.permissions.manage);
  const [selected, setSelected] = useState<string[]>([]);
  const [mergeWith, setMergeWith] = useState<string | null>(null);
  const manage = group.permissions.manage;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" size="lg">
          {t('needs.group.needsTitle')}
        </Text>
        <Table.ScrollContainer minWidth={620}>
          <Table striped aria-label={t('needs.group.needsTitle')}>
            <Table.Thead>
              <Table.Tr>
                {manage ? <Table.Th scope="col">{t('needs.group.select')}</Table.Th> : null}
                <Table.Th scope="col">{t('needs.title')}</Table.Th>
                <Table.Th scope="col">{t('needs.commune')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('needs.budget')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.needs.map((need) => (
                <Table.Tr key={need.id}>
                  {manage ? (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('needs.group.selectNeed', { title: need.title })}
                        checked={selected.includes(need.id)}
                        onChange={(e) =>
                          setSelected(
                            e.currentTarget.checked ? [...selected, need.id] : selected.filter((id) => id !== need.id),
                          )
                        }
                      />
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    {need.restricted ? (
                      need.title
                    ) : (
                      <Anchor component={Link} to={paths.need.to(need.id)}>
                        {need.title}
                      </Anchor>
                    )}
                    {need.description ? (
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {need.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{need.communeName}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {need.restricted ? (
                      <Text span size="sm" c="dimmed">
                        {t('needs.group.notShown')}
                      </Text>
                    ) : need.estimatedBudget === null ? (
                      '—'
                    ) : (
                      formatEuro(need.estimatedBudget, language)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {manage ? (
          <Group align="flex-end">
            <Button
              variant="default"
              disabled={selected.length === 0 || selected.length === group.needs.length}
              loading={action.isPending}
              onClick={() =>
                action.mutate(
                  { action: 'split', needIds: selected },
                  {
                    onSuccess: () => {
                      setSelected([]);
                      notify(t('needs.group.split'));
                    },
                  },
                )
              }
            >
              {t('needs.group.splitSelected', { count: selected.length })}
            </Button>
            <Select
              label={t('needs.group.mergeWith')}
              data={(groups.data ?? [])
                .filter((g) => g.id !== group.id && g.status !== 'dismissed')
                .map((g) => ({ value: g.id, label: `${g.label} (${g.communeNames.join(', ')})` }))}
              value={mergeWith}
              onChange={setMergeWith}
              searchable
              clearable
              w={320}
            />
            <Button
              variant="default"
              disabled={!mergeWith}
              onClick={() =>
                mergeWith &&
                action.mutate(
                  { action: 'merge', groupId: mergeWith },
                  {
                    onSuccess: () => {
                      setMergeWith(null);
                      notify(t('needs.group.merged'));
                    },
                  },
                )
              }
            >
              {t('needs.group.merge')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

function PollsSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useCreatePoll(group.id);
  const [question, setQuestion] = useState(t('needs.polls.defaultQuestion', { label: group.label }));
  const [unit, setUnit] = useState('');
  const [deadline, setDeadline] = useState('');
  const [audience, setAudience] = useState<'group' | 'all'>('group');
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" size="lg">
          {t('needs.polls.title')}
        </Text>
        {group.polls.length === 0 ? <Text c="dimmed">{t('needs.polls.noneYet')}</Text> : null}
        {group.polls.map((poll) => {
          const answered = poll.answers.filter((a) => a.answer).length;
          return (
            <Stack key={poll.id} gap="xs">
              <Group justify="space-between">
                <Text>{poll.question}</Text>
                <Badge color={poll.closed ? 'gray.8' : 'blue.9'} variant="outline">
                  {t(poll.closed ? 'needs.polls.closed' : 'needs.polls.deadline', {
                    date: formatDate(poll.deadline, language),
                  })}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {group.permissions.manage
                  ? t('needs.polls.progress', { answered, asked: poll.asked })
                  : t('needs.polls.asked', { count: poll.asked })}
              </Text>
              <Table.ScrollContainer minWidth={560}>
                <Table aria-label={t('needs.polls.answersLabel')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('needs.commune')}</Table.Th>
                      <Table.Th scope="col">{t('needs.polls.answer')}</Table.Th>
                      <Table.Th scope="col" style={{ textAlign: 'right' }}>
                        {t('needs.polls.quantity', { unit: poll.unit })}
                      </Table.Th>
                      <Table.Th scope="col" style={{ textAlign: 'right' }}>
                        {t('needs.polls.budget')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {poll.answers.map((a) => (
                      <Table.Tr key={a.communeNis}>
                        <Table.Td>{a.communeName}</Table.Td>
                        <Table.Td>{a.answer ? t(`needs.polls.${a.answer}`) : t('needs.polls.waiting')}</Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>
                          {a.quantity === null ? '—' : formatNumber(a.quantity, language)}
                        </Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>
                          {a.budget === null ? '—' : formatEuro(a.budget, language)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          );
        })}
        {group.permissions.manage ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate({ question, unit, deadline, audience }, { onSuccess: () => notify(t('needs.polls.sent')) });
            }}
          >
            <Stack gap="sm">
              <Text fw={600}>{t('needs.polls.create')}</Text>
              <ErrorAlert error={create.error} />
              <Textarea
                label={t('needs.polls.question')}
                required
                value={question}
                onChange={(e) => setQuestion(e.currentTarget.value)}
              />
              <Group grow align="flex-start">
                <TextInput
                  label={t('needs.savings.unit')}
                  required
                  value={unit}
                  onChange={(e) => setUnit(e.currentTarget.value)}
                />
                <DateField label={t('needs.polls.deadlineLabel')} required value={deadline} onChange={setDeadline} />
                <Select
                  label={t('needs.polls.audience')}
                  data={[
                    { value: 'group', label: t('needs.polls.audienceGroup') },
                    { value: 'all', label: t('needs.polls.audienceAll') },
                  ]}
                  value={audience}
                  onChange={(v) => setAudience((v as 'group' | 'all') ?? 'group')}
                  allowDeselect={false}
                />
              </Group>
              <Group justify="flex-end">
                <Button type="submit" loading={create.isPending}>
                  {t('needs.polls.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * The joint purchase (issue 10): through a lot of the agency's framework agreement, the consultant chooses the lot
 * and the solution; the draft shows each commune's line, what the lot has left, and what to confirm and why (one
 * commune, no saving, adhesions to record); each commune's line becomes a call-off under the lot's ceiling.
 */
function PurchaseSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useCreatePurchase(group.id);
  const [title, setTitle] = useState(t('needs.purchase.defaultTitle', { label: group.label }));
  const [lotId, setLotId] = useState<string | null>(null);
  const [solutionId, setSolutionId] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [confirmed, setConfirmed] = useState<PurchaseWarningCode[]>([]);
  const canBuy = !group.purchase && group.permissions.manage && group.status === 'confirmed';
  const lots = useFrameworkLots(canBuy);
  const ofCategory = useListedSolutionsOf(group.category, canBuy);
  const draft = usePurchaseDraft(group.id, lotId, canBuy);
  if (!group.purchase && !canBuy) return null;
  const lot = lots.data?.lots.find((l) => l.id === lotId);
  const euro = (value: number) => formatEuro(value, language);
  const purchase = group.purchase;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" size="lg">
          {t('needs.purchase.title')}
        </Text>
        {purchase ? (
          <>
            <Text>{purchase.title}</Text>
            {purchase.lot ? (
              <Text size="sm">
                {t('needs.purchase.throughLot', { lot: purchase.lot.label })}
                {purchase.solution ? ` — ${purchase.solution.name}` : ''}.{' '}
                <Anchor component={Link} to="/catalogue?tab=agreements" underline="always">
                  {t('needs.purchase.seeAgreement')}
                </Anchor>
              </Text>
            ) : null}
            <PurchaseLines
              lines={purchase.lines}
              withCallOffs={Boolean(purchase.lot)}
              label={t('needs.purchase.linesLabel')}
            />
            {purchase.totals ? (
              <Text size="sm">
                {t('needs.purchase.totals', {
                  together: euro(purchase.totals.costTogether),
                  saving: euro(purchase.totals.saving),
                })}
              </Text>
            ) : null}
          </>
        ) : (
          <>
            <Group align="flex-end">
              <TextInput
                label={t('needs.purchase.name')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                w={{ base: '100%', sm: 420 }}
              />
              <Select
                label={t('needs.purchase.lot')}
                description={t('needs.purchase.lotHelp')}
                data={lots.data?.options ?? []}
                value={lotId}
                onChange={(value) => {
                  setLotId(value);
                  // The lot's only solution, or its only one of the group's category, is proposed.
                  const solutions = lots.data?.lots.find((l) => l.id === value)?.solutions ?? [];
                  const fitting = solutions.filter((x) => ofCategory.data?.includes(x.solutionId));
                  const proposed = solutions.length === 1 ? solutions : fitting.length === 1 ? fitting : [];
                  setSolutionId(proposed[0]?.solutionId ?? null);
                }}
                clearable
                w={{ base: '100%', sm: 420 }}
              />
              {lot ? (
                <Select
                  label={t('needs.purchase.solution')}
                  data={lot.solutions.map((x) => ({ value: x.solutionId, label: x.name }))}
                  value={solutionId}
                  onChange={setSolutionId}
                  required
                  w={260}
                />
              ) : null}
            </Group>
            <ErrorAlert error={draft.error} />
            {draft.data && draft.data.lines.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="purchase-draft">
                {t('needs.purchase.noLines')}
              </Text>
            ) : draft.data ? (
              <Text size="sm" data-testid="purchase-draft">
                {draft.data.lot
                  ? t('needs.purchase.draftLot', {
                      amount: euro(draft.data.amount),
                      remaining: euro(draft.data.lot.remaining),
                    })
                  : t('needs.purchase.draft', { amount: euro(draft.data.amount) })}
              </Text>
            ) : null}
            <Group>
              <Button
                disabled={
                  !draft.data || draft.data.lines.length === 0 || !title.trim() || (Boolean(lotId) && !solutionId)
                }
                onClick={() => {
                  create.reset();
                  setConfirmed([]);
                  setReviewing(true);
                }}
              >
                {t('needs.purchase.create')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {draft.data ? (
        <AppModal
          opened={reviewing}
          onClose={() => setReviewing(false)}
          title={t('needs.purchase.reviewTitle')}
          size="lg"
        >
          <Stack gap="sm">
            <Text>
              {draft.data.lot
                ? t('needs.purchase.reviewLot', {
                    title,
                    lot: draft.data.lot.label,
                    amount: euro(draft.data.amount),
                    after: euro(draft.data.lot.remaining - draft.data.amount),
                  })
                : t('needs.purchase.review', { title, amount: euro(draft.data.amount) })}
            </Text>
            <PurchaseLines
              lines={draft.data.lines.map((l) => ({ ...l, callOffId: null }))}
              withCallOffs={false}
              label={t('needs.purchase.draftLinesLabel')}
            />
            {draft.data.lot && draft.data.amount > draft.data.lot.remaining ? (
              <Alert color="red" variant="light" role="alert">
                {t('needs.purchase.overCeiling', { remaining: euro(draft.data.lot.remaining) })}
              </Alert>
            ) : null}
            {draft.data.warnings.length ? (
              <Stack gap="xs">
                <Text fw={600} size="sm">
                  {t('needs.purchase.toConfirm')}
                </Text>
                {draft.data.warnings.map((w) => (
                  <Checkbox
                    key={w.code}
                    label={w.messageFr}
                    checked={confirmed.includes(w.code)}
                    onChange={(e) =>
                      setConfirmed(
                        e.currentTarget.checked ? [...confirmed, w.code] : confirmed.filter((c) => c !== w.code),
                      )
                    }
                  />
                ))}
              </Stack>
            ) : null}
            <ErrorAlert error={create.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReviewing(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                loading={create.isPending}
                disabled={draft.data.warnings.some((w) => !confirmed.includes(w.code))}
                onClick={() =>
                  create.mutate(
                    { title, lotId, solutionId: lotId ? solutionId : null, confirmed },
                    {
                      onSuccess: () => {
                        setReviewing(false);
                        notify(t('needs.purchase.created'));
                      },
                    },
                  )
                }
              >
                {t('needs.purchase.confirm')}
              </Button>
            </Group>
          </Stack>
        </AppModal>
      ) : null}
    </Card>
  );
}

function PurchaseLines({
  lines,
  withCallOffs,
  label,
}: {
  lines: { communeNis: string; communeName: string; quantity: number; amount: number; callOffId: string | null }[];
  withCallOffs: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('needs.commune')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('needs.savings.quantity')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('needs.purchase.amount')}
            </Table.Th>
            {withCallOffs ? <Table.Th scope="col">{t('needs.purchase.callOff')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.communeNis}>
              <Table.Td>{line.communeName}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {line.quantity ? formatNumber(line.quantity, language) : '—'}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatEuro(line.amount, language)}</Table.Td>
              {withCallOffs ? <Table.Td>{line.callOffId ? t('needs.purchase.ordered') : '—'}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A commune user's line of the agency's saved estimate, instead of the other communes' figures. */
function YourShare({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const share = group.yourShare;
  if (!share) return null;
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Text fw={600} component="h2" size="lg">
          {t('needs.savings.yourShare')}
        </Text>
        <Text>
          {t('needs.savings.yourShareText', {
            quantity:
              `${formatNumber(share.quantity, language)} ${(group.priceModel as { unit?: string } | null)?.unit ?? ''}`.trim(),
            together: formatEuro(share.costTogether, language),
            alone: formatEuro(share.costAlone, language),
            saving: formatEuro(share.saving, language),
          })}
        </Text>
      </Stack>
    </Card>
  );
}
