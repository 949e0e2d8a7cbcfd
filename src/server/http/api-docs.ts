import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** The OpenAPI document (served at /api/openapi.json by buildApp) and its pages at /api/docs. */
export async function registerApiDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Smart Rural API',
        version,
        description:
          'Diagnose, plan, follow and pool the Smart projects of the communes of the Province of Luxembourg. ' +
          'Sign in with POST /api/auth/login (session cookie), then send the returned csrfToken in the X-CSRF-Token header on every write. ' +
          'Errors always have the shape { error: { code, message, details? } }; messages are in French unless Accept-Language asks for English.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sr_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
}
