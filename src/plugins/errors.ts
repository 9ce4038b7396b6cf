import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError, ErrorCodes, type ErrorCode } from '../errors.js';
import { MeiliUnavailableError, MeiliTimeoutError } from '../../meili/errors.js';
import { frameworkErrorAnswer } from './framework-errors.js';

interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(code: ErrorCode, message: string = ErrorCodes[code].message, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export interface ErrorsPluginOptions {
  /** Seconds a client should wait before retrying a 503 (Retry-After); default 2. The engine supervisor knows better while restarting. */
  retryAfterSeconds?: () => number;
  /** The app's body limit in bytes, for the 413 message. */
  bodyLimit: number;
  /** Answers an unknown path with a page when it should (a browser asking for HTML); returns undefined to leave it to the JSON 404. */
  notFoundPage?: (req: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Seconds for the Retry-After header of a 503. */
    retryAfterSeconds(): number;
  }
}

/**
 * One error handler for the whole API. Three kinds of failures reach it:
 * request problems (400 with the zod issues, and Fastify's own: bad URL, 413,
 * 415, bad JSON — see framework-errors.ts), known answers (ApiError: 404…) and
 * infrastructure (Meilisearch down → 503 with Retry-After). Anything else is a
 * bug: it is logged with its stack and answered with a bare 500 — no internals leak.
 */
export default fp<ErrorsPluginOptions>(
  async (app, opts) => {
    const retryAfter = opts.retryAfterSeconds ?? (() => 2);
    app.decorate('retryAfterSeconds', retryAfter);
    app.setErrorHandler((err, req, reply) => {
      if (hasZodFastifySchemaValidationErrors(err)) {
        const details = err.validation.map((v) => ({
          in: err.validationContext,
          path: v.instancePath.replace(/^\//, '').split('/').filter(Boolean),
          message: v.message,
        }));
        return reply.status(400).send(errorBody('INVALID_REQUEST', 'Invalid request parameters.', details));
      }
      if (err instanceof ApiError) {
        if (err.statusCode === 503) reply.header('retry-after', String(retryAfter()));
        return reply.status(err.statusCode).send(errorBody(err.code, err.message, err.details));
      }
      if (err instanceof MeiliUnavailableError || err instanceof MeiliTimeoutError) {
        req.log.warn({ err: err.message }, 'search engine unavailable');
        return reply.status(503).header('retry-after', String(retryAfter())).send(errorBody('SEARCH_UNAVAILABLE'));
      }
      const known = frameworkErrorAnswer(err as { code?: string; statusCode?: number; message?: string }, { bodyLimit: req.routeOptions?.bodyLimit ?? opts.bodyLimit });
      if (known) return reply.status(known.status).send(errorBody(known.code, known.message));
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).send(errorBody('INTERNAL'));
    });
    app.setNotFoundHandler((req, reply) => {
      if (opts.notFoundPage?.(req, reply)) return;
      reply.status(404).send(errorBody('ROUTE_NOT_FOUND', `No endpoint ${req.method} ${req.url.split('?')[0]}.`));
    });
  },
  { name: 'errors' },
);
