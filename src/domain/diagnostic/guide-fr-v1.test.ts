import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../shared/dimensions.ts';
import { GUIDE_FR_V1 } from './guide-fr-v1.ts';
import { MaturityModel } from './model.ts';

const factors = GUIDE_FR_V1.dimensions.flatMap((d) => d.factors);
const questions = factors.flatMap((f) => f.questions);
const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Every French text of the guide, with where it comes from, for the wording checks. */
const texts: [string, string][] = [
  ['title', GUIDE_FR_V1.title],
  ...GUIDE_FR_V1.scale.levels.flatMap((l): [string, string][] => [
    [`scale ${l.level}`, l.label],
    [`scale ${l.level}`, l.description],
  ]),
  ...GUIDE_FR_V1.bands.flatMap((b): [string, string][] => [
    [b.key, b.label],
    [b.key, b.interpretation],
  ]),
  ...GUIDE_FR_V1.dimensions.flatMap((d): [string, string][] => [
    [d.key, d.label],
    [d.key, d.description],
  ]),
  ...factors.flatMap((f): [string, string][] => [
    [f.key, f.label],
    [f.key, f.description],
  ]),
  ...questions.flatMap((q): [string, string][] => [
    [q.key, q.text],
    ...(q.help ? [[q.key, q.help] as [string, string]] : []),
    ...q.levels.map((l): [string, string] => [`${q.key} ${l.level}`, l.descriptor]),
  ]),
];

describe('the seeded French guide, version 1', () => {
  it('validates against the MaturityModel schema', () => {
    const result = MaturityModel.safeParse(GUIDE_FR_V1);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('covers the six dimensions, in the order of the model', () => {
    expect(GUIDE_FR_V1.dimensions.map((d) => d.key)).toEqual([...DIMENSIONS]);
  });

  it('is a complete guide: about thirty factors and eighty questions, two to four questions per factor', () => {
    expect(factors.length).toBeGreaterThanOrEqual(30);
    expect(questions.length).toBeGreaterThanOrEqual(80);
    for (const dimension of GUIDE_FR_V1.dimensions) expect(dimension.factors.length).toBeGreaterThanOrEqual(4);
    for (const factor of factors) {
      expect(factor.questions.length, factor.key).toBeGreaterThanOrEqual(2);
      expect(factor.questions.length, factor.key).toBeLessThanOrEqual(4);
    }
  });

  it('gives every question a distinct descriptor for every level of the scale (0 to 4)', () => {
    const levels = GUIDE_FR_V1.scale.levels.map((l) => l.level);
    expect(levels).toEqual([0, 1, 2, 3, 4]);
    for (const question of questions) {
      expect(
        question.levels.map((l) => l.level),
        question.key,
      ).toEqual(levels);
      expect(new Set(question.levels.map((l) => l.descriptor)).size, question.key).toBe(levels.length);
    }
  });

  it('has unique snake_case keys', () => {
    const keys = [...factors.map((f) => f.key), ...questions.map((q) => q.key)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(SNAKE_CASE);
  });

  it('keeps its keys stable: answers recorded under version 1 refer to them', () => {
    const tree = GUIDE_FR_V1.dimensions.map((d) => ({
      dimension: d.key,
      factors: d.factors.map((f) => `${f.key}: ${f.questions.map((q) => q.key).join(', ')}`),
    }));
    expect(tree).toMatchSnapshot();
  });

  it('has rural factors in most dimensions, among them connectivity, access to care and digital inclusion', () => {
    const rural = factors.filter((f) => f.rural).map((f) => f.key);
    expect(rural.length).toBeGreaterThanOrEqual(10);
    expect(rural).toEqual(
      expect.arrayContaining([
        'broadband_mobile_coverage',
        'health_care_access',
        'local_public_services',
        'on_demand_shared_mobility',
        'local_economy_short_circuits',
        'tourism',
        'natural_heritage',
        'digital_inclusion',
        'citizen_participation',
        'supra_communal_cooperation',
      ]),
    );
    const dimensionsWithRural = GUIDE_FR_V1.dimensions.filter((d) => d.factors.some((f) => f.rural));
    expect(dimensionsWithRural.length).toBeGreaterThanOrEqual(5);
  });

  it('is written with French typography: typographic apostrophes, no stray spaces', () => {
    for (const [where, text] of texts) {
      expect(text, where).not.toMatch(/'/);
      expect(text, where).not.toMatch(/ {2}|^\s|\s$/);
    }
  });

  it('asks questions and describes levels in full sentences', () => {
    for (const question of questions) {
      expect(question.text, question.key).toMatch(/\?$/);
      for (const level of question.levels) expect(level.descriptor, `${question.key} ${level.level}`).toMatch(/\.$/);
    }
  });

  it('uses bands with French labels from Initiation to Référence', () => {
    expect(GUIDE_FR_V1.bands.map((b) => b.label)).toEqual([
      'Initiation',
      'Exploration',
      'Structuration',
      'Intégration',
      'Référence',
    ]);
  });
});
