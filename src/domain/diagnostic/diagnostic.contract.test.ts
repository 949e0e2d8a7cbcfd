import { describe, expect, expectTypeOf, it } from 'vitest';
import { type EndpointArgs, type EndpointResponse, fillPath } from '../shared/contract.ts';
import { diagnosticContract as c, DIAGNOSTIC_REPORT_PATHS } from './diagnostic.contract.ts';
import type { Interview } from './interviews.ts';
import type { MaturityModel } from './model.ts';
import type { GuideChange } from './versioning.ts';

describe('the diagnostic contract', () => {
  it('declares each endpoint once: no two share a method and a path', () => {
    const routes = Object.values(c).map((e) => `${e.method} ${e.path}`);
    expect(new Set(routes).size).toBe(routes.length);
    expect(Object.values(c).every((e) => e.feature === 'diagnostic' && e.key[0] === 'diagnostic')).toBe(true);
  });

  it('gives the reports their paths, filled the same way as the contract’s', () => {
    expect(fillPath(DIAGNOSTIC_REPORT_PATHS.pdf, { id: 'm 1' })).toBe('/api/missions/m%201/report.pdf');
  });

  it('types what the web receives from the declarations (checked by the typecheck)', () => {
    expectTypeOf<EndpointResponse<typeof c.getInterview>>().toEqualTypeOf<Interview>();
    // The public self-assessment form carries the guide to fill, typed, not `unknown`.
    expectTypeOf<EndpointResponse<typeof c.openSelfAssessment>['guide']>().toEqualTypeOf<MaturityModel>();
    expectTypeOf<EndpointResponse<typeof c.guideChanges>['changes']>().toEqualTypeOf<GuideChange[]>();
    expectTypeOf<EndpointResponse<typeof c.deleteInterview>>().toEqualTypeOf<null>();
    // An interview is reached through its mission: both ids are required.
    expectTypeOf<EndpointArgs<typeof c.getInterview>['params']>().toEqualTypeOf<{ id: string; interviewId: string }>();
  });
});
