import { describe, expect, it } from 'vitest';
import { communesContract } from '../../domain/communes/communes.contract.ts';
import { COMMUNES_ENDPOINTS, communeKeys } from './communes-query.ts';
import { endpointKey } from './contract-client.ts';

describe('the communes’ endpoints called without their contract', () => {
  it('are the contract’s: same paths, and the same query keys as endpointKey gives', () => {
    for (const name of ['list', 'boundaries', 'get'] as const) {
      expect(COMMUNES_ENDPOINTS[name].path, name).toBe(communesContract[name].path);
      expect(COMMUNES_ENDPOINTS[name].key, name).toEqual(communesContract[name].key);
    }
    expect(communeKeys.list(false)).toEqual(endpointKey(communesContract.list, { query: {} }));
    expect(communeKeys.list(true)).toEqual(
      endpointKey(communesContract.list, { query: { includeHistorical: 'true' } }),
    );
    expect(communeKeys.detail('81001')).toEqual(endpointKey(communesContract.get, { params: { nisCode: '81001' } }));
    expect(communeKeys.all).toEqual([communesContract.list.feature]);
  });
});
