import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, enc, getJson } from './helpers.js';
import { SearchResponse } from '../../src/schemas/search.js';

/** Query understanding end to end, over the shared ingested corpus: every rewrite in plan.rewrites, none with exact=true. */
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app?.close();
});

const search = async (q: string, extra = '') => {
  const res = await getJson(app, `/v1/search?q=${enc(q)}${extra.includes('limit=') ? '' : '&limit=5'}${extra}`);
  expect(res.status).toBe(200);
  return SearchResponse.parse(res.body);
};

describe('query understanding', () => {
  it('answers a question about when a law takes effect with the clause that says 自…起施行', async () => {
    const r = await search('个人信息保护法什么时候开始施行');
    expect(r.plan.intent).toBe('when');
    expect(r.plan.rewrites.map((x) => x.kind)).toEqual(expect.arrayContaining(['frame', 'intent']));
    expect(r.hits[0]!.text).toMatch(/本法自.*起施行/);
    expect(r.hits[0]!.docTitle).toContain('个人信息保护法');
  });

  it('corrects a typo against the index vocabulary and says so', async () => {
    const r = await search('关建信息基础设施安全检测');
    expect(r.plan.rewrites).toEqual([expect.objectContaining({ kind: 'typo', from: '关建', to: ['关键'] })]);
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits[0]!.text).toContain('关键信息基础设施');
  });

  it('spells out a law’s abbreviation and searches that law first', async () => {
    const r = await search('数安法 分类分级');
    expect(r.plan.rewrites.map((x) => [x.kind, x.from])).toEqual([
      ['abbreviation', '数安法'],
      ['scope', '数据安全法'],
    ]);
    expect(r.hits[0]!.docTitle).toBe('中华人民共和国数据安全法');
    expect(r.hits[0]!.text).toContain('数据分类分级保护制度');
  });

  it('finds the texts’ wording for an everyday word (出境 → 向境外提供), highlighted', async () => {
    const r = await search('个人信息出境');
    expect(r.words).toEqual(['个人信息', '出境']);
    expect(r.plan.rewrites).toEqual([expect.objectContaining({ kind: 'synonym', from: '出境' })]);
    expect(r.hits.some((h) => h.text.includes('境外提供个人信息') && h.snippet.includes('<em>境外提供</em>'))).toBe(true);
  });

  it('finds a law naming a department by its function after the clauses naming it, and says so', async () => {
    const r = await search('省大数据局 公共数据开放平台', '&limit=20');
    expect(r.plan.rewrites).toContainEqual(expect.objectContaining({ kind: 'synonym', from: '省大数据局', to: expect.arrayContaining(['大数据工作主管部门']) }));
    const byName = (t: string) => /省大数据局|大数据局/.test(t);
    const asTyped = (t: string) => t.includes('公共数据开放平台');
    const byFunction = r.hits.findIndex((h) => !h.partial && !byName(h.text) && h.text.includes('大数据工作主管部门'));
    expect(byFunction).toBeGreaterThanOrEqual(0);
    // Every clause naming the body with the other words as typed comes before the first one naming only its function
    // (a clause holding them by their parts, 公共数据…开放平台, is ranked with the function's).
    const lastByName = r.hits.map((h) => !h.partial && byName(h.text) && asTyped(h.text)).lastIndexOf(true);
    expect(lastByName).toBeLessThan(byFunction);
    const exact = await search('省大数据局 公共数据开放平台', '&limit=20&exact=true');
    expect(exact.hits.filter((h) => !h.partial).every((h) => byName(h.text))).toBe(true);
  });

  it('answers who is responsible from the tasks index, with owners', async () => {
    const r = await search('充电桩建设由谁负责');
    expect(r.plan.intent).toBe('who');
    expect(r.owners!.tasks.length).toBeGreaterThan(0);
    expect(r.owners!.departments.map((d) => d.department)).toContain('省能源局');
  });

  it('searches literally with exact=true: no rewrite, and the typo finds nothing', async () => {
    const r = await search('关建信息基础设施安全检测', '&exact=true');
    expect(r.plan).toEqual({ exact: true, rewrites: [] });
    expect(r.words).toEqual(expect.arrayContaining(['关', '建']));
    const q = await search('个人信息保护法什么时候开始施行', '&exact=true');
    expect(q.plan.rewrites).toEqual([]);
    expect(q.owners).toBeUndefined();
  });

  it('shows every rewrite on the web search page, with a link that searches literally', async () => {
    const page = await app.inject({ method: 'GET', url: `/search?q=${enc('关建信息基础设施安全检测')}` });
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<section class="plan"[\s\S]*?<\/section>/)?.[0]).toContain('已将“关建”更正为“关键”');
    const link = /<a class="plan__exact" href="([^"]+)">/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toContain('exact=true');
    const literal = await app.inject({ method: 'GET', url: link! });
    expect(literal.statusCode).toBe(200);
    expect(literal.body).not.toContain('更正为');
    expect(literal.body).toContain('已按原文精确检索');
  });
});
