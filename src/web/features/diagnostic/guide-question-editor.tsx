import { Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaturityModel, Question } from '../../../domain/diagnostic/model.ts';
import type { Edit } from './guide-model-edit.ts';

/** A question as a published guide shows it: its text, help and level descriptors. */
function QuestionView({ question }: { question: Question }) {
  return (
    <Paper withBorder p="xs">
      <Text fw={600} size="sm">
        {question.text}{' '}
        <Text span c="dimmed" size="xs">
          ({question.key})
        </Text>
      </Text>
      {question.help ? (
        <Text size="xs" c="dimmed">
          {question.help}
        </Text>
      ) : null}
      <Stack gap={0} mt={4}>
        {question.levels.map((l) => (
          <Text size="xs" key={l.level}>
            <strong>{l.level}</strong> — {l.descriptor}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** One question of a draft: its text, help and one descriptor per level of the scale. */
export function QuestionEditor({
  question,
  path,
  edit,
  readOnly,
  levels,
}: {
  question: Question;
  path: string;
  edit: Edit;
  readOnly: boolean;
  levels: MaturityModel['scale']['levels'];
}) {
  const { t } = useTranslation();
  if (readOnly) return <QuestionView question={question} />;
  const [dIndex, fIndex, qIndex] = path.split('.').map(Number) as [number, number, number];
  const at = (m: MaturityModel) => m.dimensions[dIndex]!.factors[fIndex]!.questions[qIndex]!;
  return (
    <Paper withBorder p="xs">
      <Stack gap={6}>
        <Group align="flex-end" wrap="nowrap">
          <Textarea
            style={{ flex: 1 }}
            autosize
            minRows={1}
            label={t('diagnostic.guide.questionText', { key: question.key })}
            value={question.text}
            onChange={(e) => {
              const value = e.currentTarget.value;
              edit((m) => {
                at(m).text = value;
              });
            }}
          />
          <Button
            variant="subtle"
            color="red.8"
            size="compact-sm"
            onClick={() => edit((m) => void m.dimensions[dIndex]!.factors[fIndex]!.questions.splice(qIndex, 1))}
          >
            {t('diagnostic.guide.removeQuestion')}
          </Button>
        </Group>
        <TextInput
          size="xs"
          label={t('diagnostic.guide.help')}
          value={question.help ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            edit((m) => {
              if (value.trim()) at(m).help = value;
              else delete at(m).help;
            });
          }}
        />
        {question.levels.map((l, i) => (
          <Textarea
            key={l.level}
            size="xs"
            autosize
            minRows={1}
            label={t('diagnostic.guide.descriptor', { level: l.level, label: levels[i]?.label ?? '' })}
            value={l.descriptor}
            onChange={(e) => {
              const value = e.currentTarget.value;
              edit((m) => {
                at(m).levels[i]!.descriptor = value;
              });
            }}
          />
        ))}
      </Stack>
    </Paper>
  );
}
