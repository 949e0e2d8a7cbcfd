import { describe, expect, it } from 'vitest';
import { authContract } from '../../domain/auth/auth.contract.ts';
import { usersContract } from '../../domain/auth/users.contract.ts';
import { healthContract } from '../../domain/health/health.contract.ts';
import { implementationContract } from '../../domain/implementation/implementation.contract.ts';
import { mutualisationContract } from '../../domain/mutualisation/mutualisation.contract.ts';
import { FRAME_ENDPOINTS } from './session.ts';

describe('the endpoints the frame calls without their contracts', () => {
  it('are the contracts’ own: same method, path and query key', () => {
    const contracts = {
      me: authContract.me,
      logout: authContract.logout,
      users: usersContract.list,
      config: healthContract.config,
      alerts: implementationContract.alerts,
      myPolls: mutualisationContract.myPolls,
    };
    for (const [name, endpoint] of Object.entries(FRAME_ENDPOINTS)) {
      const contract = contracts[name as keyof typeof contracts];
      expect({ method: endpoint.method, path: endpoint.path, key: endpoint.key }, name).toEqual({
        method: contract.method,
        path: contract.path,
        key: contract.key,
      });
    }
  });
});
