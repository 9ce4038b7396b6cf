import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { findFreePort } from '../../meili/embedded.js';
import { buildTestApp, enc, getJson } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('health and documents', () => {
  it('reports a reachable engine and a ready index with counts', async () => {
    const { status, body } = await getJson(app, '/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', meilisearch: 'available', index: 'ready' });
    expect(body.documents).toBeGreaterThanOrEqual(20);
    expect(body.clauses).toBeGreaterThan(body.documents);
  });

  it('lists every document once, each with a title, kind and counts', async () => {
    const health = await getJson(app, '/health');
    const { status, body } = await getJson(app, '/v1/documents?limit=200');
    expect(status).toBe(200);
    expect(body.total).toBe(health.body.documents);
    expect(body.documents).toHaveLength(body.total);
    const titles = body.documents.map((d: any) => d.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const d of body.documents) {
      expect(d.title.length).toBeGreaterThan(2);
      expect(d.url).toBe(`/v1/documents/${d.id}`);
    }
  });

  it('filters documents by kind and year', async () => {
    const laws = await getJson(app, '/v1/documents?kind=law');
    expect(laws.status).toBe(200);
    expect(laws.body.documents.length).toBeGreaterThanOrEqual(3);
    expect(laws.body.documents.every((d: any) => d.kind === 'law')).toBe(true);
    const y = laws.body.documents[0].year;
    const byYear = await getJson(app, `/v1/documents?year=${y}`);
    expect(byYear.body.documents.every((d: any) => d.year === y)).toBe(true);
  });

  it('returns a document with its outline, and clauses with breadcrumb and neighbours', async () => {
    const { body: list } = await getJson(app, '/v1/documents?kind=law');
    const law = list.documents[0];
    const { status, body } = await getJson(app, `/v1/documents/${law.id}`);
    expect(status).toBe(200);
    expect(body.outline.id).toBe(law.id);
    expect(body.counts.article).toBeGreaterThan(10);
    expect(body.sources.length).toBeGreaterThanOrEqual(1);
    const chapter = body.outline.children.find((c: any) => c.kind === 'chapter');
    const article = chapter.children.find((c: any) => c.kind === 'article');
    const clause = await getJson(app, `/v1/clauses/${article.id}`);
    expect(clause.status).toBe(200);
    expect(clause.body.parentId).toBe(chapter.id);
    expect(clause.body.path.map((p: any) => p.id)).toEqual([law.id, chapter.id]);
    expect(clause.body.citation).toContain(law.title);
    expect(clause.body.text.length).toBeGreaterThan(5);
    expect(clause.body.originalText.length).toBeGreaterThan(5);
    expect(clause.body.nextId).toBeTruthy();
  });

  it('answers unknown ids with 404 and malformed ids with 400, with stable codes', async () => {
    const missing = await getJson(app, '/v1/documents/doc-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('DOCUMENT_NOT_FOUND');
    const missingClause = await getJson(app, '/v1/clauses/doc-000000000000--art_1');
    expect(missingClause.status).toBe(404);
    expect(missingClause.body.error.code).toBe('CLAUSE_NOT_FOUND');
    const bad = await getJson(app, `/v1/clauses/${enc('第一条')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_REQUEST');
  });
});

describe('search', () => {
  it('finds 5G基站 in at least three documents, with highlights and breadcrumbs', async () => {
    const { status, body } = await getJson(app, `/v1/search?q=${enc('5G基站')}&limit=50`);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(3);
    const docs = new Set(body.hits.map((h: any) => h.docId));
    expect(docs.size).toBeGreaterThanOrEqual(3);
    for (const h of body.hits) {
      expect(h.snippet).toMatch(/<em>(5G|基站|5G基站)<\/em>/);
      expect(h.path.length).toBeGreaterThanOrEqual(1);
      expect(h.breadcrumb).toContain(`《${h.docTitle}》`);
      expect(h.citation).toContain(h.docTitle);
      for (const m of h.matches) expect(['5g', '基站', '5g基站']).toContain(h.text.slice(m.start, m.end).toLowerCase());
    }
  });

  it('pages through results with stable totals', async () => {
    const a = await getJson(app, `/v1/search?q=${enc('数据')}&limit=5&offset=0`);
    const b = await getJson(app, `/v1/search?q=${enc('数据')}&limit=5&offset=5`);
    expect(a.body.total).toBe(b.body.total);
    const ids = [...a.body.hits, ...b.body.hits].map((h: any) => h.id);
    expect(new Set(ids).size).toBe(10);
  });

  it('rejects invalid parameters with 400 INVALID_REQUEST and the offending field', async () => {
    for (const url of ['/v1/search', '/v1/search?q=', `/v1/search?q=a&limit=1000`, `/v1/search?q=a&kind=nonsense`, `/v1/search?q=${'长'.repeat(300)}`]) {
      const { status, body } = await getJson(app, url);
      expect(status, url).toBe(400);
      expect(body.error.code).toBe('INVALID_REQUEST');
      expect(Array.isArray(body.error.details)).toBe(true);
    }
  });

  it('refuses parameters a route does not take, naming them and what was probably meant', async () => {
    const typo = await getJson(app, `/v1/search?q=${enc('数据')}&lmit=5&colour=red`);
    expect(typo.status).toBe(400);
    expect(typo.body.error.code).toBe('INVALID_REQUEST');
    expect(typo.body.error.details.map((d: any) => d.path)).toEqual([['lmit'], ['colour']]);
    expect(typo.body.error.details[0].message).toMatch(/did you mean limit\?/);
    expect(typo.body.error.details[1].message).not.toMatch(/did you mean/);
    expect(typo.body.error.details[1].message).toMatch(/Accepted: q, limit, offset/);
    const other = await getJson(app, `/v1/departments?name=${enc('大数据局')}`);
    expect(other.status).toBe(400);
    expect(other.body.error.details[0].path).toEqual(['name']);
    // The cache-busting parameter some clients add is let through.
    expect((await getJson(app, `/v1/search?q=${enc('数据')}&_=1700000000`)).status).toBe(200);
  });

  it('treats filter values as data, never as filter syntax', async () => {
    const { status, body } = await getJson(app, `/v1/search?q=${enc('数据')}&issuer=${enc('x" OR kind = "article')}`);
    expect(status).toBe(200);
    expect(body.total).toBe(0);
  });
});

describe('API surface', () => {
  it('serves OpenAPI docs at /docs generated from the zod schemas', async () => {
    const html = await app.inject({ method: 'GET', url: '/docs' });
    expect([200, 302]).toContain(html.statusCode);
    const spec = await getJson(app, '/docs/json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/v1/search', '/v1/documents/{id}', '/v1/clauses/{id}', '/health']));
    expect(JSON.stringify(spec.body.paths['/v1/search'])).toContain('limit');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const { status, body } = await getJson(app, '/v2/nothing');
    expect(status).toBe(404);
    expect(body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers 503 without a stack trace when Meilisearch is down', async () => {
    const port = await findFreePort();
    const down = await buildApp({ meili: { host: `http://127.0.0.1:${port}`, apiKey: 'x'.repeat(32), timeoutMs: 2000 } });
    try {
      const s = await down.inject({ method: 'GET', url: `/v1/search?q=${enc('数据')}` });
      expect(s.statusCode).toBe(503);
      expect(s.json().error.code).toBe('SEARCH_UNAVAILABLE');
      expect(s.body).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(s.body).not.toContain('x'.repeat(32));
      const h = await down.inject({ method: 'GET', url: '/health' });
      expect(h.statusCode).toBe(503);
      expect(h.json().meilisearch).toBe('unreachable');
    } finally {
      await down.close();
    }
  });
});
