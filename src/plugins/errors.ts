import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError, ErrorCodes, type ErrorCode } from '../errors.js';
import { MeiliUnavailableError, MeiliTimeoutError } from '../meili/errors.js';

interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

function body(code: ErrorCode, message: string = ErrorCodes[code].message, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * One error handler for the whole API. Three kinds of failures reach it:
 * request problems (400 with the zod issues), known answers (ApiError: 404…)
 * and infrastructure (Meilisearch down → 503). Anything else is a bug: it is
 * logged with its stack and answered with a bare 500 — no internals leak.
 */
export interface ErrorsOptions {
  /** Answers an unknown path with a page when it should (a browser asking for HTML); returns undefined to leave it to the JSON 404. */
  notFoundPage?: (req: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;
}

export default fp<ErrorsOptions>(
  async (app, opts) => {
    app.setErrorHandler((err, req, reply) => {
      if (hasZodFastifySchemaValidationErrors(err)) {
        const details = err.validation.map((v) => ({
          in: err.validationContext,
          path: v.instancePath.replace(/^\//, '').split('/').filter(Boolean),
          message: v.message,
        }));
        return reply.status(400).send(body('INVALID_REQUEST', 'Invalid request parameters.', details));
      }
      if (err instanceof ApiError) return reply.status(err.statusCode).send(body(err.code, err.message, err.details));
      if (err instanceof MeiliUnavailableError || err instanceof MeiliTimeoutError) {
        req.log.warn({ err: err.message }, 'search engine unavailable');
        return reply.status(503).send(body('SEARCH_UNAVAILABLE'));
      }
      const e = err as { statusCode?: number; code?: string; message?: string };
      if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send(body('PAYLOAD_TOO_LARGE'));
      if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
        // Fastify's own client errors (bad JSON body, unsupported media type…).
        return reply.status(e.statusCode).send(body('INVALID_REQUEST', e.message ?? ErrorCodes.INVALID_REQUEST.message));
      }
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).send(body('INTERNAL'));
    });
    app.setNotFoundHandler((req, reply) => {
      if (opts.notFoundPage?.(req, reply)) return;
      reply.status(404).send(body('ROUTE_NOT_FOUND', `No endpoint ${req.method} ${req.url.split('?')[0]}.`));
    });
  },
  { name: 'errors' },
);
