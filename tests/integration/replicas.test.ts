import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, enc } from './helpers.js';
import { codeFingerprint } from '../../src/plugins/code-fingerprint.js';

/**
 * Two API replicas on the same library must be interchangeable behind a
 * proxy: the same ETag for the same request (derived from the index
 * generation and the code, nothing per process), so a 304 from either answers
 * a validator the other handed out.
 */
let a: FastifyInstance;
let b: FastifyInstance;
beforeAll(async () => {
  [a, b] = await Promise.all([buildTestApp(), buildTestApp()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('stateless replicas', () => {
  it('hand out the same ETag, and each answers 304 to the other’s', async () => {
    for (const url of [`/v1/search?q=${enc('数据安全')}`, '/v1/documents', '/']) {
      const ra = await a.inject({ method: 'GET', url });
      const rb = await b.inject({ method: 'GET', url });
      expect(ra.statusCode, url).toBe(200);
      expect(ra.headers.etag, url).toBeDefined();
      expect(rb.headers.etag, url).toBe(ra.headers.etag);
      const again = await b.inject({ method: 'GET', url, headers: { 'if-none-match': String(ra.headers.etag) } });
      expect(again.statusCode, url).toBe(304);
    }
  });

  it('fingerprint the code by content: stable, and 12 hex characters', () => {
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{12}$/);
    expect(codeFingerprint()).toBe(codeFingerprint());
  });
});
