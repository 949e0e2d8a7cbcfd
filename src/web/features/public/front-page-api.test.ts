import { describe, expect, it } from 'vitest';
import { publicContract } from '../../../domain/public/public.contract.ts';
import { endpointKey } from '../../lib/contract-client.ts';
import { OVERVIEW_ENDPOINT } from './front-page-api.ts';

describe('the front page’s call made without its contract', () => {
  it('is the contract’s overview: same method, path and query key', () => {
    expect(OVERVIEW_ENDPOINT.method).toBe(publicContract.overview.method);
    expect(OVERVIEW_ENDPOINT.path).toBe(publicContract.overview.path);
    expect(OVERVIEW_ENDPOINT.key).toEqual(endpointKey(publicContract.overview));
  });
});
