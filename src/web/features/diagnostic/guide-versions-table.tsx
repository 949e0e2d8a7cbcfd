import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GuideVersionSummary } from '../../../domain/diagnostic/guides.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { useLanguage } from '../../lib/use-language.ts';

type Ref = { key: string; version: number };

function StatusBadge({ guide }: { guide: GuideVersionSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (guide.status === 'draft') {
    return (
      <Badge color="orange.9" variant="outline" tt="none">
        {t('diagnostic.guide.draft')}
      </Badge>
    );
  }
  return (
    <Badge
      color="teal.9"
      variant="outline"
      tt="none"
      styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
    >
      {t('diagnostic.guide.publishedOn', {
        date: guide.publishedAt ? formatDate(guide.publishedAt, language) : '',
      })}
    </Badge>
  );
}

/** The versions of every guide: status, size, how many interviews use it; one is opened below. */
export function GuideVersionsTable({
  guides,
  current,
  onSelect,
}: {
  guides: GuideVersionSummary[];
  current: Ref | null;
  onSelect(ref: Ref): void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('diagnostic.guide.version')}</Table.Th>
            <Table.Th scope="col">{t('diagnostic.guide.status')}</Table.Th>
            <Table.Th scope="col">{t('diagnostic.guide.size')}</Table.Th>
            <Table.Th scope="col">{t('diagnostic.guide.used')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {guides.map((g) => (
            <Table.Tr key={`${g.key}/${g.version}`}>
              <Table.Td>
                {g.title} — v{g.version}{' '}
                <Text span size="xs" c="dimmed">
                  ({g.key})
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge guide={g} />
              </Table.Td>
              <Table.Td>{t('diagnostic.guide.sizeValue', { factors: g.factors, questions: g.questions })}</Table.Td>
              <Table.Td>{t('diagnostic.guide.usedValue', { count: g.interviews })}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant={current?.key === g.key && current.version === g.version ? 'filled' : 'default'}
                  onClick={() => onSelect({ key: g.key, version: g.version })}
                >
                  {g.status === 'draft' ? t('diagnostic.guide.editDraft') : t('diagnostic.guide.view')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
