import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../domain/catalogue/agreements.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useCommuneList } from '../../lib/communes-query.ts';
import { useMe } from '../../lib/session.ts';
import { AgreementCard, type LotTarget } from './agreement-card.tsx';
import { AgreementFormModal, LotFormModal } from './agreement-forms.tsx';
import { useAdhere, useAgreements } from './api.ts';
import { CallOffsSection } from './call-offs-section.tsx';

/** The framework agreements: lots, vendors, ceilings and their consumption; the call-offs and their totals. */
export function AgreementsTab() {
  const { t } = useTranslation();
  const agreements = useAgreements();
  const communes = useCommuneList();
  const nameOf = (nis: string) => communes.data?.find((c) => c.nisCode === nis)?.name ?? nis;
  const me = useMe();
  const agency = me.data?.capabilities.editCatalogue ?? false;
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Agreement | null>(null);
  const adhere = useAdhere();
  const [lotFor, setLotFor] = useState<LotTarget | null>(null);
  return (
    <Stack gap="lg">
      {agency ? (
        <Group>
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('catalogue.agreements.new')}
          </Button>
        </Group>
      ) : null}
      {adding ? <AgreementFormModal onClose={() => setAdding(false)} /> : null}
      {editing ? <AgreementFormModal key={editing.id} agreement={editing} onClose={() => setEditing(null)} /> : null}
      {lotFor ? (
        <LotFormModal
          key={lotFor.lot?.id ?? 'new'}
          agreementId={lotFor.id}
          nextNumber={lotFor.next}
          {...(lotFor.lot ? { lot: lotFor.lot } : {})}
          onClose={() => setLotFor(null)}
        />
      ) : null}
      <ErrorAlert error={agreements.error} />
      {!agreements.data ? <BlockSkeleton /> : null}
      {agreements.data?.length === 0 ? <Text c="dimmed">{t('catalogue.agreements.none')}</Text> : null}
      {agreements.data?.map((a) => (
        <AgreementCard
          key={a.id}
          agreement={a}
          communeNis={me.data?.user.communeNis}
          adhere={adhere}
          nameOf={nameOf}
          onEdit={() => setEditing(a)}
          onLot={setLotFor}
        />
      ))}
      <CallOffsSection />
    </Stack>
  );
}
