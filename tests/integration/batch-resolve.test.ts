import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, getJson } from './helpers.js';
import { buildCitationMix, type MixItem } from '../helpers/citation-mix.js';

/** POST /v1/resolve and the extraction limits, against the shared real index. */
let app: FastifyInstance;
let mix: MixItem[];
beforeAll(async () => {
  app = await buildTestApp();
  mix = await buildCitationMix(async (url) => (await getJson(app, url)).body);
});
afterAll(async () => {
  await app?.close();
});

const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });

describe('POST /v1/resolve', () => {
  it('answers 1,000 mixed citations with 1,000 answers, in order, each as expected', async () => {
    expect(mix).toHaveLength(1000);
    const res = await post('/v1/resolve', { cites: mix.map((m) => m.cite) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.count).toBe(1000);
    expect(body.results).toHaveLength(1000);
    const kinds = new Set(mix.map((m) => m.expect.status));
    expect([...kinds].sort()).toEqual(['invalid', 'resolved', 'unresolved']);
    body.results.forEach((r: any, i: number) => {
      const want = mix[i]!;
      expect(r.index).toBe(i);
      expect(r.cite).toBe(want.cite);
      expect({ i, status: r.status }).toEqual({ i, status: want.expect.status });
      if (want.expect.status === 'resolved') {
        expect(r.clauseId).toBe(want.expect.clauseId);
        expect(r.url).toBe(`/v1/clauses/${want.expect.clauseId}`);
        expect(r.page).toBe(`/clauses/${want.expect.clauseId}`);
        expect(r.citation).toMatch(/^《.+》第.+条$/);
      } else {
        expect(r.reason).toEqual(expect.any(String));
        if (want.expect.status === 'unresolved' && want.expect.docId) {
          expect(r.docId).toBe(want.expect.docId);
          expect(r.page).toBe(`/documents/${want.expect.docId}`);
        }
      }
    });
    const counted = Object.values(body.statuses as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(counted).toBe(1000);
  });

  it('gives the same answer as the single GET for each kind of citation', async () => {
    const sample = [mix[0]!, mix[1]!, mix[3]!];
    const batch = (await post('/v1/resolve', { cites: sample.map((m) => m.cite) })).json();
    for (const [i, m] of sample.entries()) {
      const single = await getJson(app, `/v1/resolve?cite=${encodeURIComponent(m.cite)}`);
      const b = batch.results[i];
      if (single.status === 200) {
        expect(b).toMatchObject({ status: single.body.status, citation: single.body.citation, url: single.body.url });
      } else {
        expect(single.status).toBe(404);
        expect(b).toMatchObject({ status: 'unresolved', reason: single.body.error.message });
      }
    }
  });

  it('refuses more than 1,000 citations with 413 and a body that is not a list with 400', async () => {
    const big = await post('/v1/resolve', { cites: Array.from({ length: 1001 }, () => '网络安全法第一条') });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limit: 1000, got: 1001 } });
    for (const payload of [{}, { cites: [] }, { cites: '网络安全法第一条' }, { cites: [1, 2] }]) {
      const res = await post('/v1/resolve', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('INVALID_REQUEST');
    }
  });
});

describe('POST /v1/citations/extract limits and options', () => {
  const text = '根据《中华人民共和国数据安全法》第三十一条和网络安全法第二十一条，参照国发〔2099〕1号文件。';

  it('takes a text of 64,000 characters and answers 413 past it, in the documented shape', async () => {
    const long = text + '字'.repeat(64_000 - text.length);
    const ok = await post('/v1/citations/extract', { text: long });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().total).toBe(3);
    const over = await post('/v1/citations/extract', { text: long + '字' });
    expect(over.statusCode).toBe(413);
    expect(over.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('64,000'), details: { limit: 64_000, got: 64_001 } },
    });
    // Far past it, the body limit answers first — the same code and shape.
    const huge = await post('/v1/citations/extract', { text: '字'.repeat(200_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('returns only the resolved citations with resolvedOnly, still counting all', async () => {
    const all = (await post('/v1/citations/extract', { text })).json();
    const only = (await post('/v1/citations/extract', { text, resolvedOnly: true })).json();
    expect(all.citations.some((c: any) => c.status !== 'resolved')).toBe(true);
    expect(only.citations.length).toBeGreaterThan(0);
    expect(only.citations.every((c: any) => c.status === 'resolved')).toBe(true);
    expect(only).toMatchObject({ count: only.citations.length, total: all.total });
    expect(only.citations).toEqual(all.citations.filter((c: any) => c.status === 'resolved'));
  });
});
