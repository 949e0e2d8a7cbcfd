import { z } from 'zod';
import { renderWidget } from '../../domain/public/widget.ts';
import { NisCode } from '../../domain/shared/schemas.ts';
import type { ApiInstance } from '../http/types.ts';
import type { ApiKeysService } from './api-keys.service.ts';
import type { PublicService } from './public.service.ts';
import { publicRateLimit, resolveApiKeys } from './public-rate-limit.ts';

/**
 * The widget a commune's website embeds (`<iframe src=".../embed/communes/<NIS>">`): any site may frame it, it runs
 * no script and loads nothing but itself (its own strict content security policy).
 */
export async function widgetRoutes(
  app: ApiInstance,
  options: { public: PublicService; apiKeys: ApiKeysService; publicUrl: string; agency: string },
) {
  resolveApiKeys(app, options.apiKeys);
  app.get(
    '/embed/communes/:nisCode',
    {
      config: { access: { public: true }, rateLimit: publicRateLimit },
      schema: { hide: true, params: z.object({ nisCode: NisCode }) },
    },
    async (request, reply) => {
      const programme = await options.public.programme(request.params.nisCode);
      const html = renderWidget(
        programme,
        `${options.publicUrl}/communes/${programme.communeNis}/programme`,
        options.agency,
      );
      reply.removeHeader('x-frame-options');
      return reply
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors *; base-uri 'none'; form-action 'none'",
        )
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('cache-control', 'public, max-age=300')
        .header('content-type', 'text/html; charset=utf-8')
        .send(html as never);
    },
  );
}
