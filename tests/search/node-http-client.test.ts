import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { createNodeHttpClient } from '../../src/meili/node-http-client.js';
import { MeiliRequestError, MeiliTimeoutError, MeiliUnavailableError, toMeiliError } from '../../src/meili/errors.js';
import { createIndexReader } from '../../src/services/index-reader.js';
import { findFreePort } from '../../src/meili/embedded.js';

/**
 * The API's transport to Meilisearch, against a stand-in server: answers,
 * Meilisearch errors with their codes, a server that hangs, one that is down —
 * each must come out as the official client's fetch path would make it.
 */
let server: http.Server;
let url: string;
const seen: Array<{ method?: string; url?: string; encoding?: string; auth?: string; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, encoding: req.headers['accept-encoding'], auth: req.headers.authorization, body });
      if (req.url?.startsWith('/indexes/clauses/documents/missing')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Document `missing` not found.', code: 'document_not_found', type: 'invalid_request', link: '' }));
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

describe('createNodeHttpClient', () => {
  it('sends the official client’s requests, uncompressed, and returns parsed answers', async () => {
    const httpClient = createNodeHttpClient();
    const client = new Meilisearch({ host: url, apiKey: 'secret', httpClient });
    const res = await client.index('clauses').search('数据', { limit: 3 });
    expect(res.hits).toEqual([{ id: 'a', text: '数据安全' }]);
    const req = seen.at(-1)!;
    expect(req).toMatchObject({ method: 'POST', url: '/indexes/clauses/search', encoding: 'identity', auth: 'Bearer secret' });
    expect(JSON.parse(req.body)).toMatchObject({ q: '数据', limit: 3 });
    httpClient.close();
  });

  it('keeps Meilisearch’s error code: a missing document is still “not found”, not an outage', async () => {
    const httpClient = createNodeHttpClient();
    const reader = createIndexReader(new Meilisearch({ host: url, httpClient }));
    expect(await reader.get('clauses', 'missing')).toBeUndefined();
    const raw = await new Meilisearch({ host: url, httpClient }).index('clauses').getDocument('missing').catch((e: unknown) => e);
    const mapped = toMeiliError(raw);
    expect(mapped).toBeInstanceOf(MeiliRequestError);
    expect(mapped).toMatchObject({ status: 404, code: 'document_not_found' });
    httpClient.close();
  });

  it('times out through the client’s own timeout, and reports a server that is down as unavailable', async () => {
    const httpClient = createNodeHttpClient();
    const slow = await new Meilisearch({ host: url, httpClient, timeout: 200 }).index('slow').search('x').catch((e: unknown) => e);
    expect(toMeiliError(slow)).toBeInstanceOf(MeiliTimeoutError);
    const port = await findFreePort();
    const down = await new Meilisearch({ host: `http://127.0.0.1:${port}`, httpClient }).index('x').search('y').catch((e: unknown) => e);
    expect(toMeiliError(down)).toBeInstanceOf(MeiliUnavailableError);
    httpClient.close();
  });
});
