import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { createMeiliTransport } from '../../meili/http-transport.js';
import { MeiliRequestError, MeiliTimeoutError, MeiliUnavailableError, toMeiliError } from '../../meili/errors.js';
import { createIndexReader } from '../../src/services/index-reader.js';
import { findFreePort } from '../../meili/embedded.js';

/**
 * The API's transport to Meilisearch, against a stand-in server: answers,
 * Meilisearch errors with their codes, a server that hangs, one that is down —
 * on the official client's path each must come out as that client's fetch
 * path would make it, on the search path as the named errors.
 */
let server: http.Server;
let url: string;
const seen: Array<{ method?: string; url?: string; encoding?: string; auth?: string; type?: string; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, encoding: req.headers['accept-encoding'], auth: req.headers.authorization, type: req.headers['content-type'], body });
      if (req.url?.startsWith('/indexes/clauses/documents/missing')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Document `missing` not found.', code: 'document_not_found', type: 'invalid_request', link: '' }));
      } else if (req.url?.startsWith('/indexes/missing/')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Index `missing` not found.', code: 'index_not_found', type: 'invalid_request', link: '' }));
      } else if (req.url?.startsWith('/indexes/slow')) {
        // never answers
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ hits: [{ id: 'a', text: '数据安全' }], query: JSON.parse(body || '{}').q ?? '', processingTimeMs: 1, estimatedTotalHits: 1 }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('createMeiliTransport: the search path', () => {
  it('posts the query with the key, uncompressed, and returns the parsed answer', async () => {
    const t = createMeiliTransport({ host: url, apiKey: 'secret' });
    const res = await t.search('clauses', { q: '数据', limit: 3, attributesToRetrieve: ['id', 'text'] });
    expect(res.hits).toEqual([{ id: 'a', text: '数据安全' }]);
    const req = seen.at(-1)!;
    expect(req).toMatchObject({ method: 'POST', url: '/indexes/clauses/search', encoding: 'identity', auth: 'Bearer secret', type: 'application/json' });
    expect(JSON.parse(req.body)).toEqual({ q: '数据', limit: 3, attributesToRetrieve: ['id', 'text'] });
    await t.close();
  });

  it('turns a Meilisearch error into MeiliRequestError with its code', async () => {
    const t = createMeiliTransport({ host: url });
    const err = await t.search('missing', { q: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliRequestError);
    expect(err).toMatchObject({ status: 404, code: 'index_not_found', message: 'Index `missing` not found.' });
    await t.close();
  });

  it('times out, and reports a server that is down as unavailable', async () => {
    const t = createMeiliTransport({ host: url, timeoutMs: 200 });
    expect(await t.search('slow', { q: 'x' }).catch((e: unknown) => e)).toBeInstanceOf(MeiliTimeoutError);
    await t.close();
    const port = await findFreePort();
    const down = createMeiliTransport({ host: `http://127.0.0.1:${port}` });
    const err = await down.search('x', { q: 'y' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliUnavailableError);
    expect((err as MeiliUnavailableError).url).toBe(`http://127.0.0.1:${port}/indexes/x/search`);
    await down.close();
  });

  it('serves an IndexReader: searches, listings and facet counts go through it', async () => {
    const t = createMeiliTransport({ host: url });
    const reader = createIndexReader(new Meilisearch({ host: url, httpClient: t.httpClient }), { search: t.search });
    expect((await reader.search('clauses', '数据', { limit: 1 })).hits).toHaveLength(1);
    expect(await reader.list('clauses', { filter: 'kind = "article"', limit: 5 })).toEqual({ hits: [{ id: 'a', text: '数据安全' }], total: 1 });
    expect(JSON.parse(seen.at(-1)!.body)).toMatchObject({ q: '', filter: 'kind = "article"', limit: 5 });
    await expect(reader.search('missing' as never, 'x')).rejects.toBeInstanceOf(MeiliRequestError);
    await t.close();
  });
});

describe('createMeiliTransport: the official client’s httpClient', () => {
  it('sends the official client’s requests, uncompressed, and returns parsed answers', async () => {
    const t = createMeiliTransport({ host: url });
    const client = new Meilisearch({ host: url, apiKey: 'secret', httpClient: t.httpClient });
    const res = await client.index('clauses').search('数据', { limit: 3 });
    expect(res.hits).toEqual([{ id: 'a', text: '数据安全' }]);
    const req = seen.at(-1)!;
    expect(req).toMatchObject({ method: 'POST', url: '/indexes/clauses/search', encoding: 'identity', auth: 'Bearer secret' });
    expect(JSON.parse(req.body)).toMatchObject({ q: '数据', limit: 3 });
    await t.close();
  });

  it('keeps Meilisearch’s error code: a missing document is still “not found”, not an outage', async () => {
    const t = createMeiliTransport({ host: url });
    const reader = createIndexReader(new Meilisearch({ host: url, httpClient: t.httpClient }));
    expect(await reader.get('clauses', 'missing')).toBeUndefined();
    const raw = await new Meilisearch({ host: url, httpClient: t.httpClient }).index('clauses').getDocument('missing').catch((e: unknown) => e);
    const mapped = toMeiliError(raw);
    expect(mapped).toBeInstanceOf(MeiliRequestError);
    expect(mapped).toMatchObject({ status: 404, code: 'document_not_found' });
    await t.close();
  });

  it('times out through the client’s own timeout, and reports a server that is down as unavailable', async () => {
    const t = createMeiliTransport({ host: url });
    const slow = await new Meilisearch({ host: url, httpClient: t.httpClient, timeout: 200 }).index('slow').search('x').catch((e: unknown) => e);
    expect(toMeiliError(slow)).toBeInstanceOf(MeiliTimeoutError);
    await t.close();
    const port = await findFreePort();
    const downHost = `http://127.0.0.1:${port}`;
    const down = createMeiliTransport({ host: downHost });
    const err = await new Meilisearch({ host: downHost, httpClient: down.httpClient }).index('x').search('y').catch((e: unknown) => e);
    expect(toMeiliError(err)).toBeInstanceOf(MeiliUnavailableError);
    await down.close();
  });
});
