import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app (`vite build` output) and answers every non-API page address with index.html so the
 * client router can take over. Without a build, the API still runs.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  // The built files (the page shell, scripts, styles, images) are public: the data they show comes from the API.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api')) return;
    route.config = {
      ...route.config,
      access: { public: true },
      // Hashed files, never a page (src/server/http/security-headers.ts).
      ...(route.url.startsWith('/assets/') ? { securityHeaders: 'subresource' as const } : {}),
    };
  });
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    // The build wrote each file also as .br and .gz: the browser gets the smallest it accepts, with
    // `Content-Encoding` and `Vary: Accept-Encoding`; one that accepts neither gets the plain file.
    preCompressed: true,
    // Hashed files never change and index.html is revalidated by its ETag: a date and byte ranges add ~60 bytes to
    // each of the ~45 answers of a first load for nothing.
    lastModified: false,
    acceptRanges: false,
    setHeaders: (res, path) => {
      // Files under assets/ carry a hash of their content in their name: a new build gives new names.
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/**
 * A page address the client router handles: any GET (or HEAD) not under /api, whatever the client accepts, so that
 * `curl http://localhost:3000/` and a bookmarked /missions/… both get the app. The API keeps its 404 in the error shape.
 */
export function isPageRequest(method: string, path: string): boolean {
  const api = path === '/api' || path.startsWith('/api/');
  return (method === 'GET' || method === 'HEAD') && !api;
}
