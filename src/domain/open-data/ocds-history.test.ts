import { describe, expect, it } from 'vitest';
import { compileRecord, type OcdsReleaseLike, planPublication } from './ocds-history.ts';

const hash = (text: string) => text; // the content itself: equal contents, equal « hashes »
const release = (stage: string, date: string, extra: Record<string, unknown> = {}): OcdsReleaseLike => ({
  ocid: 'ocds-sr0001-p1',
  id: `ocds-sr0001-p1-${stage}`,
  date,
  tag: [stage],
  tender: { status: stage === 'tender' ? 'active' : 'complete', value: { amount: 100, currency: 'EUR' } },
  ...extra,
});

describe('the published history of an OCDS process', () => {
  const first = planPublication(
    [],
    [release('tender', '2026-02-01T00:00:00Z'), release('award', '2026-03-01T00:00:00Z', { awards: [{ id: 'a1' }] })],
    '2026-04-01T10:00:00Z',
    hash,
  );

  it('publishes every stage once, with the builder’s ids and dates', () => {
    expect(first.map((r) => [r.releaseId, r.date, r.seq])).toEqual([
      ['ocds-sr0001-p1-tender', '2026-02-01T00:00:00Z', 1],
      ['ocds-sr0001-p1-award', '2026-03-01T00:00:00Z', 2],
    ]);
  });

  it('adds nothing when nothing changed', () => {
    const current = [
      release('tender', '2026-02-01T00:00:00Z'),
      release('award', '2026-03-01T00:00:00Z', { awards: [{ id: 'a1' }] }),
    ];
    expect(planPublication(first, current, '2026-05-01T10:00:00Z', hash)).toEqual([]);
  });

  it('adds an update release with a new id and the export’s date when the content changed', () => {
    const changed = [
      release('tender', '2026-02-01T00:00:00Z'),
      release('award', '2026-03-01T00:00:00Z', { awards: [{ id: 'a1', value: { amount: 90, currency: 'EUR' } }] }),
    ];
    const added = planPublication(first, changed, '2026-05-01T10:00:00Z', hash);
    expect(added.map((r) => [r.releaseId, r.date, r.tag, r.seq])).toEqual([
      ['ocds-sr0001-p1-update-1', '2026-05-01T10:00:00Z', ['awardUpdate'], 3],
    ]);
    const again = planPublication([...first, ...added], changed, '2026-06-01T10:00:00Z', hash);
    expect(again).toEqual([]);
    const record = compileRecord([...first, ...added]);
    expect(record.releases.map((r) => r.id)).toEqual([
      'ocds-sr0001-p1-tender',
      'ocds-sr0001-p1-award',
      'ocds-sr0001-p1-update-1',
    ]);
    expect(record.compiledRelease).toMatchObject({
      tag: ['compiled'],
      awards: [{ id: 'a1', value: { amount: 90, currency: 'EUR' } }],
      tender: { status: 'complete' },
    });
  });

  it('keeps dates increasing when a stage reached later carries an earlier date', () => {
    const late = planPublication(
      first.slice(0, 1).map((r) => ({ ...r, date: '2026-04-01T00:00:00Z' })),
      [release('tender', '2026-02-01T00:00:00Z'), release('award', '2026-03-01T00:00:00Z')],
      '2026-04-01T00:00:00Z',
      hash,
    );
    expect(late[0]!.date > '2026-04-01T00:00:00Z').toBe(true);
  });
});
