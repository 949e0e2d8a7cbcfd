/**
 * The mutualisation's grouping at the size of issue 5: a synthetic Belgium-wide register, 565 communes × 40 needs
 * (22,600 needs), grouped by the app's engine (src/server/needs/grouping-engine.ts: inverted index of French stems,
 * trigram index, taxonomy phrases) on PGlite, and on PostgreSQL when DATABASE_URL is set. The baseline, in the same
 * run, is the naive all-pairs comparison with the same rules (`candidates: 'all-pairs'`): it is quadratic, so it runs
 * on samples of the register, checks that both find the very same groups there, and its time is extrapolated (n²)
 * to the whole register.
 *
 *   npx tsx bench/mutualisation.ts [--communes 565] [--per-commune 40] [--sample 600]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { SMART_CATEGORIES } from '../src/domain/shared/smart-categories.ts';
import { type Database, openDatabase } from '../src/server/db/client.ts';
import { groupNeedsInDatabase, type NeedText } from '../src/server/needs/grouping-engine.ts';
import { LABELLED_NEEDS } from '../src/server/needs/labelled-needs.test-support.ts';

const { values } = parseArgs({
  options: {
    communes: { type: 'string', default: '565' },
    'per-commune': { type: 'string', default: '40' },
    sample: { type: 'string', default: '600' },
  },
});
const communeCount = Number(values.communes);
const perCommune = Number(values['per-commune']);
const sampleSize = Number(values.sample);

/** Park–Miller: the same register on every run. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

function syntheticRegister(): NeedText[] {
  const random = generator(5_650);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const nis = readFileSync(new URL('../src/server/communes/reference/belgium-communes.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1, communeCount + 1)
    .map((line) => line.split(',')[0]!);
  // Phrasings: the labelled set's needs, and each taxonomy term in a sentence of its own.
  const phrasings = [
    ...LABELLED_NEEDS.filter((n) => n.gold).map((n) => ({ title: n.title, description: n.description })),
    ...SMART_CATEGORIES.flatMap((c) =>
      c.terms.map((term) => ({ title: `Projet ${term}`, description: `La commune souhaite avancer sur : ${term}.` })),
    ),
  ];
  // Needs that match nothing: three rare invented words each, from a vocabulary of 3,000.
  const consonants = 'bcdfghjklmnprstvwxz';
  const vowels = 'aeiouy';
  const vocabulary = Array.from({ length: 3000 }, () =>
    Array.from({ length: 3 + Math.floor(random() * 2) }, () => pick([...consonants]) + pick([...vowels])).join(''),
  );
  const needs: NeedText[] = [];
  for (const code of nis) {
    for (let i = 0; i < perCommune; i++) {
      const id = `${code}-${i}`;
      if (i % 4 === 3) {
        const words = [pick(vocabulary), pick(vocabulary), pick(vocabulary)];
        needs.push({ id, communeNis: code, title: `${words[0]} ${words[1]}`, description: words[2]!, category: null });
      } else {
        const p = pick(phrasings);
        needs.push({ id, communeNis: code, title: p.title, description: p.description, category: null });
      }
    }
  }
  return needs;
}

const key = (groups: { needIds: string[] }[]) =>
  groups
    .map((g) => [...g.needIds].sort().join(','))
    .sort()
    .join('|');

async function measure(label: string, db: Database, needs: NeedText[]) {
  const steps: string[] = [];
  const started = performance.now();
  const groups = await groupNeedsInDatabase(db, needs, {
    onProgress: (fraction, step) => {
      steps.push(`${step} ${Math.round(fraction * 100)} % at ${((performance.now() - started) / 1000).toFixed(1)} s`);
      if (process.env.BENCH_VERBOSE) console.log(steps.at(-1));
    },
  });
  const indexedMs = performance.now() - started;
  const sizes = groups.map((g) => g.needIds.length);
  console.log(
    `${label}: ${needs.length} needs → ${groups.length} groups (largest ${Math.max(...sizes)}, ` +
      `${sizes.reduce((a, b) => a + b, 0)} needs grouped) in ${(indexedMs / 1000).toFixed(2)} s`,
  );
  console.log(`  progress: ${steps.join(' · ')}`);

  // The baseline on samples: same groups, and how the time grows.
  const sample = needs.slice(0, sampleSize);
  const t1 = performance.now();
  const indexedSample = await groupNeedsInDatabase(db, sample);
  const indexedSampleMs = performance.now() - t1;
  const t2 = performance.now();
  const naiveSample = await groupNeedsInDatabase(db, sample, { candidates: 'all-pairs' });
  const naiveSampleMs = performance.now() - t2;
  const same = key(indexedSample) === key(naiveSample);
  const extrapolated = naiveSampleMs * (needs.length / sample.length) ** 2;
  console.log(
    `  sample of ${sample.length}: indexed ${(indexedSampleMs / 1000).toFixed(2)} s, naive all-pairs ` +
      `${(naiveSampleMs / 1000).toFixed(2)} s (${((sample.length * (sample.length - 1)) / 2).toLocaleString('en')} pairs), ` +
      `same groups: ${same ? 'yes' : 'NO'}`,
  );
  console.log(
    `  naive all-pairs extrapolated to ${needs.length} needs (n²): ~${(extrapolated / 1000).toFixed(0)} s ` +
      `→ the indexed engine is ~${Math.round(extrapolated / indexedMs)}× faster`,
  );
  if (!same) process.exitCode = 1;
}

const needs = syntheticRegister();
console.log(`synthetic register: ${communeCount} communes × ${perCommune} needs = ${needs.length} needs`);

const pglite = await openDatabase({ memory: true });
try {
  await pglite.db.execute(sql`create extension if not exists unaccent`);
  await pglite.db.execute(sql`create extension if not exists pg_trgm`);
  await measure('PGlite', pglite.db, needs);
} finally {
  await pglite.close();
}

if (process.env.DATABASE_URL) {
  const server = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
  try {
    await server.db.execute(sql`create extension if not exists unaccent`);
    await server.db.execute(sql`create extension if not exists pg_trgm`);
    await measure('PostgreSQL', server.db, needs);
  } finally {
    await server.close();
  }
} else {
  console.log('PostgreSQL: skipped (set DATABASE_URL to measure it too)');
}
