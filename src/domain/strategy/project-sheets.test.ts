import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { assertNoDependencyCycle, ProjectSheetCreateInput, prefillFromSwotItem } from './project-sheets.ts';

describe('assertNoDependencyCycle', () => {
  const cycleOf = (requires: Record<string, string[]>) => {
    try {
      assertNoDependencyCycle(new Map(Object.entries(requires)), (id) => id.toUpperCase());
      return null;
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
  };

  it('accepts chains and diamonds', () => {
    expect(cycleOf({ wifi: ['fibre'], cameras: ['wifi', 'fibre'], fibre: [] })).toBeNull();
  });

  it('names the projects of a cycle in order, with PROJECT_DEPENDENCY_CYCLE', () => {
    const error = cycleOf({ fibre: ['cameras'], wifi: ['fibre'], cameras: ['wifi'] })!;
    expect(error.code).toBe('PROJECT_DEPENDENCY_CYCLE');
    expect(error.params.cycle).toBe('FIBRE → CAMERAS → WIFI → FIBRE');
  });

  it('finds a project that requires itself', () => {
    expect(cycleOf({ app: ['app'] })?.params.cycle).toBe('APP → APP');
  });
});

describe('prefillFromSwotItem', () => {
  it('turns a threat into a draft sheet that answers it', () => {
    const sheet = prefillFromSwotItem({
      id: '0f6a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c',
      kind: 'threat',
      text: 'Isolement des personnes âgées   dans les villages',
      dimensions: ['living', 'people', 'living'],
    });
    expect(sheet).toMatchObject({
      title: 'Parer à : isolement des personnes âgées dans les villages',
      description: 'Répond à l’élément AFOM (menace) : « Isolement des personnes âgées dans les villages »',
      dimensions: ['living', 'people'],
      swotItemIds: ['0f6a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c'],
      status: 'draft',
      investmentCost: 0,
    });
    expect(ProjectSheetCreateInput.safeParse(sheet).success).toBe(true);
  });

  it('keeps acronyms and shortens a long text at a word', () => {
    const sheet = prefillFromSwotItem({
      id: '0f6a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c',
      kind: 'opportunity',
      text: `RAVeL et ${'voies lentes '.repeat(20)}vers le Luxembourg`,
      dimensions: [],
    });
    expect(sheet.title.startsWith('Saisir : RAVeL et voies lentes')).toBe(true);
    expect(sheet.title.length).toBeLessThanOrEqual(120);
    expect(sheet.title.endsWith('…')).toBe(true);
    expect(sheet.title).not.toMatch(/\s…$/);
  });
});
