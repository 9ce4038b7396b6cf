import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import meili, { type MeiliPluginOptions } from './plugins/meili.js';
import errors from './plugins/errors.js';
import segmenter from './plugins/segmenter.js';
import { routes } from './routes/index.js';

export interface AppOptions {
  meili: MeiliPluginOptions;
  /** Fastify logger option (default: false, for tests). */
  logger?: FastifyServerOptions['logger'];
}

/** Largest request body accepted (citation extraction takes free text), bytes. */
export const BODY_LIMIT = 256 * 1024;

/**
 * Builds the API as a Fastify instance without listening (server.ts listens;
 * tests call `app.inject`). Routes are thin: they validate with zod schemas and
 * call services created from `app.reader`.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: BODY_LIMIT });
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
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(meili, opts.meili);
  await app.register(segmenter);
  for (const route of routes) await app.register(route);
  return app;
}
