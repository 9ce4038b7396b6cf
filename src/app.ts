import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import './schemas/components.js';
import meili, { type MeiliPluginOptions } from './plugins/meili.js';
import { STATUS_CODES } from 'node:http';
import errors, { errorBody } from './plugins/errors.js';
import security, { DOCS_CSP, type RateLimits } from './plugins/security.js';
import { frameworkErrorAnswer, parserErrorAnswer } from './plugins/framework-errors.js';
import type { EngineStatus } from '../meili/supervise.js';
import segmenter from './plugins/segmenter.js';
import services from './plugins/services.js';
import unknownParams from './plugins/unknown-params.js';
import { routes } from './routes/index.js';
import cors, { type CorsPluginOptions } from './plugins/cors.js';
import cacheValidators, { type CacheValidatorOptions } from './plugins/cache-validators.js';
import oembedDiscovery from './plugins/oembed-discovery.js';
import deprecation from './plugins/deprecation.js';
import admin, { type AdminOptions } from './routes/admin.js';
import web, { sendNotFoundPage, wantsPage } from './web/plugin.js';

export interface AppOptions {
  meili: MeiliPluginOptions;
  /** Fastify logger option (default: false, for tests). */
  logger?: FastifyServerOptions['logger'];
  /** The engine's state for /health and Retry-After; absent: an external engine nobody here supervises. */
  engine?: () => EngineStatus;
  /** Limits on the expensive routes (default: DEFAULT_RATE_LIMITS). */
  rateLimits?: Partial<RateLimits>;
  /** Cross-origin access (default: any origin may read). */
  cors?: CorsPluginOptions;
  /** ETag / 304 (defaults in src/plugins/cache-validators.ts). */
  cacheValidators?: CacheValidatorOptions;
  /** The admin API (/v1/admin/…): only when given, i.e. when ADMIN_TOKEN is set. */
  admin?: AdminOptions;
}

/** Largest request body accepted (citation extraction takes free text), bytes. */
export const BODY_LIMIT = 256 * 1024;

/** Node's limit on the request line plus headers, bytes (its default). */
const MAX_HEADER_SIZE = 16 * 1024;

/**
 * Node's HTTP parser rejects some requests before Fastify sees them: raw (not
 * percent-encoded) Chinese in a URL as typed into curl, a URL or headers over
 * 16 KiB. Answer in the API's own error format with what was actually wrong.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy(err);
    return;
  }
  const a = parserErrorAnswer(err, { maxHeaderSize: MAX_HEADER_SIZE });
  const body = JSON.stringify(errorBody(a.code, a.message));
  socket.end(
    `HTTP/1.1 ${a.status} ${STATUS_CODES[a.status] ?? 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Builds the API as a Fastify instance without listening (server.ts listens;
 * tests call `app.inject`). Routes are thin: they validate with zod schemas and
 * call services created from `app.reader`.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Ids may be 400 characters (schemas/common.ts); longer path parameters are a 414.
    routerOptions: { maxParamLength: 500 },
    clientErrorHandler: answerClientError,
    // While closing, the hook below answers in the API's own shape instead.
    return503OnClosing: false,
    frameworkErrors: (err, _req, reply) => {
      const a = frameworkErrorAnswer(err, { bodyLimit: BODY_LIMIT }) ?? { status: 400, code: 'INVALID_REQUEST' as const, message: err.message };
      void (reply as import("fastify").FastifyReply).status(a.status).send(errorBody(a.code, a.message));
    },
  });
  // Every body route takes JSON; text/plain is refused with 415 rather than parsed into a string that fails validation.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const engine = opts.engine;
  await app.register(errors, {
    bodyLimit: BODY_LIMIT,
    notFoundPage: (req, reply) => (wantsPage(req) ? sendNotFoundPage(req, reply) : undefined),
    retryAfterSeconds: () => engine?.().retryAfterSeconds ?? 2,
  });
  // Graceful stop: app.close() lets running requests finish; requests that arrive meanwhile (on kept-alive
  // connections) are told to come back, and the connection is closed.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_req, reply) => {
    if (!closing) return;
    return reply.status(503).header('retry-after', '5').header('connection', 'close').send(errorBody('SHUTTING_DOWN'));
  });
  await app.register(security, { rateLimits: opts.rateLimits });
  await app.register(cors, opts.cors ?? {});
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Policy knowledge base API',
        description:
          'Clause-level search over Chinese government policy documents, responsibility lookups and citation resolution.',
        version: '1.0.0',
      },
      // The admin routes (/v1/admin/…, only with ADMIN_TOKEN) declare this scheme.
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    // Puts the recursive schemas (a document's outline) in components, where their $refs point.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(async (docs) => {
    // Swagger UI's bundle sets inline styles; its pages alone get that, the rest of the site keeps the strict policy.
    docs.addHook('onSend', async (_req, reply) => {
      reply.header('content-security-policy', DOCS_CSP);
    });
    await docs.register(swaggerUi, { routePrefix: '/docs' });
  });
  app.decorate('engineStatus', () => engine?.());
  await app.register(meili, opts.meili);
  await app.register(cacheValidators, opts.cacheValidators ?? {});
  await app.register(oembedDiscovery);
  await app.register(deprecation);
  await app.register(segmenter);
  await app.register(services);
  await app.register(unknownParams);
  for (const route of routes) await app.register(route);
  if (opts.admin) await app.register(admin, opts.admin);
  // The web pages for people (src/web), on the same services as the API.
  await app.register(web);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The embedded engine's supervisor state; undefined with an external engine. */
    engineStatus(): EngineStatus | undefined;
  }
}
