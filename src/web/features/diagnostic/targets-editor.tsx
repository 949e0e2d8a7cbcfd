import { NumberInput, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { type MaturityTarget, TargetsInput, type TargetsView } from '../../../domain/diagnostic/targets.ts';
import { DIMENSIONS } from '../../../domain/shared/dimensions.ts';
import { HORIZON_KEYS } from '../../../domain/strategy/horizons.ts';
import { EditorModal } from '../../components/editor-modal.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useSaveTargets } from './targets-api.ts';

/** One field per dimension and horizon, named `living_short`…; empty: no target. */
type Values = Record<string, number | string>;
const fieldOf = (t: Pick<MaturityTarget, 'dimension' | 'horizon'>) => `${t.dimension}_${t.horizon}`;

function toInput(values: Values): TargetsInput {
  return {
    targets: DIMENSIONS.flatMap((dimension) =>
      HORIZON_KEYS.flatMap((horizon) => {
        const value = values[fieldOf({ dimension, horizon })];
        return value === '' || value === undefined ? [] : [{ dimension, horizon, level: Number(value) }];
      }),
    ),
  };
}

/** The targets grid: six dimensions × three horizons, levels or half-levels of the guide's scale. */
export function TargetsEditor({ view, onClose }: { view: TargetsView; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useSaveTargets(view.missionId);
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const initialValues: Values = Object.fromEntries(
    DIMENSIONS.flatMap((dimension) =>
      HORIZON_KEYS.map((horizon) => {
        const found = view.targets.find((x) => x.dimension === dimension && x.horizon === horizon);
        return [fieldOf({ dimension, horizon }), found?.level ?? ''];
      }),
    ),
  );
  const { form, submit } = useSchemaForm({ schema: TargetsInput, initialValues, toInput });
  const onSubmit = submit((input, callbacks) =>
    save.mutate(input, {
      ...callbacks,
      onSuccess: () => {
        notify(t('diagnostic.targets.saved'));
        onClose();
      },
    }),
  );
  return (
    <EditorModal
      title={t('diagnostic.targets.editTitle')}
      onClose={onClose}
      size="lg"
      errors={form.errors}
      onSubmit={onSubmit}
      pending={save.isPending}
      error={save.error}
    >
      <Text size="sm" c="dimmed">
        {t('diagnostic.targets.editHelp', { max: view.scaleMax })}
      </Text>
      <Table withRowBorders={false} horizontalSpacing={4} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('diagnostic.results.dimension')}</Table.Th>
            {view.horizons.map((h) => (
              <Table.Th scope="col" key={h.key} fz="xs">
                {t(`diagnostic.targets.horizons.${h.key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DIMENSIONS.map((dimension) => (
            <Table.Tr key={dimension}>
              <Table.Th scope="row" fw={500} fz="sm">
                {t(`diagnostic.dimensions.${dimension}`)}
              </Table.Th>
              {view.horizons.map((h) => (
                <Table.Td key={h.key}>
                  <NumberInput
                    aria-label={t('diagnostic.targets.fieldLabel', {
                      dimension: t(`diagnostic.dimensions.${dimension}`),
                      // In the middle of the label: « Cible Mobilité, court terme ».
                      horizon: t(`diagnostic.targets.horizons.${h.key}`).toLocaleLowerCase(language),
                    })}
                    min={0}
                    max={view.scaleMax}
                    step={0.5}
                    decimalScale={1}
                    decimalSeparator={language === 'fr' ? ',' : '.'}
                    // On a phone the arrows leave no room for « 3,5 »: the keyboard's arrows still step.
                    hideControls={phone}
                    {...form.getInputProps(fieldOf({ dimension, horizon: h.key }))}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </EditorModal>
  );
}
