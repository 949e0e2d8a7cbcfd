import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app (`vite build` output) and answers every non-API page address with index.html so the
 * client router can take over. Without a build, the API still runs.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  // The built files (the page shell, scripts, styles, images) are public: the data they show comes from the API.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) route.config = { ...route.config, access: { public: true } };
  });
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    setHeaders: (res, path) => {
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/** A page address the client router handles: GET, not under /api, asking for HTML. */
export function isPageRequest(method: string, url: string, accept: string | undefined): boolean {
  return method === 'GET' && !url.startsWith('/api') && (accept ?? '').includes('text/html');
}
