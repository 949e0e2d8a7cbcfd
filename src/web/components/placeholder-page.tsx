import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './page-header.tsx';

/**
 * A product area that a later version fills: what it will do, and that it is coming. `i18nKey` names the
 * area's block in fr.json/en.json (`title`, `intro`, `points`).
 */
export function PlaceholderPage({ i18nKey, section = false }: { i18nKey: string; section?: boolean }) {
  const { t } = useTranslation();
  const points = t(`${i18nKey}.points`, { returnObjects: true }) as unknown;
  return (
    <Stack gap="md" maw={860}>
      {section ? (
        <Title order={2} size="h3">
          {t(`${i18nKey}.title`)}
        </Title>
      ) : (
        <PageHeader title={t(`${i18nKey}.title`)} />
      )}
      <Text>{t(`${i18nKey}.intro`)}</Text>
      {Array.isArray(points) && points.length > 0 ? (
        <List spacing="xs">
          {points.map((point) => (
            <List.Item key={String(point)}>{String(point)}</List.Item>
          ))}
        </List>
      ) : null}
      <Alert variant="light" color="rural" title={t('placeholder.comingTitle')}>
        {t('placeholder.coming')}
      </Alert>
    </Stack>
  );
}
