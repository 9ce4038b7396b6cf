import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './helpers.js';
import { startTestMeili, type TestMeili } from '../helpers/meili.js';
import { buildApp } from '../../src/app.js';
import { runIngest } from '../../ingest/run-ingest.js';
import { escapeHtml } from '../../src/services/oembed.js';

/**
 * Cache validators (ETag, Cache-Control, 304) and CORS, on the shared index;
 * the re-ingest check on a Meilisearch of its own holding a small synthetic text.
 */
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
  app.get('/test-only/page', async (_req, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><p>page</p>'));
});
afterAll(async () => {
  await app?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('cache validators', () => {
  const url = '/v1/search?q=%E6%95%B0%E6%8D%AE%E5%AE%89%E5%85%A8&limit=3';

  it('sends an ETag and Cache-Control; the same GET with If-None-Match → 304 with no body', async () => {
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const second = await get(url, { 'if-none-match': etag });
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe('');
    expect(second.headers.etag).toBe(etag);
    // Listed among others, or strong-compared by a client that dropped W/: still a match.
    expect((await get(url, { 'if-none-match': `"x", ${etag.slice(2)}` })).statusCode).toBe(304);
    expect((await get(url, { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
  });

  it('gives another request another ETag, and HEAD the same one', async () => {
    const a = await get(url);
    const b = await get(url.replace('limit=3', 'limit=4'));
    expect(a.headers.etag).not.toBe(b.headers.etag);
    const head = await app.inject({ method: 'HEAD', url });
    expect(head.headers.etag).toBe(a.headers.etag);
  });

  it('covers any GET route, HTML pages outside /v1 included', async () => {
    const page = await get('/test-only/page');
    expect(page.statusCode).toBe(200);
    expect(page.headers.etag).toBeTruthy();
    expect((await get('/test-only/page', { 'if-none-match': page.headers.etag as string })).statusCode).toBe(304);
  });

  it('keeps no validators on errors, and none on /health', async () => {
    const missing = await get('/v1/documents/doc-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const bad = await get('/v1/search?q=');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers.etag).toBeUndefined();
    const health = await get('/health');
    expect(health.headers.etag).toBeUndefined();
    expect(health.headers['cache-control']).toBe('no-store');
  });
});

describe('CORS', () => {
  const preflight = (url: string, method: string, origin = 'https://oa.example.gov.cn') =>
    app.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' } });

  it('lets another origin GET, with no credentials, and read the validators', async () => {
    const pre = await preflight('/v1/search?q=x', 'GET');
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(String(pre.headers['access-control-allow-methods'])).toContain('GET');
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    const res = await get('/v1/documents?limit=1', { origin: 'https://oa.example.gov.cn' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-expose-headers'])).toContain('ETag');
  });

  it('lets another origin POST to the read-only batch routes', async () => {
    for (const url of ['/v1/resolve', '/v1/citations/extract']) {
      const pre = await preflight(url, 'POST');
      expect(pre.statusCode, url).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('*');
      expect(String(pre.headers['access-control-allow-methods'])).toContain('POST');
    }
  });

  it('refuses writes: a preflight for a write gets no CORS headers', async () => {
    for (const [url, method] of [
      ['/v1/admin/ingest', 'POST'],
      ['/v1/admin/documents/doc-1', 'DELETE'],
      ['/v1/admin/documents', 'GET'],
      ['/v1/search', 'POST'],
      ['/v1/documents/doc-1', 'PUT'],
      ['/v1/documents/doc-1', 'DELETE'],
    ] as const) {
      const pre = await preflight(url, method);
      expect(pre.statusCode, `${method} ${url}`).toBe(404);
      expect(pre.headers['access-control-allow-origin'], `${method} ${url}`).toBeUndefined();
      expect(pre.json().error.code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('allows only the configured origins when a list is set', async () => {
    const strict = await buildApp({ meili: { host: 'http://127.0.0.1:9' }, cors: { origins: ['https://oa.example.gov.cn'] } });
    try {
      const ok = await strict.inject({ method: 'OPTIONS', url: '/v1/search', headers: { origin: 'https://oa.example.gov.cn', 'access-control-request-method': 'GET' } });
      expect(ok.headers['access-control-allow-origin']).toBe('https://oa.example.gov.cn');
      expect(String(ok.headers.vary)).toContain('Origin');
      const other = await strict.inject({ method: 'OPTIONS', url: '/v1/search', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await strict.close();
    }
  });
});

describe('validators after a re-ingest, and an oEmbed card of a clause holding markup', () => {
  let meili: TestMeili;
  let dir: string;
  // Markup in a clause must reach an oEmbed card as text, never as HTML.
  const text = (n: number) =>
    `示例数据管理条例\n\n第一条 为了规范示例数据处理活动，制定本条例。\n\n第二条 标注为<b>重要</b>或<script>alert("x")</script>的数据 & '副本'，按本条例管理。\n\n第三条 本条例自${n}年1月1日起施行。\n`;
  beforeAll(async () => {
    meili = await startTestMeili();
    dir = await mkdtemp(path.join(os.tmpdir(), 'policy-kb-etag-'));
  });
  afterAll(async () => {
    await meili?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a 304 before, a 200 with a new ETag after the ingest', async () => {
    const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
    await writeFile(path.join(dir, 'law.txt'), text(2026));
    await runIngest({ client, paths: [dir] });
    const own = await buildApp({ meili: { host: meili.url, apiKey: meili.masterKey }, cacheValidators: { generationTtlMs: 0 } });
    try {
      const first = await own.inject({ method: 'GET', url: '/v1/documents' });
      expect(first.statusCode).toBe(200);
      const etag = first.headers.etag as string;
      const again = await own.inject({ method: 'GET', url: '/v1/documents', headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      // The same text ingested again is a new generation too: the validators say "ingested since".
      await runIngest({ client, paths: [dir] });
      const after = await own.inject({ method: 'GET', url: '/v1/documents', headers: { 'if-none-match': etag } });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(etag);
      expect(after.json().total).toBe(1);

      const docId = after.json().documents[0].id;
      const outline = (await own.inject({ method: 'GET', url: `/v1/documents/${docId}` })).json().outline;
      const second = outline.children.find((c: { label?: string }) => c.label === '第二条');
      const clause = (await own.inject({ method: 'GET', url: `/v1/clauses/${second.id}` })).json();
      expect(clause.text).toContain('<script>');
      const card = (await own.inject({ method: 'GET', url: `/oembed?url=${encodeURIComponent(`/clauses/${second.id}`)}` })).json();
      expect(card.html).toContain(escapeHtml(clause.text));
      expect(card.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(card.html).not.toMatch(/<script|<b>/);
    } finally {
      await own.close();
    }
  });
});
