import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import meili, { type MeiliPluginOptions } from './plugins/meili.js';
import errors from './plugins/errors.js';
import segmenter from './plugins/segmenter.js';
import unknownParams from './plugins/unknown-params.js';
import { routes } from './routes/index.js';
import admin, { type AdminOptions } from './routes/admin.js';

export interface AppOptions {
  meili: MeiliPluginOptions;
  /** Fastify logger option (default: false, for tests). */
  logger?: FastifyServerOptions['logger'];
  /** The admin API (/v1/admin/…): only when given, i.e. when ADMIN_TOKEN is set. */
  admin?: AdminOptions;
}

/** Largest request body accepted (citation extraction takes free text), bytes. */
export const BODY_LIMIT = 256 * 1024;

/**
 * Node's HTTP parser rejects some requests before Fastify sees them — most
 * often a query string with raw (not percent-encoded) Chinese, as typed into
 * curl. Answer in the API's own error format and say how to fix it.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (!socket.writable) {
    socket.destroy(err);
    return;
  }
  const body = JSON.stringify({
    error: {
      code: 'INVALID_REQUEST',
      message:
        'The HTTP request could not be parsed. Percent-encode non-ASCII characters in the URL (e.g. curl -G URL --data-urlencode "q=数据安全").',
    },
  });
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Builds the API as a Fastify instance without listening (server.ts listens;
 * tests call `app.inject`). Routes are thin: they validate with zod schemas and
 * call services created from `app.reader`.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: BODY_LIMIT, clientErrorHandler: answerClientError });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errors);
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
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(meili, opts.meili);
  await app.register(segmenter);
  await app.register(unknownParams);
  for (const route of routes) await app.register(route);
  if (opts.admin) await app.register(admin, opts.admin);
  return app;
}
