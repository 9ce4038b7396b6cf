import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, enc, getJson } from './helpers.js';
import { SearchResponse, SuggestResponse } from '../../src/schemas/search.js';

/** Filters, facets, sorting, paging, highlights and type-ahead over the shared ingested corpus. */
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app?.close();
});

const search = (params: string) => getJson(app, `/v1/search?${params}`);

describe('filters', () => {
  it('filters by kind, document and year', async () => {
    const { body } = await search(`q=${enc('数据')}&kind=article&limit=50`);
    expect(body.total).toBeGreaterThan(10);
    expect(body.hits.every((h: any) => h.kind === 'article')).toBe(true);
    const docId = body.hits[0].docId;
    const inDoc = await search(`q=${enc('数据')}&docId=${docId}&limit=50&facets=true`);
    expect(inDoc.body.hits.every((h: any) => h.docId === docId)).toBe(true);
    expect(Object.keys(inDoc.body.facets.docId)).toEqual([docId]);
    const year = await search(`q=${enc('数据')}&year=2021&facets=true`);
    expect(Object.keys(year.body.facets.year)).toEqual(['2021']);
  });

  it('filters by department under any of its names, and by role', async () => {
    const byAlias = await search(`q=${enc('网络')}&department=${enc('工信厅')}&limit=50`);
    const byName = await search(`q=${enc('网络')}&department=${enc('省工业和信息化厅')}&limit=50`);
    expect(byAlias.status).toBe(200);
    expect(byAlias.body.total).toBeGreaterThan(3);
    expect(byAlias.body.hits.map((h: any) => h.id)).toEqual(byName.body.hits.map((h: any) => h.id));
    for (const h of byAlias.body.hits) expect(h.owners.map((o: any) => o.department)).toContain('省工业和信息化厅');
    const lead = await search(`q=${enc('数据')}&department=${enc('省大数据局')}&role=lead&limit=50`);
    expect(lead.body.total).toBeGreaterThan(0);
    for (const h of lead.body.hits) {
      expect(h.owners.some((o: any) => o.department === '省大数据局' && o.role === 'lead')).toBe(true);
    }
  });

  it('answers an unknown department with 404 and the closest names; a role alone with 400', async () => {
    const { status, body } = await search(`q=${enc('数据')}&department=${enc('省工业和信息化局')}`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('DEPARTMENT_NOT_FOUND');
    expect(body.error.details.suggestions).toContain('省工业和信息化厅');
    const role = await search(`q=${enc('数据')}&role=lead`);
    expect(role.status).toBe(400);
    expect(role.body.error.code).toBe('INVALID_REQUEST');
  });
});

describe('document numbers (文号)', () => {
  it('finds the clauses citing a 文号 however its brackets are typed, and only those', async () => {
    const standard = await search(`q=${enc('国发〔2022〕14号')}&limit=50`);
    expect(standard.status).toBe(200);
    expect(standard.body.phrases).toEqual(['国发〔2022〕14号']);
    expect(standard.body.total).toBeGreaterThan(0);
    for (const h of standard.body.hits) expect(h.text.replace(/\s+/g, '')).toMatch(/国发[〔[［【(（]2022[〕\]］】)）]第?14号/);
    for (const typed of ['国发[2022]14号', '国发（2022）第14号']) {
      const other = await search(`q=${enc(typed)}&limit=50`);
      expect(other.body.hits.map((h: any) => h.id), typed).toEqual(standard.body.hits.map((h: any) => h.id));
    }
    expect(standard.body.hits[0].snippet).toContain('<em>国发〔2022〕14号</em>');
    // Another serial of the same year cites another document.
    expect((await search(`q=${enc('国发〔2022〕15号')}`)).body.total).toBe(0);
  });

  it('names the corpus document a 文号 belongs to, in a notice', async () => {
    const { body } = await search(`q=${enc('数字强省办发[2023]第10号')}`);
    const notice = body.notices.find((n: any) => n.code === 'document-number');
    expect(notice.document).toMatchObject({ docNumber: '数字强省办发〔2023〕10号' });
    expect(notice.document.title).toContain('山东省数字基础设施建设行动方案');
    const doc = await getJson(app, notice.document.url);
    expect(doc.status).toBe(200);
    expect(doc.body.docNumber).toBe('数字强省办发〔2023〕10号');
    expect((await search(`q=${enc('国发〔2022〕14号')}`)).body.notices.map((n: any) => n.code)).not.toContain('document-number');
  });
});

describe('facets, sorting and paging', () => {
  it('counts facets by the filter parameter they feed, matching the total', async () => {
    const { body } = await search(`q=${enc('个人信息')}&facets=true`);
    expect(Object.keys(body.facets).sort()).toEqual(['department', 'docId', 'docKind', 'issuer', 'kind', 'role', 'status', 'year']);
    const kinds = Object.values(body.facets.kind as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(kinds).toBe(body.total);
    // Effect status (computed for asOf): every clause with every word has exactly one.
    const statuses = Object.values(body.facets.status as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(statuses).toBe(body.totalAllWords);
    for (const h of body.hits) expect(body.documents[h.docId]).toBe(h.docTitle);
    // A facet value used as a filter gives exactly its count.
    const [docId, count] = Object.entries(body.facets.docId as Record<string, number>)[0]!;
    const filtered = await search(`q=${enc('个人信息')}&docId=${docId}&limit=1`);
    expect(filtered.body.total).toBe(count);
  });

  it('sorts by date, newest or oldest first', async () => {
    const newest = await search(`q=${enc('数据')}&sort=newest&limit=50`);
    const years = newest.body.hits.map((h: any) => h.year ?? 0);
    const dated = years.filter((y: number) => y > 0);
    expect(dated).toEqual([...dated].sort((a: number, b: number) => b - a));
    const oldest = await search(`q=${enc('数据')}&sort=oldest&limit=50`);
    const oy = oldest.body.hits.map((h: any) => h.year).filter(Boolean);
    expect(oy).toEqual([...oy].sort((a: number, b: number) => a - b));
    expect(oy[0]).toBeLessThan(dated[0]);
  });

  it('pages at any offset with exact totals', async () => {
    const all = await search(`q=${enc('安全')}&limit=30`);
    const page = await search(`q=${enc('安全')}&offset=7&limit=9`);
    expect(page.body.total).toBe(all.body.total);
    expect(page.body.totalIsExact).toBe(true);
    expect(page.body.hits.map((h: any) => h.id)).toEqual(all.body.hits.slice(7, 16).map((h: any) => h.id));
  });
});

describe('hits', () => {
  it('carry JavaScript string offsets of the matched words, a short centred snippet, breadcrumb and citation', async () => {
    const { body } = await search(`q=${enc('个人信息 处理者')}&kind=article`);
    expect(body.hits.length).toBeGreaterThan(3);
    for (const h of body.hits) {
      expect(h.matches.length).toBeGreaterThan(0);
      for (const m of h.matches) expect(['个人信息', '处理者', '个人', '信息', '处理']).toContain(h.text.slice(m.start, m.end));
      const plain = h.snippet.replace(/<\/?em>/g, '').replace(/^…|…$/g, '');
      expect(plain.length).toBeLessThanOrEqual(120);
      expect(h.text).toContain(plain);
      expect(h.snippet).toMatch(/<em>(个人信息|处理者)<\/em>/);
      expect(h.breadcrumb.startsWith(`《${h.docTitle}》`)).toBe(true);
      expect(h.citation).toContain(h.docTitle);
      expect(h.url).toBe(`/v1/clauses/${h.id}`);
    }
  });

  it('centre the snippet on a match deep inside a long clause', async () => {
    const { body } = await search(`q=${enc('“个人信息处理者不能证明自己没有过错”')}`);
    expect(body.total).toBeGreaterThan(0);
    const h = body.hits[0];
    expect(h.text.length).toBeGreaterThan(120);
    expect(h.snippet).toContain('<em>');
    expect(h.snippet.startsWith('…')).toBe(true);
  });
});

describe('response contract', () => {
  // The search route skips zod on the way out (the hot path); its answers must still match the schema.
  it('every kind of search answer matches SearchResponse', async () => {
    for (const q of ['数据安全', '“数据安全保护义务”', '5G基站 11.2万个', '个人信息保护法 第13条', '省工业和信息化局', '工信厅 5G']) {
      const { status, body } = await search(`q=${enc(q)}&facets=true`);
      expect(status).toBe(200);
      const parsed = SearchResponse.safeParse(body);
      expect(parsed.success, `${q}: ${parsed.error?.message}`).toBe(true);
    }
    const s = await getJson(app, `/v1/suggest?q=${enc('数据')}`);
    expect(SuggestResponse.safeParse(s.body).success).toBe(true);
  });
});

describe('GET /v1/suggest', () => {
  it('suggests documents by the start of a title or short title, and departments by abbreviation', async () => {
    const law = await getJson(app, `/v1/suggest?q=${enc('网络安')}`);
    expect(law.status).toBe(200);
    const first = law.body.suggestions[0];
    expect(first.kind).toBe('document');
    expect(first.match).toBe('prefix');
    expect(first.text).toContain('网络安全法');
    expect(first.url).toBe(`/v1/documents/${first.id}`);
    const dept = await getJson(app, `/v1/suggest?q=${enc('工信')}`);
    const miit = dept.body.suggestions.find((s: any) => s.text === '省工业和信息化厅');
    expect(miit).toMatchObject({ kind: 'department', match: 'prefix' });
    expect(miit.matched).toMatch(/^工信/);
    // Every suggestion links somewhere that answers.
    for (const s of [first, miit]) expect((await app.inject({ method: 'GET', url: s.url })).statusCode, s.url).toBe(200);
  });

  it('matches segmented words anywhere in a title, the last typed word as a prefix', async () => {
    const { body } = await getJson(app, `/v1/suggest?q=${enc('数字政')}&limit=20`);
    const titles = body.suggestions.filter((s: any) => s.kind === 'document').map((s: any) => s.text);
    expect(titles.length).toBeGreaterThanOrEqual(2);
    for (const t of titles) expect(t).toMatch(/数字政/);
  });

  it('bounds the limit', async () => {
    const { status, body } = await getJson(app, `/v1/suggest?q=${enc('数据')}&limit=21`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('INVALID_REQUEST');
    const ok = await getJson(app, `/v1/suggest?q=${enc('数据')}&limit=20`);
    expect(ok.body.suggestions.length).toBeLessThanOrEqual(20);
  });
});
