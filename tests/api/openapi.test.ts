import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';

/** The OpenAPI document is what clients generate code from: it must validate, every $ref must resolve. */
let app: FastifyInstance;
beforeAll(async () => {
  // Building the document needs no engine: nothing is requested from this host.
  app = await buildApp({ meili: { host: 'http://127.0.0.1:9' } });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
});

describe('OpenAPI document', () => {
  it('validates with swagger-parser, recursive schemas included', async () => {
    const doc = structuredClone(app.swagger()) as never;
    await expect(SwaggerParser.validate(doc)).resolves.toBeTruthy();
  });

  it('names the recursive outline as a component that refers to itself', () => {
    const text = JSON.stringify(app.swagger());
    expect(text).not.toMatch(/#\/components\/schemas\/schema\d/);
    const schemas = (app.swagger() as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {};
    expect(JSON.stringify(schemas.OutlineNode)).toContain('"$ref":"#/components/schemas/OutlineNode"');
  });

  it('is served at /docs/json', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    await expect(SwaggerParser.validate(res.json())).resolves.toBeTruthy();
  });
});
