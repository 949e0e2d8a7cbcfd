import { describe, expect, it } from 'vitest';
import { DEFAULT_HORIZONS } from './horizons.ts';
import { buildRoadmap, monthLabel } from './roadmap.ts';

describe('buildRoadmap', () => {
  const horizons = DEFAULT_HORIZONS;

  it('starts each project with its horizon and lasts its duration', () => {
    const roadmap = buildRoadmap({
      placements: [
        { projectId: 'app', horizon: 'short' },
        { projectId: 'sensors', horizon: 'medium' },
      ],
      projects: [
        { id: 'app', durationMonths: 9, requires: [] },
        { id: 'sensors', durationMonths: 18, requires: [] },
      ],
      horizons,
    });
    expect(roadmap).toMatchObject({ firstYear: 2024, lastYear: 2030 });
    expect(roadmap.rows).toEqual([
      expect.objectContaining({ projectId: 'app', startMonth: '2025-01', endMonth: '2025-09', start: 12, end: 21 }),
      expect.objectContaining({ projectId: 'sensors', startMonth: '2027-01', endMonth: '2028-06' }),
    ]);
  });

  it('waits for a required project of the same horizon, and says when that pushes past the horizon', () => {
    const roadmap = buildRoadmap({
      placements: [
        { projectId: 'fibre', horizon: 'short' },
        { projectId: 'wifi', horizon: 'short' },
        { projectId: 'cameras', horizon: 'short' },
      ],
      projects: [
        { id: 'fibre', durationMonths: 14, requires: [] },
        { id: 'wifi', durationMonths: 6, requires: ['fibre'] },
        { id: 'cameras', durationMonths: 12, requires: ['wifi'] },
      ],
      horizons,
    });
    const row = (id: string) => roadmap.rows.find((r) => r.projectId === id)!;
    expect(row('wifi').startMonth).toBe('2026-03');
    expect(row('cameras').startMonth).toBe('2026-09');
    expect(row('cameras').startsAfterHorizon).toBe(false);
    expect(roadmap.rows.map((r) => r.projectId)).toEqual(['fibre', 'wifi', 'cameras']);
  });

  it('extends the timeline when a project runs past the legislature', () => {
    const roadmap = buildRoadmap({
      placements: [{ projectId: 'led', horizon: 'long' }],
      projects: [{ id: 'led', durationMonths: 36, requires: [] }],
      horizons,
    });
    expect(roadmap.rows[0]).toMatchObject({ endMonth: '2031-12', endsAfterLegislature: true });
    expect(roadmap.lastYear).toBe(2031);
  });

  it('labels months from January 2024', () => {
    expect(monthLabel(0)).toBe('2024-01');
    expect(monthLabel(13)).toBe('2025-02');
    expect(monthLabel(83)).toBe('2030-12');
  });
});
