import { Button, Group, Menu, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { exportUrl, useNeeds } from './api.ts';
import { ImportModal } from './import-modal.tsx';
import { categoryOptions } from './labels.ts';
import { NeedFormModal } from './need-form.tsx';
import { NeedsTable } from './needs-table.tsx';

/** The needs register: filtered by commune, category and words; exported; its editors record and import needs. */
export function RegisterPanel(props: { allCommunes: boolean; canEdit: boolean; communeNis: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [communeNis, setCommuneNis] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const filter = { communeNis, category, q };
  const needs = useNeeds(filter);
  const canEdit = props.canEdit;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <RegisterFilters
          allCommunes={props.allCommunes}
          filter={{ communeNis, category, search }}
          onCommune={setCommuneNis}
          onCategory={setCategory}
          onSearch={setSearch}
        />
        <Group>
          <ExportMenu filter={filter} />
          {canEdit ? (
            <>
              <Button variant="default" onClick={() => setImporting(true)}>
                {t('needs.import.open')}
              </Button>
              <Button onClick={() => setCreating(true)}>{t('needs.create')}</Button>
            </>
          ) : null}
        </Group>
      </Group>
      <ErrorAlert error={needs.error} />
      {needs.isPending ? (
        <BlockSkeleton />
      ) : (needs.data ?? []).length === 0 ? (
        <Text c="dimmed">{t('needs.none')}</Text>
      ) : (
        <NeedsTable needs={needs.data ?? []} />
      )}
      {creating ? (
        <NeedFormModal
          fixedCommune={props.allCommunes ? null : props.communeNis}
          onClose={() => setCreating(false)}
          onSaved={(need) => void navigate(paths.need.to(need.id))}
        />
      ) : null}
      {importing ? <ImportModal onClose={() => setImporting(false)} /> : null}
    </Stack>
  );
}

/** The register's filters: the commune (for who reads every commune's), the category, words of the need. */
function RegisterFilters(props: {
  allCommunes: boolean;
  filter: { communeNis: string | null; category: string | null; search: string };
  onCommune(value: string | null): void;
  onCategory(value: string | null): void;
  onSearch(value: string): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const communes = useCommuneList();
  return (
    <Group align="flex-end">
      {props.allCommunes ? (
        <Select
          label={t('needs.filterCommune')}
          data={communeOptions(communes.data)}
          value={props.filter.communeNis}
          onChange={props.onCommune}
          searchable
          clearable
          placeholder={t('needs.allCommunes')}
          w={220}
        />
      ) : null}
      <Select
        label={t('needs.category')}
        data={categoryOptions(language)}
        value={props.filter.category}
        onChange={props.onCategory}
        searchable
        clearable
        placeholder={t('needs.allCategories')}
        w={260}
      />
      <TextInput
        label={t('needs.search')}
        placeholder={t('needs.searchPlaceholder')}
        value={props.filter.search}
        onChange={(e) => props.onSearch(e.currentTarget.value)}
        w={240}
      />
    </Group>
  );
}

/** The register as filtered, as a spreadsheet (XLSX or CSV). */
function ExportMenu({ filter }: { filter: Parameters<typeof exportUrl>[0] }) {
  const { t } = useTranslation();
  return (
    <Menu>
      <Menu.Target>
        <Button variant="default">{t('needs.export')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={exportUrl(filter, 'xlsx')} download>
          XLSX
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(filter, 'csv')} download>
          CSV
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
