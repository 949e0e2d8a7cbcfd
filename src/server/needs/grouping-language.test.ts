import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { groupNeedsInDatabase, type NeedText } from './grouping-engine.ts';

/**
 * The register's French as the engine reads it (issue 12): worked cases where only the language means join two
 * phrasings of one need — an acronym, a typo, a thesaurus synonym, a plural — and filler words that must not.
 */
describe('grouping reads the register’s French', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openDatabase({ memory: true });
    await database.db.execute(sql`create extension if not exists unaccent`);
    await database.db.execute(sql`create extension if not exists pg_trgm`);
  });
  afterAll(() => database.close());

  const needs = (list: [id: string, title: string, description?: string][]): NeedText[] =>
    list.map(([id, title, description = ''], i) => ({
      id,
      communeNis: ['81001', '81004', '83012', '82036'][i % 4]!,
      title,
      description,
      category: null,
    }));

  it('an acronym, a typo and a synonym reach the same category as the plain words', async () => {
    const groups = await groupNeedsInDatabase(
      database.db,
      needs([
        ['plain', 'Éclairage public du centre'],
        ['acronym', 'Rénovation de l’EP des villages'],
        ['typo', 'Éclairrage public énergivore'],
        ['synonym', 'Remplacement des réverbères'],
        ['rdv', 'RDV en ligne au service population'],
        ['rendez-vous', 'Prise de rendez-vous en ligne'],
        ['alone', 'Fête du village', 'Organiser les festivités de juillet.'],
      ]),
    );
    const of = (id: string) => groups.find((g) => g.needIds.includes(id));
    expect(of('plain')?.category).toBe('public-lighting');
    expect(of('plain')?.needIds.sort()).toEqual(['acronym', 'plain', 'synonym', 'typo']);
    expect(of('rdv')?.category).toBe('e-counter');
    expect(of('rdv')?.needIds.sort()).toEqual(['rdv', 'rendez-vous']);
    expect(of('alone')).toBeUndefined();
  });

  it('outside the taxonomy, words of the title link needs; the register’s filler words do not', async () => {
    const groups = await groupNeedsInDatabase(
      database.db,
      needs([
        ['a', 'Registre des sépultures du cimetière', 'Numériser les concessions.'],
        ['b', 'Concessions au cimetière', 'Savoir quelles concessions arrivent à échéance.'],
        // Shares only « commune », « habitants », « projet », « nouveau » with the others.
        ['c', 'Nouveau projet de la commune', 'Les habitants de la commune veulent un nouveau projet.'],
        ['d', 'Projet pour les habitants', 'Un nouveau projet de la commune pour ses habitants.'],
      ]),
    );
    expect(groups.map((g) => g.needIds.sort())).toEqual([['a', 'b']]);
  });
});
