import { Checkbox, Group, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS } from '../../../domain/shared/dimensions.ts';
import { type ProjectSheet, ProjectSheetCreateInput } from '../../../domain/strategy/project-sheets.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { EditorModal } from '../../components/editor-modal.tsx';
import { notify } from '../../lib/notify.ts';
import { useSchemaForm } from '../../lib/schema-form.ts';
import { useCreateProject, useUpdateProject } from './api.ts';
import { type ProjectForm, projectBody, projectFormValues } from './project-form-values.ts';
import { ProjectFundingFields } from './project-funding-fields.tsx';
import { ProjectLinkFields } from './project-link-fields.tsx';
import { ProjectPlanningFields } from './project-planning-fields.tsx';

/**
 * Creates or changes a project sheet. Dependencies and exclusions name the mission's other sheets; the server refuses
 * a dependency cycle and says which projects form it.
 */
export function ProjectFormModal(props: { state: StrategyState; project?: ProjectSheet; onClose(): void }) {
  const { t } = useTranslation();
  const { state, project } = props;
  const create = useCreateProject(state.missionId);
  const update = useUpdateProject(state.missionId);
  const mutation = project ? update : create;
  const { form, submit } = useSchemaForm({
    schema: ProjectSheetCreateInput,
    initialValues: projectFormValues(project),
    toInput: projectBody,
  });
  const onSubmit = submit((body, callbacks) => {
    const onSuccess = () => {
      notify(t(project ? 'strategy.projects.saved' : 'strategy.projects.created', { title: body.title }));
      props.onClose();
    };
    if (project) update.mutate({ id: project.id, body }, { ...callbacks, onSuccess });
    else create.mutate(body, { ...callbacks, onSuccess });
  });
  return (
    <EditorModal
      title={t(project ? 'strategy.projects.editTitle' : 'strategy.projects.createTitle')}
      onClose={props.onClose}
      size="xl"
      errors={form.errors}
      onSubmit={onSubmit}
      pending={mutation.isPending}
      error={mutation.error}
      submitLabel={t(project ? 'common.save' : 'strategy.projects.create')}
    >
      <ProjectDescriptionFields form={form} />
      <ProjectPlanningFields form={form} />
      <ProjectLinkFields form={form} state={state} project={project} />
      <ProjectFundingFields form={form} />
    </EditorModal>
  );
}

/** What the project is: its title, description and the dimensions it serves. */
function ProjectDescriptionFields({ form }: { form: ProjectForm }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('strategy.projects.fields.title')} required data-autofocus {...form.getInputProps('title')} />
      <Textarea
        label={t('strategy.projects.fields.description')}
        autosize
        minRows={2}
        {...form.getInputProps('description')}
      />
      <Checkbox.Group label={t('strategy.projects.fields.dimensions')} {...form.getInputProps('dimensions')}>
        <Group gap="md" mt={4}>
          {DIMENSIONS.map((d) => (
            <Checkbox key={d} value={d} label={t(`strategy.dimensions.${d}`)} />
          ))}
        </Group>
      </Checkbox.Group>
    </>
  );
}
