import { Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useSolution } from './api.ts';
import { categoryLabel, STATUS_COLOURS } from './labels.ts';
import { OrderPanel } from './order-panel.tsx';
import { Facts, StatusEditor } from './solution-facts.tsx';
import { SolutionFormModal } from './solution-form.tsx';
import { SolutionImages, SolutionLogo } from './solution-images.tsx';

/** One solution: what a buyer reads, the lots offering it, and the order form (call-off). */
export default function SolutionPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { solutionId = '' } = useParams();
  const solution = useSolution(solutionId);
  const s = solution.data;
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader
        title={s?.name ?? t('catalogue.title')}
        description={s ? `${s.vendor} — ${s.summary}` : undefined}
        above={
          <Anchor component={Link} to={paths.catalogue.to()} size="sm">
            ← {t('catalogue.back')}
          </Anchor>
        }
        actions={
          s?.permissions.update ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      {editing && s ? <SolutionFormModal opened onClose={() => setEditing(false)} solution={s} /> : null}
      <ErrorAlert error={solution.error} />
      {!s ? (
        solution.isPending ? (
          <BlockSkeleton />
        ) : null
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <Group gap="xs">
                <SolutionLogo url={s.logo?.url ?? null} name={s.name} size={64} />
                <Badge color={STATUS_COLOURS[s.status]} variant="light">
                  {t(`catalogue.status.${s.status}`)}
                </Badge>
                {s.demo ? (
                  <Badge color="dark" variant="outline">
                    {t('catalogue.demo')}
                  </Badge>
                ) : null}
                {s.categories.map((c) => (
                  <Badge key={c} variant="dot" color="gray">
                    {categoryLabel(c, language)}
                  </Badge>
                ))}
              </Group>
              {s.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{s.description}</Text> : null}
              <SolutionImages solution={s} />
              <Facts solution={s} />
              {s.permissions.update ? <StatusEditor solution={s} /> : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <OrderPanel solution={s} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
