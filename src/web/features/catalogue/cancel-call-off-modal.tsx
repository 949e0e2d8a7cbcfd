import { Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CallOff, CallOffCancelInput } from '../../../domain/catalogue/agreements.ts';
import { formatEuro } from '../../../domain/shared/format.ts';
import { EditorModal } from '../../components/editor-modal.tsx';
import { notify } from '../../lib/notify.ts';
import { sendWithId, useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useCancelCallOff } from './api.ts';

/** Why the call-off is cancelled; once cancelled it no longer counts against the ceilings. */
export function CancelCallOffModal({ callOff, onClose }: { callOff: CallOff; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cancel = useCancelCallOff();
  const { form, submit } = useSchemaForm({
    schema: CallOffCancelInput,
    initialValues: { reason: '' },
    toInput: (values) => values,
  });
  const onSubmit = submit(
    sendWithId(cancel.mutate, callOff.id, () => {
      notify(t('catalogue.callOffs.cancelled'));
      onClose();
    }),
  );
  return (
    <EditorModal
      title={t('catalogue.callOffs.cancelTitle')}
      submitLabel={t('catalogue.callOffs.confirmCancel')}
      submitColor="red"
      errors={form.errors}
      onSubmit={onSubmit}
      pending={cancel.isPending}
      error={cancel.error}
      onClose={onClose}
    >
      <Text size="sm">
        {t('catalogue.callOffs.cancelWhat', {
          name: callOff.solutionName,
          commune: callOff.communeName,
          amount: formatEuro(callOff.amount, language),
        })}
      </Text>
      <Textarea
        label={t('catalogue.callOffs.reason')}
        required
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
    </EditorModal>
  );
}
