import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/shared/errors.ts';
import { AppError, fromDomainError } from '../errors.ts';
import { languageOf, translate } from '../i18n/messages.ts';
import { ZodInputError } from './validation.ts';
import { isPageRequest } from './web.plugin.ts';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** Fastify's own errors for a bad request, mapped to our codes. */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_JSON_BODY' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'VALIDATION_FAILED' },
};

/**
 * @param pageFile the web app's entry page: unknown page addresses (not under /api) belong to its router.
 */
export function registerErrorHandling(app: FastifyInstance, bodyLimit: number, pageFile: string | null): void {
  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const lang = languageOf(request.headers['accept-language']);
    const send = (status: number, body: ErrorBody) => reply.status(status).send(body);

    if (error instanceof ZodInputError) {
      const problems = error.problems(lang);
      const problem = problems.map((p) => p.message).join(' ; ');
      return send(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: translate('VALIDATION_FAILED', lang, { problem }),
          details: problems,
        },
      });
    }
    const appError = error instanceof DomainError ? fromDomainError(error) : error instanceof AppError ? error : null;
    if (appError) {
      if (appError.statusCode === 429) reply.header('retry-after', String(appError.params.seconds ?? 60));
      return send(appError.statusCode, {
        error: {
          code: appError.code,
          message: translate(appError.code, lang, appError.params),
          ...(appError.details === undefined ? {} : { details: appError.details }),
        },
      });
    }
    const framework = 'code' in error ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (framework) {
      const params = {
        limit: bodyLimit,
        type: String(request.headers['content-type'] ?? '—'),
        problem: error.message,
      };
      return send(framework.status, {
        error: { code: framework.code, message: translate(framework.code, lang, params) },
      });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500 && !isResponseSerializationError(error)) {
      // Another client error raised by Fastify or a plugin: keep its status, hide nothing worth hiding.
      return send(status, { error: { code: 'BAD_REQUEST', message: error.message } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(500, { error: { code: 'INTERNAL', message: translate('INTERNAL', lang) } });
  });

  app.setNotFoundHandler((request, reply) => {
    if (pageFile && isPageRequest(request.method, request.url, request.headers.accept)) {
      return reply.header('cache-control', 'no-cache').sendFile(pageFile);
    }
    const lang = languageOf(request.headers['accept-language']);
    const params = { method: request.method, url: request.url.split('?')[0] ?? '' };
    return reply
      .status(404)
      .send({ error: { code: 'ROUTE_NOT_FOUND', message: translate('ROUTE_NOT_FOUND', lang, params) } });
  });
}
