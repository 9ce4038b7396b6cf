import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, getJson } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function docByTitle(fragment: string) {
  const { body } = await getJson(app, '/v1/documents?limit=200');
  const doc = body.documents.find((d: any) => d.title.includes(fragment));
  if (!doc) throw new Error(`no document titled …${fragment}…`);
  return doc;
}

describe('structure through the API', () => {
  it('serves the catalogue as structured entries, linked to corpus documents where present', async () => {
    const { status, body } = await getJson(app, '/v1/catalogue?limit=200');
    expect(status).toBe(200);
    expect(body.total).toBe(84);
    expect(body.entries.map((e: any) => e.number)).toEqual(Array.from({ length: 84 }, (_, i) => i + 1));
    for (const e of body.entries) {
      expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.issuer?.length).toBeGreaterThan(1);
    }
    const linked = body.entries.filter((e: any) => e.docId);
    expect(linked.length).toBeGreaterThanOrEqual(5);
    for (const e of linked.slice(0, 5)) expect((await getJson(app, `/v1/documents/${e.docId}`)).status).toBe(200);
    const filtered = await getJson(app, `/v1/catalogue?issuer=${encodeURIComponent('国务院')}`);
    expect(filtered.body.entries.length).toBeGreaterThan(0);
    expect(filtered.body.entries.every((e: any) => e.issuer === '国务院')).toBe(true);
  });

  it('links a notice and the plan it issues, without merging them', async () => {
    const { body } = await getJson(app, '/v1/documents?kind=notice');
    const notice = body.documents.find((d: any) => d.docNumber);
    expect(notice.docNumber).toMatch(/〔\d{4}〕\d+号$/);
    const detail = await getJson(app, `/v1/documents/${notice.id}`);
    expect(detail.body.attachments.length).toBe(1);
    const plan = await getJson(app, `/v1/documents/${detail.body.attachments[0]}`);
    expect(plan.body.kind).toBe('plan');
    expect(plan.body.attachmentOf).toBe(notice.id);
    expect(plan.body.counts.task).toBeGreaterThan(10);
  });

  it('lists both sources of a document that arrived twice', async () => {
    const { body } = await getJson(app, '/v1/documents?limit=200');
    const merged = [];
    for (const d of body.documents) {
      const detail = await getJson(app, `/v1/documents/${d.id}`);
      if (detail.body.sources.length > 1) merged.push(detail.body);
    }
    expect(merged.length).toBe(2);
    for (const d of merged) {
      expect(new Set(d.sources.map((s: any) => s.path)).size).toBe(2);
      expect(d.sources.filter((s: any) => s.chosen)).toHaveLength(1);
    }
  });

  it('walks an article: path, parent, children (paragraphs, items), neighbours', async () => {
    const law = await docByTitle('网络安全法');
    const { body } = await getJson(app, `/v1/documents/${law.id}`);
    expect(body.counts.article).toBe(79);
    const articles = body.outline.children.flatMap((c: any) => (c.kind === 'chapter' ? c.children.flatMap((x: any) => (x.kind === 'section' ? x.children : [x])) : []));
    const art21 = articles.find((a: any) => a.label === '第二十一条');
    const clause = await getJson(app, `/v1/clauses/${art21.id}`);
    expect(clause.status).toBe(200);
    expect(clause.body.citation).toBe(`《${law.title}》第二十一条`);
    expect(clause.body.children.length).toBeGreaterThanOrEqual(1);
    expect(clause.body.children.every((c: any) => c.kind === 'paragraph')).toBe(true);
    expect(clause.body.text).toContain('（五）');
    // Neighbours are siblings: 第二十二条 follows 第二十一条 inside the same section.
    const next = await getJson(app, `/v1/clauses/${clause.body.nextId}`);
    expect(next.body.label).toBe('第二十二条');
    expect(next.body.prevId).toBe(art21.id);
    expect(next.body.parentId).toBe(clause.body.parentId);
    expect(clause.body.source.path).toMatch(/\.txt$/);
  });

  it('returns the original wording beside the normalized text', async () => {
    const plan = await docByTitle('十四五”数字强省建设规划');
    const { body } = await getJson(app, `/v1/documents/${plan.id}`);
    const chosen = body.sources.find((s: any) => s.chosen);
    expect(chosen).toBeTruthy();
    const first = body.outline.children.find((c: any) => c.kind === 'heading');
    const clause = await getJson(app, `/v1/clauses/${first.id}`);
    expect(clause.body.originalText.length).toBeGreaterThan(0);
    // Normalization folds widths and removes CJK spaces; the original keeps them.
    const strip = (s: string) => s.replace(/[\s\u3000]/g, '');
    expect(strip(clause.body.originalText).length).toBeGreaterThanOrEqual(strip(clause.body.heading ?? '').length);
  });
});
