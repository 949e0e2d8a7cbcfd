import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MAX_COMPARED, type Shortlist } from '../../../domain/catalogue/shortlists.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useCommuneList } from '../../lib/communes-query.ts';
import { useShortlists, useSolutions, useUpdateShortlist } from './api.ts';
import { OutcomeForm, ShortlistOutcome } from './shortlist-outcome.tsx';

/** The shortlists of the commune (or all, for agency staff): compare, export, record the outcome. */
export function ShortlistsTab() {
  const { t } = useTranslation();
  const shortlists = useShortlists();
  if (shortlists.error) return <ErrorAlert error={shortlists.error} />;
  if (!shortlists.data) return <BlockSkeleton />;
  if (shortlists.data.length === 0) return <Text c="dimmed">{t('catalogue.shortlists.none')}</Text>;
  return (
    <Stack gap="md">
      {shortlists.data.map((s) => (
        <ShortlistCard key={s.id} shortlist={s} />
      ))}
    </Stack>
  );
}

function ShortlistCard({ shortlist }: { shortlist: Shortlist }) {
  const solutions = useSolutions();
  const communes = useCommuneList();
  const editable = shortlist.permissions.update;
  const nameOf = (id: string) => solutions.data?.find((s) => s.id === id)?.name ?? '…';
  const commune = communes.data?.find((c) => c.nisCode === shortlist.communeNis)?.name;
  const headingId = `shortlist-${shortlist.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <ShortlistHeading shortlist={shortlist} commune={commune} headingId={headingId} />
        <ShortlistSolutions shortlist={shortlist} nameOf={nameOf} />
        {shortlist.outcome ? (
          <ShortlistOutcome outcome={shortlist.outcome} nameOf={nameOf} />
        ) : editable && shortlist.solutionIds.length > 0 ? (
          <OutcomeForm shortlist={shortlist} nameOf={nameOf} />
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The shortlist's name and commune; comparing its solutions, exporting it. */
function ShortlistHeading(props: { shortlist: Shortlist; commune: string | undefined; headingId: string }) {
  const { t } = useTranslation();
  const { shortlist, commune } = props;
  return (
    <Group justify="space-between" wrap="wrap">
      <Title order={2} size="h4" id={props.headingId}>
        {shortlist.name}
        {commune ? (
          <Text span c="dimmed" size="sm">
            {' '}
            — {commune}
          </Text>
        ) : null}
      </Title>
      <Group gap="xs">
        {shortlist.solutionIds.length >= 2 && shortlist.solutionIds.length <= MAX_COMPARED ? (
          <Button component={Link} to={paths.catalogueCompare.to(shortlist.solutionIds)} size="xs">
            {t('catalogue.shortlists.compare')}
          </Button>
        ) : null}
        <Button
          component="a"
          href={`/api/catalogue/shortlists/${shortlist.id}/export.xlsx`}
          size="xs"
          variant="default"
        >
          {t('catalogue.shortlists.xlsx')}
        </Button>
        <Button component="a" href={`/api/catalogue/shortlists/${shortlist.id}/export.pdf`} size="xs" variant="default">
          {t('catalogue.shortlists.pdf')}
        </Button>
      </Group>
    </Group>
  );
}

/** The solutions on the shortlist, each removable when the user may change it. */
function ShortlistSolutions({ shortlist, nameOf }: { shortlist: Shortlist; nameOf(id: string): string }) {
  const { t } = useTranslation();
  const update = useUpdateShortlist();
  if (shortlist.solutionIds.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('catalogue.shortlists.empty')}
      </Text>
    );
  }
  return (
    <Group gap="xs">
      {shortlist.solutionIds.map((id) => (
        <Badge
          key={id}
          variant="light"
          size="lg"
          rightSection={
            shortlist.permissions.update ? (
              <Anchor
                component="button"
                type="button"
                size="xs"
                aria-label={t('catalogue.shortlists.removeNamed', { name: nameOf(id) })}
                onClick={() =>
                  update.mutate({ id: shortlist.id, solutionIds: shortlist.solutionIds.filter((x) => x !== id) })
                }
              >
                ×
              </Anchor>
            ) : null
          }
        >
          <Anchor component={Link} to={paths.catalogueSolution.to(id)} size="sm">
            {nameOf(id)}
          </Anchor>
        </Badge>
      ))}
    </Group>
  );
}
