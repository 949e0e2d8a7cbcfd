import {
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ProgrammeNode, PublicProgramme, PublicProject } from '../../../domain/public/programme.ts';
import { formatDate, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { smartCategory } from '../../../domain/shared/smart-categories.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { usePublicProgramme } from './api.ts';
import { PublicStatusBadge } from './labels.tsx';

function ProgressLine({ value, label }: { value: number; label: string }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Text size="sm">{t('public.programme.progress', { value })}</Text>
      <Progress value={value} size="md" aria-label={label} color="rural.7" />
    </Box>
  );
}

function ProjectCard({ project }: { project: PublicProject }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = `project-${project.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Title order={4} size="h5" id={headingId}>
          {project.title}
        </Title>
        <PublicStatusBadge status={project.status} />
      </Group>
      {project.description ? (
        <Text size="sm" mb="xs">
          {project.description}
        </Text>
      ) : null}
      <Group gap={4} mb="xs">
        {project.dimensions.map((d) => (
          <Badge key={d} size="sm" variant="outline" color="gray">
            {t(`implementation.dimensions.${d}`)}
          </Badge>
        ))}
      </Group>
      <ProgressLine value={project.progress} label={t('public.programme.progressOf', { title: project.title })} />
      {project.budget ? (
        <Text size="sm" mt="xs">
          {t('public.programme.budget', {
            planned: formatEuro(project.budget.planned, language),
            spent: formatEuro(project.budget.spent, language),
          })}
        </Text>
      ) : null}
      <ProjectMilestones project={project} />
      <ProjectIndicators project={project} />
    </Paper>
  );
}

function ProjectMilestones({ project }: { project: PublicProject }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {project.milestones.length > 0 ? (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t('public.programme.milestones')}
          </Text>
          <List size="sm">
            {project.milestones.map((m) => (
              <List.Item key={`${m.title}-${m.dueDate}`}>
                {m.title} — {formatDate(m.dueDate, language)}
                {m.done ? ` ${t('public.programme.reached')}` : ''}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </>
  );
}

function ProjectIndicators({ project }: { project: PublicProject }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {project.indicators.length > 0 ? (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t('public.programme.indicators')}
          </Text>
          <List size="sm">
            {project.indicators.map((i) => (
              <List.Item key={i.name}>
                {t('public.programme.indicator', {
                  name: i.name,
                  baseline: formatNumber(i.baseline, language, 2),
                  target: formatNumber(i.target, language, 2),
                  unit: i.unit,
                })}
                {i.latest
                  ? ` ${t('public.programme.latest', { value: formatNumber(i.latest.value, language, 2), unit: i.unit, date: formatDate(i.latest.date, language) })}`
                  : ''}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </>
  );
}

/** The catalogue solutions and the pooled purchases the commune takes part in. */
function ParticipationSection({ data }: { data: PublicProgramme }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const category = (key: string) => {
    const c = smartCategory(key);
    return c ? (language === 'fr' ? c.fr : c.en) : key;
  };
  return (
    <section aria-labelledby="participation">
      <Title order={2} size="h3" id="participation" mb="sm">
        {t('public.programme.participation')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {t('public.programme.solutions')}
          </Title>
          {data.participation.solutions.length === 0 ? (
            <Text size="sm">{t('public.programme.noSolution')}</Text>
          ) : (
            <List size="sm">
              {data.participation.solutions.map((s) => (
                <List.Item key={s.id}>
                  {s.name} ({s.vendor}) —{' '}
                  {s.categories.map((c, i) => (
                    <span key={c}>
                      {i > 0 ? ', ' : ''}
                      <Anchor component={Link} to={paths.publicCategory.to(c)} underline="always" size="sm">
                        {category(c)}
                      </Anchor>
                    </span>
                  ))}
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {t('public.programme.pooledPurchases')}
          </Title>
          {data.participation.pooledPurchases.length === 0 ? (
            <Text size="sm">{t('public.programme.noPurchase')}</Text>
          ) : (
            <List size="sm">
              {data.participation.pooledPurchases.map((p) => (
                <List.Item key={p.createdAt}>
                  {t('public.programme.purchase', {
                    solution: p.solutionName ?? t('public.programme.purchaseUnnamed'),
                    count: p.communes,
                    date: formatDate(p.createdAt, language),
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      </SimpleGrid>
    </section>
  );
}

/** The code a commune's website pastes to show its projects (the widget). */
function EmbedSection({ data }: { data: PublicProgramme }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="embed">
      <Title order={2} size="h3" id="embed" mb="xs">
        {t('public.programme.embedTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('public.programme.embedHelp')}
      </Text>
      <Textarea
        label={t('public.programme.embedLabel')}
        readOnly
        autosize
        maw={720}
        value={`<iframe src="${window.location.origin}/embed/communes/${data.communeNis}" title="${t('public.programme.title', { commune: data.communeName })}" width="100%" height="480" style="border:0"></iframe>`}
        styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
      />
    </section>
  );
}

function ObjectiveSection({ node, depth }: { node: ProgrammeNode; depth: 2 | 3 }) {
  const { t } = useTranslation();
  const headingId = `objective-${node.id}`;
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      pl={depth === 3 ? { base: 'xs', sm: 'md' } : 0}
      style={depth === 3 ? { borderLeft: '3px solid var(--mantine-color-rural-3, #a9d5b5)' } : undefined}
    >
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        {t(`public.programme.level.${node.level}`)}
      </Text>
      <Title order={depth} size={depth === 2 ? 'h3' : 'h4'} id={headingId}>
        {node.title}
      </Title>
      {node.description ? (
        <Text size="sm" c="dimmed">
          {node.description}
        </Text>
      ) : null}
      <Box maw={420} my="xs">
        <ProgressLine value={node.progress} label={t('public.programme.progressOf', { title: node.title })} />
        <Text size="xs" c="dimmed">
          {t('public.programme.projectCount', { count: node.projectCount })}
        </Text>
      </Box>
      <Stack gap="md">
        {node.children.map((child) => (
          <ObjectiveSection key={child.id} node={child} depth={3} />
        ))}
        {node.projects.length > 0 ? (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {node.projects.map((p) => (
              <ProjectCard key={p.id} project={p} />
            ))}
          </SimpleGrid>
        ) : null}
      </Stack>
    </Box>
  );
}

/** A commune's Smart programme in the open (issue 14): the published strategy as a tree, and what it takes part in. */
export default function ProgrammePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { nisCode = '' } = useParams();
  const programme = usePublicProgramme(nisCode);
  if (programme.error) return <ErrorAlert error={programme.error} />;
  if (!programme.data) return <BlockSkeleton />;
  const data = programme.data;
  return (
    <Stack gap="xl">
      <PageHeader
        title={t('public.programme.title', { commune: data.communeName })}
        description={t('public.programme.intro')}
        above={
          <Anchor component={Link} to={paths.province.to()} size="sm">
            ← {t('public.programme.back')}
          </Anchor>
        }
      />
      {data.projectCount === 0 ? (
        <Alert variant="light" color="gray">
          {t('public.programme.none')}
        </Alert>
      ) : (
        <Paper withBorder p="md" maw={520}>
          <ProgressLine value={data.progress} label={t('public.programme.progressOf', { title: data.communeName })} />
          <Text size="sm" c="dimmed" mt={4}>
            {t('public.programme.projectCount', { count: data.projectCount })}
            {data.updatedAt ? ` · ${t('public.updatedOn', { date: formatDate(data.updatedAt, language) })}` : ''}
          </Text>
        </Paper>
      )}
      {data.objectives.map((node) => (
        <ObjectiveSection key={node.id} node={node} depth={2} />
      ))}
      {data.otherProjects.length > 0 ? (
        <section aria-labelledby="other-projects">
          <Title order={2} size="h3" id="other-projects" mb="sm">
            {t('public.programme.otherProjects')}
          </Title>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {data.otherProjects.map((p) => (
              <ProjectCard key={p.id} project={p} />
            ))}
          </SimpleGrid>
        </section>
      ) : null}
      <ParticipationSection data={data} />
      <EmbedSection data={data} />
    </Stack>
  );
}
