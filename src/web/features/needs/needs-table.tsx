import { Anchor, Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Need } from '../../../domain/needs/need.ts';
import { formatEuro } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { URGENCY_COLOURS } from './labels.ts';
import { NeedCategory } from './suggested-category.tsx';

/** The register's needs, one row each: title (to its page), commune, category, urgency, budget, source. */
export function NeedsTable({ needs }: { needs: Need[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={t('needs.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('needs.title')}</Table.Th>
            <Table.Th scope="col">{t('needs.commune')}</Table.Th>
            <Table.Th scope="col">{t('needs.category')}</Table.Th>
            <Table.Th scope="col">{t('needs.urgency')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('needs.budget')}
            </Table.Th>
            <Table.Th scope="col">{t('needs.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {needs.map((need) => (
            <Table.Tr key={need.id}>
              <Table.Td>
                <Anchor component={Link} to={paths.need.to(need.id)} fw={600}>
                  {need.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{need.communeName}</Table.Td>
              <Table.Td>
                <NeedCategory need={need} />
              </Table.Td>
              <Table.Td>
                <Badge
                  color={URGENCY_COLOURS[need.urgency]}
                  variant="outline"
                  styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
                >
                  {t(`needs.urgencies.${need.urgency}`)}
                </Badge>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {need.estimatedBudget === null ? '—' : formatEuro(need.estimatedBudget, language)}
              </Table.Td>
              <Table.Td>{t(`needs.sources.${need.source}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
