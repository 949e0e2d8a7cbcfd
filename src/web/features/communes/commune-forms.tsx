import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type CommuneDetail,
  CommuneProfileInput,
  SITE_KINDS,
  type Site,
  SiteInput,
} from '../../../domain/communes/commune.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { ApiError } from '../../lib/api.ts';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { type SiteBody, useSiteMutations, useUpdateProfile } from './api.ts';
import { isSiteKind, siteKindLabelKey } from './site-kinds.ts';

export function ProfileFormModal(props: { commune: CommuneDetail; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const update = useUpdateProfile(props.commune.nisCode);
  const { form, submit } = useSchemaForm({
    schema: CommuneProfileInput,
    initialValues: {
      description: props.commune.profile.description ?? '',
      website: props.commune.profile.website ?? '',
      contactEmail: props.commune.profile.contactEmail ?? '',
    },
    toInput: (values) => values,
  });
  const close = () => {
    update.reset();
    props.onClose();
  };
  const onSubmit = submit((input, callbacks) =>
    update.mutate(input, {
      ...callbacks,
      onSuccess: () => {
        notify(t('communes.profileSaved'));
        close();
      },
    }),
  );
  return (
    <AppModal
      opened={props.opened}
      onClose={close}
      title={t('communes.editProfileTitle', { name: props.commune.name })}
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {update.isError && !(update.error instanceof ApiError && update.error.details.length > 0) ? (
            <ErrorAlert error={update.error} />
          ) : null}
          <FormErrorSummary errors={form.errors} />
          <Textarea
            label={t('communes.description')}
            autosize
            minRows={4}
            maxRows={12}
            {...form.getInputProps('description')}
          />
          <TextInput
            label={t('communes.website')}
            type="url"
            placeholder="https://"
            autoComplete="url"
            {...form.getInputProps('website')}
          />
          <TextInput
            label={t('communes.contactEmail')}
            type="email"
            autoComplete="email"
            {...form.getInputProps('contactEmail')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

export function SiteFormModal(props: { nisCode: string; site: Site | null; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { create, update } = useSiteMutations(props.nisCode);
  const mutation = props.site ? update : create;
  const { form, submit } = useSchemaForm({
    schema: SiteInput,
    initialValues: {
      name: props.site?.name ?? '',
      kind: (props.site && isSiteKind(props.site.kind) ? props.site.kind : 'tourism') as string,
      description: props.site?.description ?? '',
    },
    toInput: (values) => values as SiteBody,
  });
  const close = () => {
    create.reset();
    update.reset();
    props.onClose();
  };
  const onSubmit = submit((input, callbacks) => {
    const options = {
      ...callbacks,
      onSuccess: () => {
        notify(t('sites.saved'));
        close();
      },
    };
    if (props.site) update.mutate({ id: props.site.id, input }, options);
    else create.mutate(input, options);
  });
  return (
    <AppModal opened={props.opened} onClose={close} title={props.site ? t('sites.editTitle') : t('sites.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {mutation.isError && !(mutation.error instanceof ApiError && mutation.error.details.length > 0) ? (
            <ErrorAlert error={mutation.error} />
          ) : null}
          <FormErrorSummary errors={form.errors} />
          <TextInput label={t('sites.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('sites.kind')}
            required
            allowDeselect={false}
            data={SITE_KINDS.map((kind) => ({ value: kind, label: t(siteKindLabelKey(kind)) }))}
            {...form.getInputProps('kind')}
          />
          <Textarea label={t('sites.description')} autosize minRows={3} {...form.getInputProps('description')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

export function DeleteSiteModal(props: { nisCode: string; site: Site | null; onClose(): void }) {
  const { t } = useTranslation();
  const { remove } = useSiteMutations(props.nisCode);
  const close = () => {
    remove.reset();
    props.onClose();
  };
  return (
    <AppModal opened={props.site !== null} onClose={close} title={t('sites.deleteTitle')}>
      <Stack>
        <ErrorAlert error={remove.error} />
        <Text>{t('sites.deleteConfirm', { name: props.site?.name ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() => {
              if (!props.site) return;
              remove.mutate(props.site.id, {
                onSuccess: () => {
                  notify(t('sites.deleted'));
                  close();
                },
              });
            }}
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
