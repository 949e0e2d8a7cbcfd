import { Pagination, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../domain/audit/audit.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useAuditLog } from './api.ts';
import { ChangesModal } from './audit-changes-modal.tsx';
import { AuditFiltersForm, PAGE_SIZE, useAuditFilters } from './audit-filters.tsx';
import { AuditTable } from './audit-table.tsx';

export default function AuditPage() {
  const { t } = useTranslation();
  const filters = useAuditFilters();
  const log = useAuditLog(filters.query);
  const [shown, setShown] = useState<AuditEntry | null>(null);
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <AuditFiltersForm filters={filters} />

      {log.isError ? <ErrorAlert error={log.error} /> : null}
      {log.isPending ? <BlockSkeleton lines={8} /> : null}
      {log.data ? (
        <>
          <Text aria-live="polite" data-testid="audit-total">
            {t('audit.total', { count: log.data.total })}
          </Text>
          <AuditTable entries={log.data.items} fetching={log.isFetching} onShowChanges={setShown} />
          {pages > 1 ? (
            <Pagination
              total={pages}
              value={filters.page}
              onChange={filters.setPage}
              aria-label={t('audit.pagination')}
              getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
              getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
            />
          ) : null}
        </>
      ) : null}
      {shown ? <ChangesModal entry={shown} onClose={() => setShown(null)} /> : null}
    </Stack>
  );
}
