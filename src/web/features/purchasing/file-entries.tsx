import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyFileInput } from '../../../domain/purchasing/agency-file.ts';
import type { AgencyFile, ScenarioDetail } from '../../../domain/purchasing/api.ts';
import { formatDate, formatEuro } from '../../../domain/shared/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useSaveFile } from './api.ts';

/**
 * The documents and the bids of the agency's file (issue 12): each added or removed on the screen, saved at once
 * with the rest of the file as stored (the server checks the lots and the procedure's rules again).
 */
export function FileEntries({
  scenario,
  file,
  editable,
}: {
  scenario: ScenarioDetail;
  file: AgencyFile;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useSaveFile(scenario.id);
  const lotLabel = (key: string) => scenario.lots.find((l) => l.key === key)?.label ?? key;
  const [docTitle, setDocTitle] = useState('');
  const [docUrl, setDocUrl] = useState('');
  const [bidLot, setBidLot] = useState<string | null>(scenario.lots[0]?.key ?? null);
  const [bidVendor, setBidVendor] = useState('');
  const [bidAmount, setBidAmount] = useState<number | string>('');
  const [bidDate, setBidDate] = useState('');

  const send = (patch: Pick<AgencyFileInput, 'documents' | 'bids'>, done: string, after?: () => void) =>
    save.mutate(
      {
        procedure: file.procedure as AgencyFileInput['procedure'],
        steps: file.steps.map((s) => ({
          step: s.step as AgencyFileInput['steps'][number]['step'],
          ...(s.plannedDate ? { plannedDate: s.plannedDate } : {}),
          ...(s.actualDate ? { actualDate: s.actualDate } : {}),
        })),
        publication: file.publication,
        documents: file.documents,
        bids: file.bids,
        ...patch,
      },
      {
        onSuccess: () => {
          notify(done);
          after?.();
        },
      },
    );

  const addDocument = (event: FormEvent) => {
    event.preventDefault();
    send({ documents: [...file.documents, { title: docTitle, url: docUrl }] }, t('purchasing.entries.docAdded'), () => {
      setDocTitle('');
      setDocUrl('');
    });
  };
  const addBid = (event: FormEvent) => {
    event.preventDefault();
    send(
      {
        bids: [
          ...file.bids,
          { lotKey: bidLot ?? '', vendor: bidVendor, amount: Number(bidAmount || 0), receivedOn: bidDate },
        ],
      },
      t('purchasing.entries.bidAdded'),
      () => {
        setBidVendor('');
        setBidAmount('');
      },
    );
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('purchasing.entries.documents')}
      </Title>
      {file.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('purchasing.entries.noDocument')}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {file.documents.map((d, index) => (
            <List.Item key={`${d.url}-${d.title}`}>
              <Group gap="xs" wrap="nowrap">
                <Anchor href={d.url} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
                  {d.title}
                </Anchor>
                {editable ? (
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t('purchasing.entries.removeDocument', { title: d.title })}
                    onClick={() =>
                      send(
                        { documents: file.documents.filter((_, i) => i !== index) },
                        t('purchasing.entries.docRemoved'),
                      )
                    }
                  >
                    ×
                  </ActionIcon>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <ErrorAlert error={save.error} />
      {editable ? (
        <Card withBorder padding="sm">
          <form onSubmit={addDocument} aria-label={t('purchasing.entries.addDocument')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} verticalSpacing="xs">
              <TextInput
                label={t('purchasing.entries.docTitle')}
                required
                value={docTitle}
                onChange={(e) => setDocTitle(e.currentTarget.value)}
              />
              <TextInput
                label={t('purchasing.entries.docUrl')}
                required
                type="url"
                placeholder="https://"
                value={docUrl}
                onChange={(e) => setDocUrl(e.currentTarget.value)}
              />
              <Group align="flex-end">
                <Button type="submit" variant="outline" loading={save.isPending}>
                  {t('purchasing.entries.addDocument')}
                </Button>
              </Group>
            </SimpleGrid>
          </form>
        </Card>
      ) : null}

      <Title order={3} size="h4">
        {t('purchasing.entries.bids')}
      </Title>
      {file.bids.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('purchasing.entries.noBid')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('purchasing.lot')}</Table.Th>
                <Table.Th>{t('purchasing.entries.bidVendor')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.entries.bidAmount')}</Table.Th>
                <Table.Th>{t('purchasing.entries.bidDate')}</Table.Th>
                {editable ? <Table.Th>{t('purchasing.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.bids.map((b, index) => (
                <Table.Tr key={`${b.lotKey}-${b.vendor}-${b.amount}-${b.receivedOn}`}>
                  <Table.Td>{lotLabel(b.lotKey)}</Table.Td>
                  <Table.Td>{b.vendor}</Table.Td>
                  <Table.Td ta="right">{formatEuro(b.amount, language)}</Table.Td>
                  <Table.Td>{formatDate(b.receivedOn, language)}</Table.Td>
                  {editable ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        aria-label={t('purchasing.entries.removeBid', { vendor: b.vendor })}
                        onClick={() =>
                          send({ bids: file.bids.filter((_, i) => i !== index) }, t('purchasing.entries.bidRemoved'))
                        }
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable ? (
        <Card withBorder padding="sm">
          <form onSubmit={addBid} aria-label={t('purchasing.entries.addBid')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} verticalSpacing="xs">
              <Select
                label={t('purchasing.entries.bidLot')}
                required
                data={scenario.lots.map((l) => ({ value: l.key, label: l.label }))}
                value={bidLot}
                onChange={setBidLot}
                allowDeselect={false}
              />
              <TextInput
                label={t('purchasing.entries.bidVendor')}
                required
                value={bidVendor}
                onChange={(e) => setBidVendor(e.currentTarget.value)}
              />
              <NumberInput
                label={t('purchasing.entries.bidAmount')}
                required
                min={0}
                thousandSeparator=" "
                decimalSeparator=","
                suffix=" €"
                value={bidAmount}
                onChange={setBidAmount}
              />
              <DateField label={t('purchasing.entries.bidDate')} required value={bidDate} onChange={setBidDate} />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <Button type="submit" variant="outline" loading={save.isPending}>
                {t('purchasing.entries.addBid')}
              </Button>
            </Group>
          </form>
        </Card>
      ) : null}
    </Stack>
  );
}
