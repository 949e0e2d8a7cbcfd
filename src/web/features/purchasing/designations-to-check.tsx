import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommuneLinks } from '../../components/commune-links.tsx';
import { useCommuneList } from '../../lib/communes-query.ts';

/**
 * The OCDS export names the buyers by their official designation (decision 140): the scenario's communes whose
 * designation is still « à vérifier », each a link to the commune's page where an admin confirms it.
 */
export function DesignationsToCheck({ communeNis }: { communeNis: string[] }) {
  const { t } = useTranslation();
  const communes = useCommuneList();
  const wanted = new Set(communeNis);
  const pending = (communes.data ?? []).filter((c) => wanted.has(c.nisCode) && !c.officialNameVerified);
  if (pending.length === 0) return null;
  return (
    <Text size="sm" mt="xs" data-testid="designations-to-check">
      {t('purchasing.file.designationsToCheck', { count: pending.length })}{' '}
      <CommuneLinks communes={pending} size="sm" />.
    </Text>
  );
}
