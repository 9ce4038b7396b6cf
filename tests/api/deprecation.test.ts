import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';

/** Deprecation and Sunset headers from a route's config (no engine needed: the routes here are the test's own). */
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ meili: { host: 'http://127.0.0.1:9' } });
  app.get(
    '/v1/old-thing',
    { config: { cache: false, deprecated: { since: '2027-01-15', sunset: '2027-07-15', link: 'https://kb.example.gov.cn/docs/migrate' } }, schema: { deprecated: true } },
    async () => ({ ok: true }),
  );
  app.get('/v1/current-thing', { config: { cache: false } }, async () => ({ ok: true }));
});
afterAll(async () => {
  await app?.close();
});

describe('deprecation headers', () => {
  it('announce a deprecated route on every answer', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/old-thing' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.deprecation).toBe(`@${Date.UTC(2027, 0, 15) / 1000}`);
    expect(res.headers.sunset).toBe('Thu, 15 Jul 2027 00:00:00 GMT');
    expect(res.headers.link).toBe('<https://kb.example.gov.cn/docs/migrate>; rel="deprecation"; type="text/html"');
  });

  it('leave other routes alone', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/current-thing' });
    expect(res.headers.deprecation).toBeUndefined();
    expect(res.headers.sunset).toBeUndefined();
  });

  it('refuse a sunset before the deprecation', async () => {
    const bad = await buildApp({ meili: { host: 'http://127.0.0.1:9' } });
    expect(() => bad.get('/v1/x', { config: { deprecated: { since: '2027-02-01', sunset: '2027-01-01' } } }, async () => ({}))).toThrow(/sunset/);
    await bad.close();
  });
});
