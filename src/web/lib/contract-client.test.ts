import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { authContract } from '../../domain/auth/auth.contract.ts';
import type { Me } from '../../domain/auth/users.ts';
import { communesContract } from '../../domain/communes/communes.contract.ts';
import type { Mission } from '../../domain/missions/mission.ts';
import { missionsContract } from '../../domain/missions/missions.contract.ts';
import { defineContract, type EndpointResponse, fillPath } from '../../domain/shared/contract.ts';
import { type call, endpointKey, endpointQuery } from './contract-client.ts';

describe('the typed contract client', () => {
  it('fills the path from the declared parameters, encoded', () => {
    expect(fillPath(missionsContract.overview.path, { id: 'a b/c' })).toBe('/api/missions/a%20b%2Fc/overview');
    expect(() => fillPath(communesContract.get.path, {})).toThrow('nisCode');
  });

  it('keys queries by feature, endpoint, then the parameters and query given', () => {
    expect(endpointKey(missionsContract.get, { params: { id: 'm1' } })).toEqual([
      'missions',
      'get',
      { params: { id: 'm1' } },
    ]);
    // Empty query values are not sent, so they do not make another cache entry either.
    expect(endpointKey(missionsContract.list, { query: { communeNis: undefined } })).toEqual(['missions', 'list']);
    expect(endpointQuery(missionsContract.list, { query: { phase: 'planning' } }).queryKey).toEqual([
      'missions',
      'list',
      { query: { phase: 'planning' } },
    ]);
    expect(endpointKey(authContract.me)).toEqual(['auth', 'me']);
  });

  it('types the answer from the declared response schema (checked by the typecheck, not at run time)', () => {
    type Answer<E extends Parameters<typeof call>[0]> = EndpointResponse<E>;
    expectTypeOf<Answer<typeof missionsContract.get>>().toEqualTypeOf<Mission>();
    expectTypeOf<Answer<typeof authContract.me>>().toEqualTypeOf<z.infer<typeof Me>>();
    expectTypeOf<Answer<typeof communesContract.deleteSite>>().toEqualTypeOf<null>();

    // Change a response and the code reading it no longer compiles.
    const before = defineContract('example', {
      get: { method: 'GET', path: '/api/example', summary: 'x', response: z.object({ title: z.string() }) },
    });
    const after = defineContract('example', {
      get: { method: 'GET', path: '/api/example', summary: 'x', response: z.object({ name: z.string() }) },
    });
    expectTypeOf<Answer<typeof before.get>>().toHaveProperty('title');
    const read = (answer: Answer<typeof after.get>) =>
      // @ts-expect-error `title` is gone from the response: every reader fails to compile.
      answer.title;
    expect(read).toBeTypeOf('function');
  });

  it('requires what the endpoint declares, and refuses what it does not (checked by the typecheck)', () => {
    const checks = (client: typeof call) => {
      // @ts-expect-error the mission's id is a path parameter, so it is required.
      void client(missionsContract.get);
      // @ts-expect-error the body must match MissionUpdateInput.
      void client(missionsContract.update, { params: { id: 'm1' }, body: { phase: 'unknown' } });
      // @ts-expect-error GET /api/missions/staff takes no body.
      void client(missionsContract.staff, { body: {} });
      void client(missionsContract.staff);
    };
    expect(checks).toBeTypeOf('function');
  });
});
