import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Meilisearch } from 'meilisearch';
import { buildTestApp, enc, getJson } from './helpers.js';

/**
 * What a reader must get from the shared, really ingested corpus: the
 * queries Meilisearch's own Chinese handling gets wrong (numbers touching
 * Chinese, a word inside a longer word, abbreviations, traditional
 * characters, a department that does not exist). Every assertion is on text.
 */
let app: FastifyInstance;
/** Every clause search returns by default, as indexed: the texts recall is checked against. */
let units: Array<{ id: string; text: string; docTitle: string; label?: string }>;

beforeAll(async () => {
  app = await buildTestApp();
  const { url, masterKey } = inject('meili');
  const client = new Meilisearch({ host: url, apiKey: masterKey });
  const res = await client.index('clauses').getDocuments({ filter: 'isUnit = true', fields: ['id', 'text', 'docTitle', 'label'], limit: 100_000 });
  units = res.results as typeof units;
});
afterAll(async () => {
  await app?.close();
});

const compact = (s: string) => s.replace(/\s+/g, '');

async function search(q: string, extra = '') {
  const { status, body } = await getJson(app, `/v1/search?q=${enc(q)}&limit=10${extra}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

/** Units whose text contains `term` (case-insensitive, whitespace ignored). */
function unitsWith(term: string): number {
  const t = compact(term).toLowerCase();
  return units.filter((u) => compact(u.text).toLowerCase().includes(t)).length;
}

describe('terms Meilisearch alone misses', () => {
  it('2025 finds clauses saying 2025年 — every one of them', async () => {
    const body = await search('2025');
    expect(body.hits).toHaveLength(10);
    for (const h of body.hits) expect(h.text).toContain('2025');
    expect(body.totalAllWords).toBeGreaterThanOrEqual(unitsWith('2025'));
    expect(unitsWith('2025')).toBeGreaterThan(50);
  });

  it('5G and IPv6 are searched whole, and find their tasks', async () => {
    const g = await search('5G');
    for (const h of g.hits) expect(h.text.toLowerCase()).toContain('5g');
    expect(g.hits.map((h: any) => h.text).join('\n')).toContain('加快5G商用');
    const v6 = await search('IPv6');
    for (const h of v6.hits) expect(h.text.toLowerCase()).toContain('ipv6');
    const texts = v6.hits.map((h: any) => h.text).join('\n');
    expect(texts).toContain('推进IPv6规模部署应用');
    expect(texts).toContain('持续推进IPv6+网络升级演进');
    expect(v6.totalAllWords).toBeGreaterThanOrEqual(unitsWith('IPv6'));
  });

  it('算力 finds the computing-power tasks', async () => {
    const body = await search('算力');
    for (const h of body.hits) expect(h.text).toContain('算力');
    const texts = body.hits.map((h: any) => h.text).join('\n');
    expect(texts).toMatch(/优化多元异构的算力结构|构建高效协同的算力网络|塑强面向未来产业的算力支撑/);
    expect(body.totalAllWords).toBeGreaterThanOrEqual(unitsWith('算力'));
  });

  it('处理 is found inside longer words (数据处理, 个人信息处理者)', async () => {
    const body = await search('处理');
    for (const h of body.hits) expect(h.text).toContain('处理');
    expect(body.totalAllWords).toBeGreaterThanOrEqual(unitsWith('处理'));
    const inside = units.filter((u) => /(数据|信息)处理/.test(u.text)).length;
    expect(inside).toBeGreaterThan(20);
  });

  it('数据安全 ranks the clauses about data security first', async () => {
    const body = await search('数据安全');
    for (const h of body.hits) expect(h.text).toContain('数据安全');
    const texts = body.hits.map((h: any) => compact(h.text)).join('\n');
    const expected = ['第四章数据安全保护义务', '（二）提升数据安全保障水平', '第三章数据安全制度', '（五）筑牢数据安全保障防线', '1.完善数据安全保障体系'];
    expect(expected.filter((e) => texts.includes(e)).length).toBeGreaterThanOrEqual(3);
    expect(body.totalAllWords).toBeGreaterThanOrEqual(unitsWith('数据安全'));
  });

  it('數據安全 (traditional) gives exactly what 数据安全 gives', async () => {
    const simplified = await search('数据安全');
    const traditional = await search('數據安全');
    expect(traditional.words).toEqual(['数据安全']);
    expect(traditional.total).toBe(simplified.total);
    expect(traditional.hits.map((h: any) => h.id)).toEqual(simplified.hits.map((h: any) => h.id));
    for (const h of traditional.hits) expect(h.snippet).toContain('<em>数据安全</em>');
  });

  it('工信厅 finds the clauses naming 省工业和信息化厅 under any of its names', async () => {
    const body = await search('工信厅');
    expect(body.departments).toEqual([{ asWritten: '工信厅', canonical: '省工业和信息化厅' }]);
    const aliases = /省工业和信息化厅|工信厅|工业和信息化厅/;
    for (const h of body.hits) expect(h.text).toMatch(aliases);
    const naming = units.filter((u) => aliases.test(compact(u.text))).length;
    expect(naming).toBeGreaterThan(20);
    expect(body.totalAllWords).toBeGreaterThanOrEqual(naming);
    for (const h of body.hits) expect(h.snippet).toMatch(/<em>(省工业和信息化厅|工信厅|工业和信息化厅)<\/em>/);
  });

  it('工信厅 5G: the department and the topic together, department never dropped', async () => {
    const body = await search('工信厅 5G');
    const full = body.hits.filter((h: any) => !h.partial);
    expect(full.length).toBeGreaterThanOrEqual(3);
    for (const h of body.hits) expect(h.text).toMatch(/省工业和信息化厅|工信厅|工业和信息化厅/);
    for (const h of full) expect(h.text.toLowerCase()).toContain('5g');
    expect(full.map((h: any) => h.text).join('\n')).toContain('加快5G商用');
  });

  it('省工业和信息化局 (no such body) never returns 厅 clauses as if they matched', async () => {
    expect(unitsWith('省工业和信息化局')).toBe(0);
    const body = await search('省工业和信息化局');
    expect(body.total).toBe(0);
    expect(body.hits).toEqual([]);
    const notice = body.notices.find((n: any) => n.code === 'unknown-department');
    expect(notice.suggestions).toContain('省工业和信息化厅');
    // With a topic too: still only verbatim mentions, i.e. none.
    const withTopic = await search('省工业和信息化局 5G');
    for (const h of withTopic.hits) expect(compact(h.text)).toContain('省工业和信息化局');
  });
});

describe('query forms', () => {
  it('an article number in Arabic numerals finds the article written in Chinese numerals, first', async () => {
    const body = await search('个人信息保护法 第13条');
    expect(body.words).toContain('第十三条');
    expect(body.hits[0].docTitle).toContain('个人信息保护法');
    expect(body.hits[0].label).toBe('第十三条');
    const chinese = await search('个人信息保护法 第十三条');
    expect(chinese.hits[0].id).toBe(body.hits[0].id);
  });

  it('a law and an article number put that article before clauses citing it', async () => {
    const body = await search('网络安全法 第二十一条');
    expect(body.hits[0].label).toBe('第二十一条');
    expect(body.hits[0].text).toContain('国家实行网络安全等级保护制度');
  });

  it('full-width Latin (ＩＰｖ６) is folded', async () => {
    const a = await search('ＩＰｖ６');
    const b = await search('IPv6');
    expect(a.words).toEqual(['IPv6']);
    expect(a.hits.map((h: any) => h.id)).toEqual(b.hits.map((h: any) => h.id));
  });

  it('a quoted phrase must occur verbatim, and the total counts exactly those clauses', async () => {
    const body = await search('“数据安全保护义务”');
    expect(body.phrases).toEqual(['数据安全保护义务']);
    for (const h of body.hits) expect(compact(h.text)).toContain('数据安全保护义务');
    expect(body.total).toBe(unitsWith('数据安全保护义务'));
    expect(body.total).toBeGreaterThan(3);
    const ascii = await search('"数据安全保护义务"');
    expect(ascii.total).toBe(body.total);
  });

  it('a long question keeps its informative words within Meilisearch’s ten and still finds the article', async () => {
    const q = '关键信息基础设施的运营者采购网络产品和服务可能影响国家安全的应当通过国家网信部门会同国务院有关部门组织的国家安全审查吗';
    const body = await search(q);
    expect(body.words.length).toBeLessThanOrEqual(10);
    expect(body.dropped.length).toBeGreaterThan(0);
    const top3 = body.hits.slice(0, 3).map((h: any) => h.text).join('\n');
    expect(top3).toContain('关键信息基础设施的运营者采购网络产品和服务，可能影响国家安全的');
  });

  it('partial matches come only after every full match, each marked', async () => {
    const body = await search('5G基站 11.2万个');
    expect(body.matchingStrategy).toBe('relaxed');
    expect(body.hits[0].text).toContain('11.2万个');
    const firstPartial = body.hits.findIndex((h: any) => h.partial);
    expect(firstPartial).toBeGreaterThan(0);
    expect(body.hits.slice(firstPartial).every((h: any) => h.partial)).toBe(true);
    expect(body.totalAllWords).toBe(firstPartial);
    expect(body.notices.map((n: any) => n.code)).toContain('relaxed');
  });
});
