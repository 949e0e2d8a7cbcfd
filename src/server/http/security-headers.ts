import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers (helmet's), worked out once at start-up and copied onto each answer. @fastify/helmet built
 * helmet's middlewares again for every request, a tenth of the time of the busiest public request (bench/api.ts).
 *
 * Two sets: a page's (the web app's index.html, the API's docs, errors) and a subresource's. Scripts, styles,
 * images and JSON answers we write are never shown as a page: the headers only a document obeys (its content
 * security policy, framing, referrer, opener and cross-domain rules) would cost ~600 bytes on each of the ~30
 * files of a first load and do nothing there. `nosniff`, the cross-origin resource policy and HSTS stay on all.
 * An API answer that carries a user's file (an uploaded document, an image) keeps the page's set. Every JSON answer
 * gets the subresource set unless its route says otherwise: JSON is never interpreted as a document (`nosniff`), and
 * the ~750 bytes of a page's headers were a quarter of the small answers of a first load (decision 105).
 */
export type SecurityHeaders = 'page' | 'subresource';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'subresource' for files and JSON that are never shown as a page; the page's set otherwise. */
    securityHeaders?: SecurityHeaders;
  }
}

const SUBRESOURCE: HelmetOptions = {
  contentSecurityPolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

/** The headers helmet would set with these options, as a plain object. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance, pageOptions: HelmetOptions): void {
  const sets: Record<SecurityHeaders, Record<string, string>> = {
    page: helmetHeaders(pageOptions),
    subresource: helmetHeaders({ ...pageOptions, ...SUBRESOURCE } as HelmetOptions),
  };
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(sets[request.routeOptions.config?.securityHeaders ?? 'page']);
    done();
  });
  const pageOnly = Object.keys(sets.page).filter((name) => !(name in sets.subresource));
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.routeOptions.config?.securityHeaders === undefined) {
      const type = reply.getHeader('content-type');
      if (typeof type === 'string' && /^application\/json\b/.test(type)) {
        for (const name of pageOnly) reply.removeHeader(name);
      }
    }
    done(null, payload);
  });
}
