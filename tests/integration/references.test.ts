import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './helpers.js';

/**
 * The reference and citation routes against the shared real Meilisearch
 * holding the real corpus (tests/integration/global-setup.ts).
 */
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildTestApp();
});

afterAll(async () => {
  await app?.close();
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body, headers: res.headers };
};
const enc = encodeURIComponent;

async function docId(title: string): Promise<string> {
  const { body } = await get('/v1/documents?limit=200');
  const d = body.documents.find((x: any) => x.title === title);
  if (!d) throw new Error(`no document ${title}`);
  return d.id;
}

describe('GET /v1/resolve', () => {
  it('returns the article for 网络安全法第二十一条', async () => {
    const { status, body } = await get(`/v1/resolve?cite=${enc('网络安全法第二十一条')}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'resolved', citation: '《中华人民共和国网络安全法》第二十一条' });
    expect(body.url).toBe(`/v1/clauses/${body.clauseId}`);
    const clause = await get(body.url);
    expect(clause.status).toBe(200);
    expect(clause.body.label).toBe('第二十一条');
    expect(clause.body.docTitle).toBe('中华人民共和国网络安全法');
  });

  it('accepts full titles in 《》, Arabic numerals and spaces', async () => {
    const a = await get(`/v1/resolve?cite=${enc('《中华人民共和国数据安全法》第31条')}`);
    const b = await get(`/v1/resolve?cite=${enc('数据安全法 第三十一条第一款')}`);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body.clauseId.startsWith(a.body.clauseId)).toBe(true);
    expect(b.body.citation).toBe('《中华人民共和国数据安全法》第三十一条第一款');
  });

  it('resolves a document without a clause to the document url', async () => {
    const { body } = await get(`/v1/resolve?cite=${enc('山东省公共数据开放办法')}`);
    expect(body.url).toBe(`/v1/documents/${body.docId}`);
    expect(body.clauseId).toBeUndefined();
  });

  it('answers 404 CITATION_NOT_RESOLVED saying the article does not exist', async () => {
    const { status, body } = await get(`/v1/resolve?cite=${enc('网络安全法第八十条')}`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('CITATION_NOT_RESOLVED');
    expect(body.error.message).toContain('has 79 articles; there is no 第八十条');
  });

  it('answers 404 for an unknown title, and 400 for an empty cite', async () => {
    expect((await get(`/v1/resolve?cite=${enc('不存在的管理办法第一条')}`)).status).toBe(404);
    expect((await get('/v1/resolve?cite=')).status).toBe(400);
  });

  it('resolves a document listed only in the catalogue as such', async () => {
    const { status, body } = await get(`/v1/resolve?cite=${enc('《“十四五”数字经济发展规划》')}`);
    expect(status).toBe(200);
    // That plan is also a document of the corpus (in the compilation): the corpus wins over the catalogue.
    expect(body.status).toBe('resolved');
    const cat = await get(`/v1/resolve?cite=${enc('国家标准化发展纲要')}`);
    expect(cat.status).toBe(200);
    expect(cat.body).toMatchObject({ status: 'catalogue', catalogue: { title: '国家标准化发展纲要', date: '2021-10-10' } });
  });
});

describe('POST /v1/citations/extract', () => {
  it('finds every citation with JS offsets into the text and its resolution status', async () => {
    const text = '根据《中华人民共和国网络安全法》第二十一条和数据安全法第三十一条，参照《国家标准化发展纲要》及《某市不存在的办法》，落实国发〔2099〕1号。';
    const res = await app.inject({ method: 'POST', url: '/v1/citations/extract', payload: { text } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.count).toBe(body.citations.length);
    for (const c of body.citations) expect(text.slice(c.start, c.end)).toBe(c.text);
    const by = (t: string) => body.citations.find((c: any) => c.text.includes(t));
    expect(by('网络安全法')).toMatchObject({ status: 'resolved', relation: 'basis', normalized: '《中华人民共和国网络安全法》第二十一条' });
    expect(by('数据安全法')).toMatchObject({ status: 'resolved', normalized: '《中华人民共和国数据安全法》第三十一条' });
    expect(by('国家标准化')).toMatchObject({ status: 'catalogue' });
    expect(by('某市')).toMatchObject({ status: 'unresolved' });
    expect(by('国发')).toMatchObject({ status: 'unresolved', normalized: '国发〔2099〕1号', relation: 'implements' });
  });

  it('rejects a text over the size limit with 413 and a missing text with 400', async () => {
    const big = await app.inject({ method: 'POST', url: '/v1/citations/extract', payload: { text: '字'.repeat(64_001) } });
    expect(big.statusCode).toBe(413);
    const none = await app.inject({ method: 'POST', url: '/v1/citations/extract', payload: {} });
    expect(none.statusCode).toBe(400);
  });
});

describe('references of clauses and documents', () => {
  it('GET /v1/clauses/:id includes outgoing and incoming references with spans', async () => {
    const r = await get(`/v1/resolve?cite=${enc('数据安全法第三十一条')}`);
    const { status, body } = await get(`/v1/clauses/${r.body.clauseId}`);
    expect(status).toBe(200);
    const out = body.references.outgoing;
    const net = out.find((x: any) => x.to.docTitle === '中华人民共和国网络安全法');
    expect(net).toMatchObject({ status: 'resolved', relation: 'mentions', text: '《中华人民共和国网络安全法》' });
    // Incoming: 第四十六条 cites 本法第三十一条.
    expect(body.references.incoming.some((x: any) => x.text === '本法第三十一条' && x.from.citation)).toBe(true);
  });

  it('the incoming references of 数据安全法 include the regulations made under it', async () => {
    const id = await docId('中华人民共和国数据安全法');
    const { status, body } = await get(`/v1/documents/${id}/references?direction=in`);
    expect(status).toBe(200);
    const titles = body.documents.map((d: any) => d.title);
    expect(titles).toContain('山东省大数据发展促进条例');
    expect(titles).toContain('山东省公共数据开放办法');
    const regs = body.documents.find((d: any) => d.title === '山东省大数据发展促进条例');
    expect(regs.relations.basis).toBeGreaterThanOrEqual(1);
    expect(body.documents.every((d: any) => d.docId !== id)).toBe(true);
  });

  it('aggregates outgoing references per target with counts (网络安全法 第六十四条 within its own law)', async () => {
    const id = await docId('中华人民共和国网络安全法');
    const { body } = await get(`/v1/documents/${id}/references?direction=out`);
    const self = body.documents.find((d: any) => d.docId === id);
    expect(self.count).toBeGreaterThan(20);
    expect(body.total).toBe(body.documents.reduce((n: number, d: any) => n + d.count, 0));
    const art64 = await get(`/v1/resolve?cite=${enc('网络安全法第六十四条')}`);
    const clause = await get(`/v1/clauses/${art64.body.clauseId}`);
    const cited = clause.body.references.outgoing.map((x: any) => x.to.citation ?? x.normalized);
    for (const n of ['第二十二条第三款', '第四十一条', '第四十二条', '第四十三条', '第四十四条']) {
      expect(cited.some((c: string) => c.endsWith(n))).toBe(true);
    }
  });

  it('answers 404 for an unknown document and 400 for a bad direction', async () => {
    expect((await get('/v1/documents/doc-000000000000/references')).status).toBe(404);
    const id = await docId('中华人民共和国数据安全法');
    expect((await get(`/v1/documents/${id}/references?direction=sideways`)).status).toBe(400);
  });

  it('GET /v1/references/graph has documents as nodes and citation counts as edges', async () => {
    const { status, body } = await get('/v1/references/graph');
    expect(status).toBe(200);
    const ids = new Set(body.nodes.map((n: any) => n.id));
    expect(body.edges.length).toBeGreaterThan(5);
    for (const e of body.edges) {
      expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
      expect(e.from).not.toBe(e.to);
      expect(e.count).toBeGreaterThan(0);
    }
    const data = await docId('中华人民共和国数据安全法');
    const net = await docId('中华人民共和国网络安全法');
    expect(body.edges.some((e: any) => e.from === data && e.to === net)).toBe(true);
  });
});

describe('GET /v1/clauses/:id/cite', () => {
  it('returns the canonical citation and permalink in json, text and markdown', async () => {
    const r = await get(`/v1/resolve?cite=${enc('网络安全法第二十一条')}`);
    const json = await get(`/v1/clauses/${r.body.clauseId}/cite?format=json`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ citation: '《中华人民共和国网络安全法》第二十一条', title: '中华人民共和国网络安全法', clauseId: r.body.clauseId });
    expect(json.body.permalink).toMatch(new RegExp(`^https?://[^/]+/v1/clauses/${r.body.clauseId}$`));
    const text = await get(`/v1/clauses/${r.body.clauseId}/cite?format=text`);
    expect(text.headers['content-type']).toContain('text/plain');
    expect(text.body).toBe(`${json.body.citation} ${json.body.permalink}`);
    const md = await get(`/v1/clauses/${r.body.clauseId}/cite?format=markdown`);
    expect(md.body).toBe(`[${json.body.citation}](${json.body.permalink})`);
  });

  it('puts the 文号 after the title when the document has one', async () => {
    const { body: list } = await get('/v1/documents?limit=200');
    const numbered = list.documents.find((d: any) => d.docNumber);
    expect(numbered).toBeDefined();
    const { body } = await get(`/v1/clauses/${numbered.id}/cite`);
    expect(body.citation).toContain(`（${numbered.docNumber}）`);
  });

  it('answers 404 for an unknown clause', async () => {
    expect((await get('/v1/clauses/doc-000000000000--art_1/cite')).status).toBe(404);
  });
});
