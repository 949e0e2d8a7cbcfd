import { z } from 'zod';

/** GET /api/config: the public settings the web app needs. */
export const PublicConfig = z
  .object({
    agency: z.object({ name: z.string(), demo: z.boolean() }).describe('the agency running this platform'),
    map: z.object({ tileUrl: z.string().nullable(), tileAttribution: z.string().nullable() }),
    ocds: z
      .object({ prefix: z.string(), placeholder: z.boolean() })
      .describe('the OCDS publisher prefix; placeholder until the agency registers its own with the OCDS Helpdesk'),
  })
  .meta({ id: 'PublicConfig' });
export type PublicConfig = z.infer<typeof PublicConfig>;
