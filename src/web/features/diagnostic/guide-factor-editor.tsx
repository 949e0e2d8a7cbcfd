import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Factor, MaturityModel } from '../../../domain/diagnostic/model.ts';
import { type Edit, newQuestion } from './guide-model-edit.ts';
import { QuestionEditor } from './guide-question-editor.tsx';

function FactorView({ factor }: { factor: Factor }) {
  const { t } = useTranslation();
  return (
    <>
      <Text fw={700}>
        {factor.label}{' '}
        {factor.rural ? (
          <Badge size="xs" variant="outline" color="#1f6e30">
            {t('diagnostic.rural')}
          </Badge>
        ) : null}
      </Text>
      <Text size="sm" c="dimmed">
        {factor.description}
      </Text>
    </>
  );
}

/** A draft factor's label, rural flag and description. */
function FactorFields({
  factor,
  at,
  edit,
  remove,
}: {
  factor: Factor;
  at: (m: MaturityModel) => Factor;
  edit: Edit;
  remove(): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('diagnostic.guide.factorLabel', { key: factor.key })}
          value={factor.label}
          onChange={(e) => {
            const value = e.currentTarget.value;
            edit((m) => {
              at(m).label = value;
            });
          }}
        />
        <Checkbox
          mb={8}
          label={t('diagnostic.rural')}
          checked={factor.rural}
          onChange={(e) => {
            const value = e.currentTarget.checked;
            edit((m) => {
              at(m).rural = value;
            });
          }}
        />
        <Button variant="subtle" color="red.8" size="compact-sm" mb={6} onClick={remove}>
          {t('diagnostic.guide.removeFactor')}
        </Button>
      </Group>
      <Textarea
        autosize
        minRows={1}
        label={t('diagnostic.guide.factorDescription')}
        value={factor.description}
        onChange={(e) => {
          const value = e.currentTarget.value;
          edit((m) => {
            at(m).description = value;
          });
        }}
      />
    </>
  );
}

/** One factor of the guide with its questions; in a draft, every text can change and questions come and go. */
export function FactorEditor({
  factor,
  path,
  edit,
  readOnly,
  model,
}: {
  factor: Factor;
  path: string;
  edit: Edit;
  readOnly: boolean;
  model: MaturityModel;
}) {
  const { t } = useTranslation();
  const [dIndex, fIndex] = path.split('.').map(Number) as [number, number];
  const at = (m: MaturityModel) => m.dimensions[dIndex]!.factors[fIndex]!;
  return (
    <Paper withBorder p="sm" bg="#fafcfc">
      <Stack gap="xs">
        {readOnly ? (
          <FactorView factor={factor} />
        ) : (
          <FactorFields
            factor={factor}
            at={at}
            edit={edit}
            remove={() => edit((m) => void m.dimensions[dIndex]!.factors.splice(fIndex, 1))}
          />
        )}
        {factor.questions.map((q, qIndex) => (
          <QuestionEditor
            key={q.key}
            question={q}
            path={`${path}.${qIndex}`}
            edit={edit}
            readOnly={readOnly}
            levels={model.scale.levels}
          />
        ))}
        {readOnly ? null : (
          <Group>
            <Button
              variant="light"
              size="compact-sm"
              onClick={() =>
                edit(
                  (m) => void at(m).questions.push(newQuestion(m, factor.key, t('diagnostic.guide.newQuestionText'))),
                )
              }
            >
              {t('diagnostic.guide.addQuestion')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
