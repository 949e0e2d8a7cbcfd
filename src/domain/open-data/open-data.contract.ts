import { z } from 'zod';
import { PUBLIC_TAG } from '../public/public.contract.ts';
import { defineContract } from '../shared/contract.ts';
import { DatasetSummary } from './datasets.ts';

/**
 * The open data's JSON endpoint (issue 14). The downloads (CSV, XLSX, GeoJSON, OCDS) and the DCAT catalogue
 * (JSON-LD or Turtle) answer files, not JSON: they keep plain routes (`open-data.routes.ts`, decision 130).
 */
export const openDataContract = defineContract(
  'open-data',
  {
    datasets: {
      method: 'GET',
      path: '/api/open-data/datasets',
      summary: 'The open datasets: licence, publisher, update date and download addresses',
      response: z.array(DatasetSummary),
    },
  },
  { tag: PUBLIC_TAG },
);
