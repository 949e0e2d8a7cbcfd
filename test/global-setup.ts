import type { TestProject } from 'vitest/node';
import { createTemplate, dropTemplate, type Template } from './support/template-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    template: Template;
  }
}

export default async function setup(project: TestProject) {
  const template = await createTemplate(process.env.DATABASE_URL || undefined);
  project.provide('template', template);
  return async () => {
    await dropTemplate(template);
  };
}
