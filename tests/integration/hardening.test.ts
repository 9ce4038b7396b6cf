/**
 * Bad input and the security basics, against the shared engine (judged 2026-12-03):
 * every error the framework or Node's parser raises comes in the one JSON shape
 * with a message that says what was wrong; the OpenAPI document lists each
 * status a route can give; queries with nothing to search give no hits and a
 * notice; helmet's headers with a strict CSP, and /docs still renders in
 * Chromium under its own; rate limits answer 429 with Retry-After; the API's
 * key cannot write; a closing server finishes running requests and turns new ones away.
 */
import net from 'node:net';
import { Meilisearch } from 'meilisearch';
import { Client } from 'undici';
import SwaggerParser from '@apidevtools/swagger-parser';
import { launchChromium } from '../browser/chromium.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { ensureReadKey } from '../../meili/keys.js';
import { enc } from './helpers.js';

let app: FastifyInstance;
let base: string;
let readKey: string;
let limited: FastifyInstance;
let limitedBase: string;
beforeAll(async () => {
  const { url, masterKey } = inject('meili');
  readKey = await ensureReadKey(new Meilisearch({ host: url, apiKey: masterKey }));
  app = await buildApp({ meili: { host: url, apiKey: readKey } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
  // Its own counters, so the other tests' requests do not count against the limits.
  limited = await buildApp({ meili: { host: url, apiKey: readKey }, rateLimits: { extract: { max: 3, windowMs: 60_000 }, csv: { max: 2, windowMs: 60_000 } } });
  await limited.listen({ port: 0, host: '127.0.0.1' });
  limitedBase = `http://127.0.0.1:${(limited.server.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  await app?.close();
  await limited?.close();
});

/** Sends raw bytes (what curl or a broken client may send) and parses the answer. */
function raw(request: string): Promise<{ status: number; body: any }> {
  const port = (app.server.address() as net.AddressInfo).port;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1]);
      const body = data.slice(data.indexOf('\r\n\r\n') + 4);
      resolve({ status, body: JSON.parse(body) });
    });
  });
}

function shape(b: any): void {
  expect(Object.keys(b)).toEqual(['error']);
  expect(typeof b.error.code === 'string' && typeof b.error.message === 'string').toBe(true);
}

describe('errors in the one documented shape, with accurate messages', () => {
  it('bad percent-encoding in the path → 400 INVALID_REQUEST naming it', async () => {
    const r = await app.inject({ url: '/v1/documents/%E0%A4%A' });
    expect(r.statusCode).toBe(400);
    shape(r.json());
    expect(r.json().error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('percent-encoding') });
  });

  it('a 17 KB ASCII URL → 414, 17 KB of headers → 431, raw Chinese in the URL → 400 saying to percent-encode', async () => {
    const longUrl = await raw(`GET /v1/search?q=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(longUrl.status).toBe(414);
    expect(longUrl.body.error).toMatchObject({ code: 'URI_TOO_LONG', message: expect.stringContaining('URL is too long') });
    expect(longUrl.body.error.message).not.toMatch(/non-ASCII/);
    const bigHeaders = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17_000)}\r\n\r\n`);
    expect(bigHeaders.status).toBe(431);
    expect(bigHeaders.body.error.code).toBe('HEADERS_TOO_LARGE');
    const chinese = await raw(`GET /v1/search?q=数据 HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(chinese.status).toBe(400);
    expect(chinese.body.error.message).toMatch(/percent-encode non-ASCII/);
  });

  it('a body that is not JSON → 415, too large → 413, broken JSON → 400', async () => {
    const post = (headers: Record<string, string>, payload: string) => app.inject({ method: 'POST', url: '/v1/citations/extract', headers, payload });
    const xml = await post({ 'content-type': 'application/xml' }, '<text>x</text>');
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('application/json') });
    const text = await post({ 'content-type': 'text/plain' }, '根据网络安全法');
    expect(text.statusCode).toBe(415);
    // Past the route's own byte limit (320 KiB for extraction): the framework's 413, naming that limit.
    const big = await post({ 'content-type': 'application/json' }, JSON.stringify({ text: '数'.repeat(120_000) }));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than 320 KiB.' });
    // Within the bytes but past 64,000 characters: the route's own 413, with the limit in its details.
    const long = await post({ 'content-type': 'application/json' }, JSON.stringify({ text: '数'.repeat(100_000) }));
    expect(long.statusCode).toBe(413);
    expect(long.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limit: 64_000, got: 100_000 } });
    const broken = await post({ 'content-type': 'application/json' }, '{"text":');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/not valid JSON/);
  });

  it('rate limits on extraction and CSV → 429 RATE_LIMITED with Retry-After; searches are not limited', async () => {
    const extract = () => fetch(`${limitedBase}/v1/citations/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '依据网络安全法第二十一条' }) });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await extract();
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await last!.json()) as any;
    shape(body);
    expect(body.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/at most 3 per 1 minute/) });
    const csv = [];
    for (let i = 0; i < 3; i++) csv.push((await fetch(`${limitedBase}/v1/departments/${enc('省水利厅')}/tasks.csv`)).status);
    expect(csv).toEqual([200, 200, 429]);
    for (let i = 0; i < 10; i++) expect((await fetch(`${limitedBase}/v1/search?q=${enc('数据')}&limit=1`)).status).toBe(200);
  });
});

describe('queries with nothing to search', () => {
  it.each(['"', '*', '\\', '😀', '“”', '、。'])('%s → 200, no hits, a nothing-searchable notice', async (q) => {
    const r = await app.inject({ url: `/v1/search?q=${enc(q)}` });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBe(0);
    expect(body.hits).toEqual([]);
    expect(body.notices).toEqual([{ code: 'nothing-searchable', message: expect.stringContaining('nothing searchable') }]);
  });

  it('a real word next to punctuation still searches', async () => {
    const body = (await app.inject({ url: `/v1/search?q=${enc('*数据安全*')}` })).json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.notices.map((n: { code: string }) => n.code)).not.toContain('nothing-searchable');
  });
});

describe('OpenAPI lists every status each route can return', () => {
  it('is a valid OpenAPI document; every route lists 400, 500 and 503; bodies 413/415; limited routes 429; the CSV route text/csv', async () => {
    const spec = (await app.inject({ url: '/docs/json' })).json();
    await SwaggerParser.validate(structuredClone(spec));
    for (const [route, methods] of Object.entries<any>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) {
        const statuses = Object.keys(op.responses);
        const need = route === '/health' ? ['200', '503'] : ['400', '414', '431', '500', '503'];
        expect(statuses, `${method} ${route}`).toEqual(expect.arrayContaining(need));
        if (/\{(id|name)\}/.test(route)) expect(statuses, `${method} ${route}`).toContain('404');
      }
    }
    expect(Object.keys(spec.paths['/v1/citations/extract'].post.responses)).toEqual(expect.arrayContaining(['413', '415', '429']));
    const csv = spec.paths['/v1/departments/{name}/tasks.csv'].get.responses;
    expect(Object.keys(csv['200'].content)).toEqual(['text/csv']);
    expect(csv).toHaveProperty('429');
  });
});

describe('security headers', () => {
  it('sends helmet headers with a strict Content-Security-Policy on the API', async () => {
    const r = await fetch(`${base}/health`);
    expect(r.headers.get('content-security-policy')).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'self'",
    );
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  // Chromium is there: the integration project's global setup installs it or fails (tests/browser/ensure-chromium.ts).
  it('renders /docs in Chromium under its own policy, with no CSP violation', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
      });
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(r.url()));
      await page.goto(`${base}/docs`, { waitUntil: 'networkidle' });
      await page.waitForSelector('.swagger-ui .info .title', { timeout: 20_000 });
      expect(await page.textContent('.swagger-ui .info .title')).toContain('Policy knowledge base API');
      expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
      expect(problems).toEqual([]);
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('the API reads with a key that cannot write', () => {
  it('searches with it, and the engine refuses it anything else', async () => {
    expect((await app.inject({ url: `/v1/search?q=${enc('数据')}&limit=1` })).statusCode).toBe(200);
    const { url, masterKey } = inject('meili');
    expect(readKey).not.toBe(masterKey);
    const asApi = new Meilisearch({ host: url, apiKey: readKey });
    await expect(asApi.index('documents').deleteAllDocuments()).rejects.toThrow();
    await expect(asApi.getKeys()).rejects.toThrow();
    await expect(asApi.createIndex('intruder')).rejects.toThrow();
    // Idempotent: the next start finds the same key.
    expect(await ensureReadKey(new Meilisearch({ host: url, apiKey: masterKey }))).toBe(readKey);
  });
});

describe('graceful close', () => {
  it('lets a running request finish and answers a request that arrives meanwhile with 503 SHUTTING_DOWN', async () => {
    const { url } = inject('meili');
    const closing = await buildApp({ meili: { host: url, apiKey: readKey } });
    closing.get('/test-slow', async () => {
      await new Promise((r) => setTimeout(r, 600));
      return { done: true };
    });
    await closing.listen({ port: 0, host: '127.0.0.1' });
    const client = new Client(`http://127.0.0.1:${(closing.server.address() as net.AddressInfo).port}`, { pipelining: 2 });
    try {
      const slow = client.request({ method: 'GET', path: '/test-slow' });
      await new Promise((r) => setTimeout(r, 100));
      const second = client.request({ method: 'GET', path: `/v1/search?q=${enc('数据')}` });
      const closed = closing.close();
      const a = await slow;
      expect(a.statusCode).toBe(200);
      expect(await a.body.json()).toEqual({ done: true });
      const b = await second;
      expect(b.statusCode).toBe(503);
      expect(b.headers['retry-after']).toBe('5');
      expect(((await b.body.json()) as any).error.code).toBe('SHUTTING_DOWN');
      await closed;
    } finally {
      await client.close().catch(() => undefined);
    }
  });
});
