/**
 * How well the grouping finds the same need written by different communes, on needs it was not tuned on (issue 12).
 * The engine (src/server/needs/grouping-engine.ts) groups, on PGlite, each half of the independent labelled set
 * (src/server/needs/independent-needs.test-support.ts, split by group before any tuning) and, as the baseline of the
 * same run, the first labelled set, on which the taxonomy was extended. Pairwise precision, recall and F1 are printed
 * for each; the errors are listed for the tuning half only, so that nobody tunes on the held-out half.
 *
 *   npx tsx bench/grouping-quality.ts [--tuning-only]
 *
 * `--tuning-only` leaves the held-out half out, for the runs made while a change is being chosen.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.ts';
import { groupNeedsInDatabase } from '../src/server/needs/grouping-engine.ts';
import { INDEPENDENT_NEEDS } from '../src/server/needs/independent-needs.test-support.ts';
import { LABELLED_NEEDS, type LabelledNeed, pairwiseScores } from '../src/server/needs/labelled-needs.test-support.ts';

const database = await openDatabase({ memory: true });
await database.db.execute(sql`create extension if not exists unaccent`);
await database.db.execute(sql`create extension if not exists pg_trgm`);

async function score(label: string, needs: LabelledNeed[], showErrors: boolean) {
  const groups = await groupNeedsInDatabase(
    database.db,
    needs.map((n) => ({ id: n.id, communeNis: n.nis, title: n.title, description: n.description, category: null })),
  );
  const found = groups.map((g) => g.needIds);
  const s = pairwiseScores(found, needs);
  const f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  console.log(
    `${label.padEnd(34)} ${String(needs.length).padStart(4)} needs  precision ${s.precision.toFixed(2)}  recall ${s.recall.toFixed(2)}  F1 ${f1.toFixed(2)}  (${s.tp} true pairs, ${s.fp} false, ${s.fn} missed)`,
  );
  if (showErrors) {
    const byId = new Map(needs.map((n) => [n.id, n]));
    for (const ids of found) {
      const golds = new Set(ids.map((id) => byId.get(id)!.gold));
      if (golds.size > 1 || golds.has(null))
        console.log(`   mixed group: ${ids.map((id) => `${byId.get(id)!.title} [${byId.get(id)!.gold}]`).join(' | ')}`);
    }
    const groupOf = new Map<string, number>();
    found.forEach((ids, i) => {
      for (const id of ids) groupOf.set(id, i);
    });
    const golds = new Map<string, LabelledNeed[]>();
    for (const n of needs) if (n.gold) golds.set(n.gold, [...(golds.get(n.gold) ?? []), n]);
    for (const [gold, members] of golds) {
      const parts = new Set(members.map((m) => groupOf.get(m.id) ?? `alone:${m.id}`));
      if (parts.size > 1) console.log(`   split: ${gold} — ${members.map((m) => m.title).join(' | ')}`);
    }
  }
  return f1;
}

try {
  console.log('pairwise scores of the grouping engine (PGlite)');
  await score('first set (taxonomy tuned on it)', LABELLED_NEEDS, false);
  await score(
    'independent set, tuning half',
    INDEPENDENT_NEEDS.filter((n) => n.half === 'tune'),
    true,
  );
  if (!process.argv.includes('--tuning-only')) {
    const heldout = await score(
      'independent set, held-out half',
      INDEPENDENT_NEEDS.filter((n) => n.half === 'heldout'),
      false,
    );
    console.log(`held-out F1 ${heldout.toFixed(2)} (aim ≥ 0.85)`);
  }
} finally {
  await database.close();
}
