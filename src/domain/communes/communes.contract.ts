import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { NisCode, QueryFlag } from '../shared/schemas.ts';
import {
  BoundaryCollection,
  CommuneDetail,
  CommuneListQuery,
  CommuneProfileInput,
  CommuneSummary,
  OfficialDesignationInput,
  Site,
  SiteInput,
} from './commune.ts';

const NisParams = z.object({ nisCode: NisCode });
const SiteParams = z.object({ id: z.uuid() });

export const communesContract = defineContract('communes', {
  list: {
    method: 'GET',
    path: '/api/communes',
    summary: 'The communes of the province (current ones; merged ones with includeHistorical=true)',
    query: CommuneListQuery,
    response: z.array(CommuneSummary),
  },
  boundaries: {
    method: 'GET',
    path: '/api/communes/boundaries',
    summary: 'Commune boundaries as a GeoJSON FeatureCollection (WGS84), for maps',
    query: z.object({ includeHistorical: QueryFlag.optional() }),
    response: BoundaryCollection,
  },
  get: {
    method: 'GET',
    path: '/api/communes/:nisCode',
    summary: 'One commune, with its profile, sites and boundary',
    params: NisParams,
    response: CommuneDetail,
  },
  updateProfile: {
    method: 'PATCH',
    path: '/api/communes/:nisCode',
    summary: 'Edit a commune’s profile (description, website, contact)',
    params: NisParams,
    body: CommuneProfileInput,
    response: CommuneDetail,
  },
  confirmDesignation: {
    method: 'PUT',
    path: '/api/communes/:nisCode/official-designation',
    summary: 'Confirm a commune’s official designation (ville or commune) with its source: the name OCDS publishes',
    params: NisParams,
    body: OfficialDesignationInput,
    response: CommuneDetail,
  },
  sites: {
    method: 'GET',
    path: '/api/communes/:nisCode/sites',
    summary: 'Sites inside a commune that missions can serve',
    params: NisParams,
    response: z.array(Site),
  },
  createSite: {
    method: 'POST',
    path: '/api/communes/:nisCode/sites',
    summary: 'Add a site to a commune',
    params: NisParams,
    body: SiteInput,
    response: Site,
    status: 201,
  },
  updateSite: {
    method: 'PATCH',
    path: '/api/sites/:id',
    summary: 'Edit a site',
    params: SiteParams,
    body: SiteInput.partial(),
    response: Site,
  },
  deleteSite: {
    method: 'DELETE',
    path: '/api/sites/:id',
    summary: 'Remove a site',
    params: SiteParams,
    response: z.null(),
    status: 204,
  },
});
