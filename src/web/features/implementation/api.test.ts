import { describe, expect, expectTypeOf, it } from 'vitest';
import { implementationContract as c } from '../../../domain/implementation/implementation.contract.ts';
import type {
  ImplementationArea,
  ProjectFollowUp,
  ThresholdPeriodRecord,
} from '../../../domain/implementation/implementation-api.ts';
import type { EndpointResponse } from '../../../domain/shared/contract.ts';
import { type call, endpointKey } from '../../lib/contract-client.ts';
import { dashboardXlsxUrl, documentUrl, ocdsUrl } from './api.ts';

describe('the implementation feature through its contract', () => {
  it('keys its queries under the feature, so one invalidation reaches them all', () => {
    expect(endpointKey(c.followUp, { params: { id: 'p1' } })).toEqual([
      'implementation',
      'followUp',
      { params: { id: 'p1' } },
    ]);
    expect(endpointKey(c.dashboard, { query: { arrondissement: 'Bastogne' } })).toEqual([
      'implementation',
      'dashboard',
      { query: { arrondissement: 'Bastogne' } },
    ]);
    expect(c.mission.key).toEqual(['implementation', 'mission']);
  });

  it('builds the file links from the paths declared beside the contract', () => {
    expect(documentUrl('d 1')).toBe('/api/implementation/documents/d%201');
    expect(ocdsUrl('p1')).toBe('/api/implementation/projects/p1/procurement/ocds');
    expect(dashboardXlsxUrl({ arrondissement: 'Arlon' })).toBe(
      '/api/implementation/dashboard.xlsx?arrondissement=Arlon',
    );
  });

  it('types every answer from the domain’s schemas (checked by the typecheck)', () => {
    expectTypeOf<EndpointResponse<typeof c.followUp>>().toEqualTypeOf<ProjectFollowUp>();
    expectTypeOf<EndpointResponse<typeof c.addMilestone>>().toEqualTypeOf<ProjectFollowUp>();
    expectTypeOf<EndpointResponse<typeof c.area>>().toEqualTypeOf<ImplementationArea>();
    expectTypeOf<EndpointResponse<typeof c.thresholds>>().toEqualTypeOf<ThresholdPeriodRecord[]>();
    // What the user may do comes with the resource, from the server's policy.
    expectTypeOf<ProjectFollowUp['permissions']>().toEqualTypeOf<{
      edit: boolean;
      procurement: boolean;
      publish: boolean;
    }>();
    const checks = (client: typeof call) => {
      // @ts-expect-error a milestone needs its project's id in the path.
      void client(c.addMilestone, { body: { title: 'x', dueDate: '2026-01-01', owner: null, doneDate: null } });
      // @ts-expect-error the status must be one of the follow-up's statuses.
      void client(c.changeStatus, { params: { id: 'p1' }, body: { status: 'finished' } });
    };
    expect(checks).toBeTypeOf('function');
  });
});
