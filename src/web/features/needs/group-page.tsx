import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { GroupDetail } from '../../../domain/mutualisation/api.ts';
import { formatDate, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useGroup, useGroupAction } from './api.ts';
import { CommunesSection } from './group-communes-section.tsx';
import { NeedsSection } from './group-needs-section.tsx';
import { PollsSection } from './group-polls-section.tsx';
import { PurchaseSection } from './group-purchase-section.tsx';
import { groupReason, STATUS_COLOURS } from './labels.ts';
import { SavingsPanel } from './savings-panel.tsx';

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
  const action = useGroupAction(group.id);
  const manage = group.permissions.manage;

  return (
    <Stack gap="md">
      <GroupHeader group={group} action={action} />
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
      <CommunesSection group={group} />
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

/** The group's name, why it was formed, its status, and the consultant's decisions on it. */
function GroupHeader({ group, action }: { group: GroupDetail; action: ReturnType<typeof useGroupAction> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const manage = group.permissions.manage;
  const run = (body: Parameters<typeof action.mutate>[0], message: string) =>
    action.mutate(body, { onSuccess: () => notify(message) });
  return (
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
