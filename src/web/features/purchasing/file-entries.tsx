import {
  ActionIcon,
  Anchor,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AgencyFileInput, Bid, FileDocument } from '../../../domain/purchasing/agency-file.ts';
import type { AgencyFile, ScenarioDetail } from '../../../domain/purchasing/api.ts';
import { formatDate, formatEuro } from '../../../domain/shared/format.ts';
import { DateField } from '../../components/date-field.tsx';
import { InlineAddForm } from '../../components/editor-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { numberOf, useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useSaveFile } from './api.ts';
import { fileInputOf } from './file-input.ts';

type Save = ReturnType<typeof useSaveFile>;
/** An input of an add form: it grows on a wide screen and wraps under the others on a phone. */
const grow = { miw: 170, style: { flex: 1 } } as const;
const money = { min: 0, thousandSeparator: ' ', decimalSeparator: ',', suffix: ' €' } as const;
type Send = (patch: Pick<AgencyFileInput, 'documents' | 'bids'>, done: string, callbacks?: SendCallbacks) => void;
type SendCallbacks = { onError?: (error: Error) => void; onSuccess?: () => void };

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
  const save = useSaveFile(scenario.id);
  const send: Send = (patch, done, callbacks = {}) =>
    save.mutate(fileInputOf(file, patch), {
      onError: callbacks.onError,
      onSuccess: () => {
        notify(done);
        callbacks.onSuccess?.();
      },
    });
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('purchasing.entries.documents')}
      </Title>
      <DocumentList file={file} editable={editable} send={send} />
      <ErrorAlert error={save.error} />
      {editable ? <DocumentForm file={file} send={send} save={save} /> : null}
      <Title order={3} size="h4">
        {t('purchasing.entries.bids')}
      </Title>
      <BidTable scenario={scenario} file={file} editable={editable} send={send} />
      {editable ? <BidForm scenario={scenario} file={file} send={send} save={save} /> : null}
    </Stack>
  );
}

function DocumentList({ file, editable, send }: { file: AgencyFile; editable: boolean; send: Send }) {
  const { t } = useTranslation();
  if (file.documents.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('purchasing.entries.noDocument')}
      </Text>
    );
  }
  return (
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
                  send({ documents: file.documents.filter((_, i) => i !== index) }, t('purchasing.entries.docRemoved'))
                }
              >
                ×
              </ActionIcon>
            ) : null}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

function DocumentForm({ file, send, save }: { file: AgencyFile; send: Send; save: Save }) {
  const { t } = useTranslation();
  const { form, submit } = useSchemaForm({
    schema: FileDocument,
    initialValues: { title: '', url: '' },
    toInput: (v) => v,
  });
  const onSubmit = submit((document, callbacks) =>
    send({ documents: [...file.documents, document] }, t('purchasing.entries.docAdded'), {
      ...callbacks,
      onSuccess: () => form.reset(),
    }),
  );
  return (
    <InlineAddForm
      errors={form.errors}
      onSubmit={onSubmit}
      label={t('purchasing.entries.addDocument')}
      pending={save.isPending}
      variant="default"
    >
      <TextInput label={t('purchasing.entries.docTitle')} required {...grow} {...form.getInputProps('title')} />
      <TextInput
        label={t('purchasing.entries.docUrl')}
        required
        type="url"
        placeholder="https://"
        {...grow}
        {...form.getInputProps('url')}
      />
    </InlineAddForm>
  );
}

function BidTable(props: { scenario: ScenarioDetail; file: AgencyFile; editable: boolean; send: Send }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { file, editable, send } = props;
  const lotLabel = (key: string) => props.scenario.lots.find((l) => l.key === key)?.label ?? key;
  if (file.bids.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('purchasing.entries.noBid')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520} className="stack-on-phone">
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
              <Table.Td data-label={t('purchasing.lot')}>{lotLabel(b.lotKey)}</Table.Td>
              <Table.Td data-label={t('purchasing.entries.bidVendor')}>{b.vendor}</Table.Td>
              <Table.Td ta={{ base: 'left', sm: 'right' }} data-label={t('purchasing.entries.bidAmount')}>
                {formatEuro(b.amount, language)}
              </Table.Td>
              <Table.Td data-label={t('purchasing.entries.bidDate')}>{formatDate(b.receivedOn, language)}</Table.Td>
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
  );
}

function BidForm({
  scenario,
  file,
  send,
  save,
}: {
  scenario: ScenarioDetail;
  file: AgencyFile;
  send: Send;
  save: Save;
}) {
  const { t } = useTranslation();
  const { form, submit } = useSchemaForm({
    schema: Bid,
    initialValues: {
      lotKey: (scenario.lots[0]?.key ?? null) as string | null,
      vendor: '',
      amount: '' as number | string,
      receivedOn: '',
    },
    toInput: (v) => ({
      lotKey: v.lotKey ?? '',
      vendor: v.vendor,
      amount: numberOf(v.amount),
      receivedOn: v.receivedOn,
    }),
  });
  const onSubmit = submit((bid, callbacks) =>
    send({ bids: [...file.bids, bid] }, t('purchasing.entries.bidAdded'), {
      ...callbacks,
      onSuccess: () => {
        form.setFieldValue('vendor', '');
        form.setFieldValue('amount', '');
      },
    }),
  );
  return (
    <InlineAddForm
      errors={form.errors}
      onSubmit={onSubmit}
      label={t('purchasing.entries.addBid')}
      pending={save.isPending}
      variant="default"
    >
      <Select
        label={t('purchasing.entries.bidLot')}
        required
        data={scenario.lots.map((l) => ({ value: l.key, label: l.label }))}
        allowDeselect={false}
        {...grow}
        {...form.getInputProps('lotKey')}
      />
      <TextInput label={t('purchasing.entries.bidVendor')} required {...grow} {...form.getInputProps('vendor')} />
      <NumberInput
        label={t('purchasing.entries.bidAmount')}
        required
        {...money}
        {...grow}
        {...form.getInputProps('amount')}
      />
      <DateField label={t('purchasing.entries.bidDate')} required {...grow} {...form.getInputProps('receivedOn')} />
    </InlineAddForm>
  );
}
