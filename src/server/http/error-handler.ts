import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/shared/errors.ts';
import { isDatabaseUnavailable, isRejectedValue } from '../db/database-errors.ts';
import { AppError, DatabaseUnavailableError, fromDomainError, InvalidFieldsError } from '../errors.ts';
import { type Lang, languageOf, translate } from '../i18n/messages.ts';
import { isPageRequest } from './web.plugin.ts';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };
export type ErrorResponder = (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => unknown;

/** Fastify's own refusals, mapped to our codes and messages. */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_JSON_BODY' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'CONTENT_LENGTH_MISMATCH' },
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URL_PARAMETER_TOO_LONG' },
  FST_ERR_NOT_FOUND: { status: 404, code: 'ROUTE_NOT_FOUND' },
};

/** The longest path parameter Fastify accepts (its `maxParamLength`); ids and codes are far shorter. */
export const MAX_PARAM_LENGTH = 100;

const METHODS: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function pathOf(request: FastifyRequest): string {
  return (request.raw.url ?? request.url ?? '').split('?')[0] ?? '';
}

/**
 * Turns every error into the one shape `{ error: { code, message, details? } }`, in the request's language:
 * ours (AppError, DomainError, validation), the framework's (bad JSON, body too large, a malformed or too long
 * address…), an unreachable database (503, to retry), and anything else (a logged 500 that shows no internals).
 * Fastify calls it for errors raised in a route's life and, through `frameworkErrors`, for those it raises before
 * routing.
 */
export function errorResponder(bodyLimit: number): ErrorResponder {
  return (error, request, reply) => {
    const lang = languageOf(request.headers['accept-language']);
    const send = (status: number, body: ErrorBody) => reply.status(status).send(body);

    const appError =
      error instanceof DomainError
        ? fromDomainError(error)
        : error instanceof AppError
          ? error
          : isDatabaseUnavailable(error)
            ? new DatabaseUnavailableError(error)
            : null;
    if (appError) return send(appError.statusCode, bodyOf(appError, lang, request, reply));

    const framework = 'code' in error ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (framework) {
      const params = {
        limit: bodyLimit,
        maximum: MAX_PARAM_LENGTH,
        type: String(request.headers['content-type'] ?? '—'),
        method: request.method,
        url: pathOf(request),
      };
      return send(framework.status, {
        error: { code: framework.code, message: translate(framework.code, lang, params) },
      });
    }
    if (isRejectedValue(error)) {
      request.log.warn({ err: error }, 'a value the database cannot store passed validation');
      return send(400, { error: { code: 'VALUE_NOT_STORABLE', message: translate('VALUE_NOT_STORABLE', lang) } });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500 && !isResponseSerializationError(error)) {
      // Another refusal of Fastify or a plugin: keep its status, word it ourselves, name the framework's code.
      const reason = 'code' in error && typeof error.code === 'string' ? error.code : `HTTP_${status}`;
      return send(status, {
        error: {
          code: 'REQUEST_REFUSED',
          message: translate('REQUEST_REFUSED', lang, { status }),
          details: { reason },
        },
      });
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(500, { error: { code: 'INTERNAL', message: translate('INTERNAL', lang) } });
  };
}

function bodyOf(error: AppError, lang: Lang, request: FastifyRequest, reply: FastifyReply): ErrorBody {
  if (error instanceof InvalidFieldsError) {
    const problems = error.problems(lang);
    const problem = problems.map((p) => p.message).join(' ; ');
    return {
      error: {
        code: 'VALIDATION_FAILED',
        message: translate('VALIDATION_FAILED', lang, { problem }),
        details: problems,
      },
    };
  }
  if (error.statusCode === 429 || error.statusCode === 503) {
    reply.header('retry-after', String(error.params.seconds ?? 60));
  }
  if (error instanceof DatabaseUnavailableError) {
    const cause = error.cause instanceof Error ? (error.cause.cause ?? error.cause) : error.cause;
    request.log.warn({ reason: cause instanceof Error ? cause.message : String(cause) }, 'database unavailable');
  }
  return {
    error: {
      code: error.code,
      message: translate(error.code, lang, error.params),
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

/**
 * @param pageFile the web app's entry page: unknown page addresses (not under /api) belong to its router.
 */
export function registerErrorHandling(app: FastifyInstance, respond: ErrorResponder, pageFile: string | null): void {
  app.setErrorHandler(respond);

  app.setNotFoundHandler((request, reply) => {
    const path = pathOf(request);
    if (pageFile && isPageRequest(request.method, path)) {
      return reply.header('cache-control', 'no-cache').sendFile(pageFile);
    }
    const lang = languageOf(request.headers['accept-language']);
    // The address exists with other methods: 405 and the methods it takes, rather than "unknown address".
    const allowed = METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
    if (allowed.length > 0) {
      const params = { method: request.method, url: path, allowed: allowed.join(', ') };
      return reply
        .status(405)
        .header('allow', allowed.join(', '))
        .send({ error: { code: 'METHOD_NOT_ALLOWED', message: translate('METHOD_NOT_ALLOWED', lang, params) } });
    }
    const params = { method: request.method, url: path };
    return reply
      .status(404)
      .send({ error: { code: 'ROUTE_NOT_FOUND', message: translate('ROUTE_NOT_FOUND', lang, params) } });
  });
}
