import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Need } from '../../../domain/needs/need.ts';
import { userMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useUpdateNeed } from './api.ts';
import { categoryLabel } from './labels.ts';

/**
 * A need's category, or, for a need entered without one, the category the latest grouping run recognised in its
 * text: shown as a suggestion its commune's editors accept in one click.
 */
export function NeedCategory(props: { need: Need }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useUpdateNeed(props.need.id);
  const { category, suggestedCategory } = props.need;
  if (category || !suggestedCategory) return <>{categoryLabel(category, language, t)}</>;
  const label = categoryLabel(suggestedCategory, language, t);
  return (
    <Group gap={6} wrap="wrap" component="span">
      <Text span size="sm" c="dimmed">
        {t('needs.suggestedCategory', { category: label })}
      </Text>
      {props.need.permissions.edit ? (
        <Button
          size="compact-xs"
          variant="light"
          style={{ flexShrink: 0 }}
          loading={save.isPending}
          aria-label={t('needs.acceptSuggestionLabel', { category: label, title: props.need.title })}
          onClick={() =>
            save.mutate(
              { category: suggestedCategory },
              { onSuccess: () => notify(t('needs.suggestionAccepted', { category: label })) },
            )
          }
        >
          {t('needs.acceptSuggestion')}
        </Button>
      ) : null}
      {save.error ? (
        // Inline (the category sits in a paragraph on the need page): the server's message, in French.
        <Text span size="xs" c="red.8" role="alert">
          {userMessage(save.error, t)}
        </Text>
      ) : null}
    </Group>
  );
}
