import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { CommentCreateInput, type StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useComments, useCreateComment, useDeleteComment } from './api.ts';

/** The comments of the agency and the commune on one project sheet. */
export function Comments({ state, projectId }: { state: StrategyState; projectId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const comments = useComments(projectId);
  const create = useCreateComment(state.missionId, projectId);
  const remove = useDeleteComment(state.missionId, projectId);
  const { form, submit } = useSchemaForm({
    schema: CommentCreateInput,
    initialValues: { body: '' },
    toInput: (values) => ({ body: values.body.trim() }),
  });
  const onSubmit = submit((input, callbacks) =>
    create.mutate(input.body, { ...callbacks, onSuccess: () => form.reset() }),
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="comments-heading">
      <Title order={3} size="h4" id="comments-heading">
        {t('strategy.comments.title')}
      </Title>
      <ErrorAlert error={comments.error ?? remove.error} />
      {comments.isPending ? (
        <BlockSkeleton lines={2} />
      ) : (comments.data ?? []).length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('strategy.comments.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {(comments.data ?? []).map((c) => (
            <li key={c.id}>
              <Text size="sm" fw={600} span>
                {c.authorName}
              </Text>{' '}
              <Text size="xs" c="dimmed" span>
                {formatDateTime(c.createdAt, language)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.body}
              </Text>
              {c.canDelete ? (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(c.id)}>
                  {t('common.delete')}
                </Button>
              ) : null}
            </li>
          ))}
        </Stack>
      )}
      {state.permissions.comment ? (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="xs">
            <ErrorAlert error={create.error} />
            <FormErrorSummary errors={form.errors} />
            <Textarea label={t('strategy.comments.add')} autosize minRows={2} {...form.getInputProps('body')} />
            <Group>
              <Button type="submit" size="xs" loading={create.isPending} disabled={!form.values.body.trim()}>
                {t('strategy.comments.post')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
