import { Anchor, Box, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useElementSize, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../domain/diagnostic/interviews.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { SaveIndicator } from './save-indicator.tsx';
import type { useAutosave } from './use-autosave.ts';

/**
 * The capture's header, kept in view: who is heard, when and by whom, the progress, the keys and the save state.
 * On a phone only the progress and the save state stay in view: the title scrolls away above them, so the questions
 * keep the screen (the whole block would take half of it).
 */
export function CaptureHeader({
  interview,
  progress,
  save,
  readOnly,
  onBack,
  onEditPerson,
}: {
  interview: Interview;
  progress: { answered: number; dontKnow: number; total: number };
  save: ReturnType<typeof useAutosave>;
  readOnly: boolean;
  onBack(): void;
  onEditPerson(): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const { ref: headRef, height: headHeight } = useElementSize();
  const person = interview.resourcePerson;
  const who = [person.name, person.role].filter(Boolean).join(', ');
  const { answered, dontKnow, total } = progress;
  return (
    <Box
      data-testid="capture-header"
      style={{
        position: 'sticky',
        top: phone ? 60 - headHeight : 60,
        zIndex: 5,
        background: '#fff',
        paddingBottom: 8,
        borderBottom: '1px solid #e9ecef',
      }}
    >
      <Group justify="space-between" align="flex-start" ref={headRef} pb="xs">
        <Stack gap={4}>
          <Anchor component="button" type="button" onClick={onBack} size="sm" style={{ alignSelf: 'flex-start' }}>
            ← {t('diagnostic.capture.back')}
          </Anchor>
          <Group gap="xs" align="center">
            <Title order={2} size="h3">
              {t('diagnostic.capture.title', { type: t(`diagnostic.types.${person.type}`) })}
              {who ? ` — ${who}` : ''}
            </Title>
            {readOnly ? null : (
              <Button size="compact-sm" variant="subtle" onClick={onEditPerson}>
                {t('diagnostic.interviews.editPerson')}
              </Button>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('diagnostic.capture.meta', {
              date: formatDate(interview.date, language),
              interviewer: interview.interviewer,
            })}
            {interview.source === 'self_assessment' ? ` · ${t('diagnostic.interviews.selfAssessment')}` : ''}
          </Text>
        </Stack>
      </Group>
      <Paper withBorder p="sm" bg="#f8fafa">
        <Group gap="sm" wrap="wrap" align="flex-start">
          <Box style={{ flex: 1, minWidth: 180 }}>
            <Text size="sm" fw={600}>
              {t('diagnostic.capture.progress', { answered, dontKnow, total })}
            </Text>
            <Progress value={((answered + dontKnow) / total) * 100} aria-hidden="true" mt={4} />
          </Box>
          {readOnly ? null : (
            <Text size="sm" c="dimmed" maw={560} id="capture-keys" visibleFrom="sm">
              {t('diagnostic.capture.keys')}
            </Text>
          )}
          <SaveIndicator state={save.state} unsent={save.unsent} savedAt={save.savedAt} error={save.error} />
        </Group>
      </Paper>
    </Box>
  );
}
