import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildApp } from '../../src/app.js';
import { OPENAPI_FILE, SCHEMA_FILE, buildOpenApiDocument, generateClientSources } from '../../scripts/generate-client.js';

/**
 * The typed client's generated files must be what `npm run generate:client`
 * writes now: a route whose schema changed without regenerating fails here.
 */
describe('typed client sources', () => {
  it('are up to date with the route schemas (run `npm run generate:client` if not)', async () => {
    const fresh = await generateClientSources();
    const [openapi, schema] = await Promise.all([readFile(OPENAPI_FILE, 'utf8'), readFile(SCHEMA_FILE, 'utf8')]);
    expect(openapi === fresh.openapi, 'packages/client/openapi.json is stale: npm run generate:client').toBe(true);
    expect(schema === fresh.schema, 'packages/client/src/schema.ts is stale: npm run generate:client').toBe(true);
  }, 60_000);

  it('would be stale after a route changes: the check can fail', async () => {
    const extra: FastifyPluginAsyncZod = async (app) => {
      app.get('/v1/extra', { schema: { querystring: z.object({ x: z.string() }), response: { 200: z.object({ y: z.number() }) } } }, async () => ({ y: 1 }));
    };
    const changed = await buildOpenApiDocument(async (opts) => {
      const app = await buildApp(opts);
      await app.register(extra);
      return app;
    });
    const fresh = await generateClientSources(changed);
    const schema = await readFile(SCHEMA_FILE, 'utf8');
    expect(fresh.schema).toContain('"/v1/extra"');
    expect(fresh.schema === schema).toBe(false);
  }, 60_000);
});
