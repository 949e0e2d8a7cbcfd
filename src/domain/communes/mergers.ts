/**
 * Communes as published (one row per legal commune at the time of the figures) and the mergers since, turned into
 * the communes as they are today. A successor's population and area become the sums of the communes that form it;
 * the absorbed commune keeps its own figures and points to its successor.
 */
export type ReferenceCommune = {
  nisCode: string;
  name: string;
  nameNl: string | null;
  arrondissementNis: string;
  arrondissement: string;
  population: number | null;
  populationYear: number | null;
  areaKm2: number | null;
};

export type Merger = { absorbedNis: string; successorNis: string; mergedOn: string };

export type CommuneWithHistory = ReferenceCommune & {
  mergedInto: string | null;
  mergedOn: string | null;
};

export function applyMergers(communes: ReferenceCommune[], mergers: Merger[]): CommuneWithHistory[] {
  const byNis = new Map(communes.map((c) => [c.nisCode, c]));
  for (const m of mergers) {
    if (!byNis.has(m.absorbedNis)) throw new Error(`merger names unknown absorbed commune ${m.absorbedNis}`);
    if (!byNis.has(m.successorNis)) throw new Error(`merger names unknown successor commune ${m.successorNis}`);
    if (m.absorbedNis === m.successorNis) throw new Error(`commune ${m.absorbedNis} cannot merge into itself`);
  }
  return communes.map((c) => {
    const absorbed = mergers.filter((m) => m.successorNis === c.nisCode).map((m) => byNis.get(m.absorbedNis)!);
    const ownMerger = mergers.find((m) => m.absorbedNis === c.nisCode);
    const parts = [c, ...absorbed];
    return {
      ...c,
      population: sumOrNull(parts.map((p) => p.population)),
      areaKm2: roundTo2(sumOrNull(parts.map((p) => p.areaKm2))),
      mergedInto: ownMerger?.successorNis ?? null,
      mergedOn: ownMerger?.mergedOn ?? null,
    };
  });
}

function sumOrNull(values: (number | null)[]): number | null {
  return values.some((v) => v == null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0);
}

function roundTo2(value: number | null): number | null {
  return value == null ? null : Math.round(value * 100) / 100;
}
