import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommuneDetail, Site } from '../../../domain/communes/commune.ts';
import { DeleteSiteModal, SiteFormModal } from './commune-forms.tsx';
import { siteKindLabelKey } from './site-kinds.ts';

/** The commune's sites; added, edited and deleted where the server grants `manageSites`. */
export function CommuneSites({ commune }: { commune: CommuneDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Site | null>(null);
  const canManage = commune.permissions.manageSites;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sites-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="sites-heading">
          {t('sites.title')}
        </Title>
        {canManage ? (
          <Button variant="outline" onClick={() => setEditing('new')}>
            {t('sites.add')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sites.intro')}
      </Text>
      {commune.sites.length === 0 ? (
        <Text>{t('sites.none')}</Text>
      ) : (
        <SitesTable sites={commune.sites} canManage={canManage} onEdit={setEditing} onDelete={setDeleting} />
      )}
      {editing ? (
        <SiteFormModal
          nisCode={commune.nisCode}
          site={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      ) : null}
      <DeleteSiteModal nisCode={commune.nisCode} site={deleting} onClose={() => setDeleting(null)} />
    </Paper>
  );
}

type SitesTableProps = { sites: Site[]; canManage: boolean; onEdit(site: Site): void; onDelete(site: Site): void };

function SitesTable({ sites, canManage, onEdit, onDelete }: SitesTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" data-testid="sites-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sites.name')}</Table.Th>
            <Table.Th>{t('sites.kind')}</Table.Th>
            <Table.Th>{t('sites.description')}</Table.Th>
            {canManage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sites.map((site) => (
            <Table.Tr key={site.id}>
              <Table.Td fw={500}>{site.name}</Table.Td>
              <Table.Td>
                <Badge variant="light" tt="none">
                  {t(siteKindLabelKey(site.kind))}
                </Badge>
              </Table.Td>
              <Table.Td>{site.description ?? '—'}</Table.Td>
              {canManage ? (
                <Table.Td>
                  <SiteActions site={site} onEdit={() => onEdit(site)} onDelete={() => onDelete(site)} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SiteActions({ site, onEdit, onDelete }: { site: Site; onEdit(): void; onDelete(): void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={onEdit}
        aria-label={t('sites.editNamed', { name: site.name })}
      >
        {t('common.edit')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={onDelete}
        aria-label={t('sites.deleteNamed', { name: site.name })}
      >
        {t('common.delete')}
      </Button>
    </Group>
  );
}
