import { Badge, Box, NavLink, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaturityModel, ModelDimension } from '../../../domain/diagnostic/model.ts';
import type { PendingAnswer } from './autosave-queue.ts';
import { DIMENSION_COLOURS } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';
import { type Option, QuestionCard } from './question-card.tsx';

/** The dimensions, each with how many of its questions have an answer; a link to each. */
export function CaptureOutline({ guide, answers }: { guide: MaturityModel; answers: Map<string, PendingAnswer> }) {
  const { t } = useTranslation();
  const text = useGuideText();
  return (
    <Box component="nav" aria-label={t('diagnostic.capture.outline')} style={{ position: 'sticky', top: 240 }}>
      {guide.dimensions.map((d) => {
        const keys = d.factors.flatMap((f) => f.questions.map((q) => q.key));
        const done = keys.filter((k) => answers.has(k)).length;
        return (
          <NavLink
            key={d.key}
            href={`#dim-${d.key}`}
            label={text.dimension(d.key, d.label).split('—').at(-1)?.trim()}
            description={t('diagnostic.capture.dimensionProgress', { done, total: keys.length })}
            leftSection={<Box w={10} h={10} style={{ borderRadius: 5, background: DIMENSION_COLOURS[d.key] }} />}
          />
        );
      })}
    </Box>
  );
}

export type QuestionHandlers = {
  onAnswer(questionKey: string, level: number | null, comment: string): void;
  onClear(questionKey: string): void;
  onMove(index: number, step: 1 | -1): void;
  register(index: number, element: HTMLDivElement | null): void;
};

/** One dimension of the guide: its factors, each with its questions to answer. */
export function DimensionQuestions({
  dimension,
  indexOf,
  optionsOf,
  answers,
  readOnly,
  handlers,
}: {
  dimension: ModelDimension;
  indexOf: Map<string, number>;
  optionsOf: Map<string, Option[]>;
  answers: Map<string, PendingAnswer>;
  readOnly: boolean;
  handlers: QuestionHandlers;
}) {
  const { t } = useTranslation();
  const text = useGuideText();
  return (
    <Stack gap="sm" id={`dim-${dimension.key}`} component="section" aria-labelledby={`dim-h-${dimension.key}`}>
      <Title
        order={3}
        size="h4"
        id={`dim-h-${dimension.key}`}
        style={{ borderLeft: `4px solid ${DIMENSION_COLOURS[dimension.key]}`, paddingLeft: 8 }}
      >
        {text.dimension(dimension.key, dimension.label)}
      </Title>
      {dimension.factors.map((factor) => (
        <Stack gap="xs" key={factor.key}>
          <Box>
            <Text fw={700}>
              {text.factor(factor.key, factor.label)}
              {factor.rural ? (
                <Badge ml="xs" size="xs" variant="outline" color="#1f6e30">
                  {t('diagnostic.rural')}
                </Badge>
              ) : null}
            </Text>
            <Text size="sm" c="dimmed">
              {factor.description}
            </Text>
          </Box>
          {factor.questions.map((question) => (
            <QuestionCard
              key={question.key}
              question={question}
              index={indexOf.get(question.key)!}
              options={optionsOf.get(question.key)!}
              answer={answers.get(question.key)}
              readOnly={readOnly}
              {...handlers}
            />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
