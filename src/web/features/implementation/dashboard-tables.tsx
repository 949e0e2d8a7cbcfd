import { Anchor, List, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../../domain/implementation/implementation-api.ts';
import { paths } from '../../app/paths.ts';
import { ColumnHeadings } from '../../components/column-headings.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { alertText, euros, StatusBadge, stepLabel } from './labels.tsx';

export function LateTable({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="late-heading">
      <Title order={2} size="h4" id="late-heading" mb="xs">
        {t('implementation.dashboard.lateTitle')}
      </Title>
      {data.lateItems.length === 0 ? <Text size="sm">{t('implementation.alerts.none')}</Text> : null}
      <List size="sm" spacing={4}>
        {data.lateItems.map((a) => (
          <List.Item key={a.key}>
            <Anchor underline="always" component={Link} to={paths.implementationProject.to(a.projectId)}>
              {a.communeName} — {a.projectTitle}
            </Anchor>{' '}
            : {alertText(a, t, language)}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

export function ProcurementTable({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="procurements-heading">
      <Title order={2} size="h4" id="procurements-heading" mb="xs">
        {t('implementation.dashboard.procurementsTitle')}
      </Title>
      {data.procurementsInProgress.length === 0 ? (
        <Text size="sm">{t('implementation.dashboard.noProcurement')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('implementation.columns.project')}</Table.Th>
                <Table.Th scope="col">{t('implementation.procurement.procedure')}</Table.Th>
                <Table.Th scope="col">{t('implementation.procurement.nextStepColumn')}</Table.Th>
                <Table.Th scope="col">{t('implementation.procurement.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.procurementsInProgress.map((p) => (
                <Table.Tr key={p.projectId}>
                  <Table.Td>
                    <Anchor underline="always" component={Link} to={paths.implementationProject.to(p.projectId)}>
                      {p.communeName} — {p.projectTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.procedure ? t(`implementation.procedures.${p.procedure}`) : '—'}</Table.Td>
                  <Table.Td>{p.nextStep ? stepLabel(t, p.nextStep, p.procedure) : '—'}</Table.Td>
                  <Table.Td>{euros(p.estimatedAmountExclVat, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

export function ProjectsTable({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="projects-heading">
      <Title order={2} size="h4" id="projects-heading" mb="xs">
        {t('implementation.dashboard.projectsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <ColumnHeadings
            columns={[
              { label: t('implementation.columns.project') },
              { label: t('implementation.columns.status') },
              { label: t('implementation.columns.progress') },
              { label: t('implementation.columns.budget') },
              { label: t('implementation.columns.alerts') },
            ]}
          />
          <Table.Tbody>
            {data.projects.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor underline="always" component={Link} to={paths.implementationProject.to(p.id)}>
                    {p.communeName} — {p.title}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StatusBadge status={p.status} />
                </Table.Td>
                <Table.Td>{p.progress} %</Table.Td>
                <Table.Td>
                  {t('implementation.budgetLine', {
                    planned: euros(p.budget.planned, language),
                    spent: euros(p.budget.spent, language),
                  })}
                </Table.Td>
                <Table.Td>{p.alertCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
