import { MultiSelect, Select, Switch, TagsInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectSheet } from '../../../domain/strategy/project-sheets.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { useCommuneNeeds } from './api.ts';
import { objectiveOptions } from './objective-options.ts';
import type { ProjectForm } from './project-form-values.ts';

/** What the project is tied to: the other sheets it needs or excludes, an objective, the commune's needs, the SWOT. */
export function ProjectLinkFields(props: { form: ProjectForm; state: StrategyState; project?: ProjectSheet }) {
  const { t } = useTranslation();
  const { form, state, project } = props;
  const needs = useCommuneNeeds(state.communeNis);
  const others = state.projects.filter((p) => p.id !== project?.id).map((p) => ({ value: p.id, label: p.title }));
  const objectives = objectiveOptions(state);
  const sheets = (field: 'requires' | 'excludes') => (
    <MultiSelect
      label={t(`strategy.projects.fields.${field}`)}
      description={t(`strategy.projects.fields.${field}Help`)}
      data={others}
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      {...form.getInputProps(field)}
    />
  );
  return (
    <>
      {sheets('requires')}
      {sheets('excludes')}
      <Switch
        label={t('strategy.projects.fields.mandatory')}
        description={t('strategy.projects.fields.mandatoryHelp')}
        {...form.getInputProps('mandatory', { type: 'checkbox' })}
      />
      <Select
        label={t('strategy.projects.fields.objective')}
        description={
          objectives.length === 0
            ? t('strategy.projects.fields.noObjectives')
            : t('strategy.projects.fields.objectiveHelp')
        }
        data={objectives}
        clearable
        disabled={objectives.length === 0}
        {...form.getInputProps('objectiveId')}
      />
      <MultiSelect
        label={t('strategy.projects.fields.needIds')}
        description={t('strategy.projects.fields.needIdsHelp')}
        data={needs.data ?? []}
        searchable
        nothingFoundMessage={t('strategy.projects.fields.noNeeds')}
        {...form.getInputProps('needIds')}
      />
      <TagsInput
        label={t('strategy.projects.fields.needRefs')}
        description={t('strategy.projects.fields.needRefsHelp')}
        {...form.getInputProps('needRefs')}
      />
      {project && project.swotItemIds.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('strategy.projects.swotLinked', { count: project.swotItemIds.length })}
        </Text>
      ) : null}
    </>
  );
}
