import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, enc, getJson } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app?.close();
});

const STATUSES = ['现行有效', '尚未施行', '已修改', '已废止', '规划期满', '未知'];

describe('when a document applies', () => {
  it('/v1/resolve answers "when does X take effect" with the clause as evidence', async () => {
    const { status, body } = await getJson(app, `/v1/resolve?cite=${enc('个人信息保护法')}`);
    expect(status).toBe(200);
    expect(body.effect.effectiveFrom.date).toBe('2021-11-01');
    expect(body.effect.effectiveFrom.evidence.text).toContain('本法自2021年11月1日起施行');
    expect(body.effect.effectiveFrom.evidence.clauseId).toMatch(/art_74$/);
    expect(body.effect.maker).toBe('全国人民代表大会常务委员会');
    expect(body.effect.status).toBe('现行有效');
  });

  it('search hits carry status and effectiveFrom; the 施行 clause is found', async () => {
    const { status, body } = await getJson(app, `/v1/search?q=${enc('个人信息保护法 施行')}&limit=5`);
    expect(status).toBe(200);
    for (const h of body.hits) expect(STATUSES).toContain(h.status);
    const hit = body.hits.find((h: any) => h.text.includes('本法自2021年11月1日起施行'));
    expect(hit).toMatchObject({ effectiveFrom: '2021-11-01', status: '现行有效' });
  });

  it('status as of a day: a law not yet in force before its date, a 2020–2022 plan 规划期满 after 2022, never for a plan with no period', async () => {
    const before = await getJson(app, `/v1/documents?status=${enc('尚未施行')}&asOf=2021-10-01&limit=200`);
    expect(before.status).toBe(200);
    expect(before.body.asOf).toBe('2021-10-01');
    const titles = before.body.documents.map((d: any) => d.title);
    expect(titles).toContain('中华人民共和国个人信息保护法');
    expect(titles).not.toContain('中华人民共和国网络安全法');
    const expired = await getJson(app, `/v1/documents?status=${enc('规划期满')}&asOf=2023-01-01&limit=200`);
    const ex = expired.body.documents;
    expect(ex.map((d: any) => d.version)).toContain('（2020-2022年）');
    for (const d of ex) expect(d.status).toBe('规划期满');
    // Every document listed as expired states a period that ended before asOf.
    for (const d of ex) {
      const full = await getJson(app, `/v1/documents/${d.id}?asOf=2023-01-01`);
      expect(full.body.dates.period.to).toBeLessThan(2023);
    }
    const during = await getJson(app, `/v1/documents?status=${enc('规划期满')}&asOf=2022-06-01&limit=200`);
    expect(during.body.documents.map((d: any) => d.version)).not.toContain('（2020-2022年）');
  });

  it('the status facet counts every document once, per asOf, and matches the filter', async () => {
    const all = await getJson(app, '/v1/documents?facets=true&asOf=2024-06-01&limit=1');
    expect(all.status).toBe(200);
    const facet = all.body.facets.status;
    expect(Object.values(facet).reduce((a: number, b: any) => a + b, 0)).toBe(all.body.total);
    const inForce = await getJson(app, `/v1/documents?status=${enc('现行有效')}&asOf=2024-06-01&limit=200`);
    expect(inForce.body.total).toBe(facet['现行有效']);
    for (const d of inForce.body.documents) expect(d.status).toBe('现行有效');
  });

  it('status filter and facet in search, with asOf and sort=effective', async () => {
    const { status, body } = await getJson(app, `/v1/search?q=${enc('数据')}&facets=true&asOf=2021-10-01&limit=20`);
    expect(status).toBe(200);
    expect(body.facets.status['尚未施行']).toBeGreaterThan(0);
    const filtered = await getJson(app, `/v1/search?q=${enc('数据')}&status=${enc('尚未施行')}&asOf=2021-10-01&limit=50`);
    expect(filtered.body.totalAllWords).toBe(body.facets.status['尚未施行']);
    for (const h of filtered.body.hits) expect(h.status).toBe('尚未施行');
    const sorted = await getJson(app, `/v1/search?q=${enc('数据')}&sort=effective&limit=10`);
    const dates = sorted.body.hits.map((h: any) => h.effectiveFrom).filter(Boolean);
    expect(dates.length).toBeGreaterThan(0);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('a clause shows its document status and effective date; a bad asOf is a 400', async () => {
    const { body } = await getJson(app, '/v1/clauses/doc-583618190d67--chp_3__sec_1__art_21?asOf=2017-01-01');
    expect(body).toMatchObject({ status: '尚未施行', effectiveFrom: '2017-06-01', asOf: '2017-01-01' });
    const bad = await getJson(app, '/v1/documents?asOf=2021-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_REQUEST');
  });
});

describe('indicators', () => {
  it('GET /v1/indicators?q= finds 5G基站 by any of its names, with its series', async () => {
    for (const q of ['5G基站', '5G基站数', '5G基站数量']) {
      const { status, body } = await getJson(app, `/v1/indicators?q=${enc(q)}&limit=5`);
      expect(status).toBe(200);
      expect(body.indicators[0].id, q).toBe('5g-base-stations');
    }
  });

  it('GET /v1/indicators/:id: every point linked to its clause, one chart line per document, and a CSV', async () => {
    const { status, body } = await getJson(app, '/v1/indicators/5g-base-stations');
    expect(status).toBe(200);
    expect(body.points.map((p: any) => `${p.year}:${p.value}`).sort()).toEqual(['2020:4', '2022:11.2', '2022:16', '2022:16', '2025:25']);
    for (const p of body.points) {
      const clause = await getJson(app, p.url);
      expect(clause.status).toBe(200);
      expect(clause.body.targets.map((t: any) => t.indicatorId)).toContain('5g-base-stations');
    }
    expect(body.series.length).toBe(5);
    const table = body.points.find((p: any) => p.form === 'table');
    expect(table.baseline).toEqual({ value: 5.1, year: 2020 });
    expect(table.binding).toBe(true);
    const csv = await app.inject({ method: 'GET', url: body.csv });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('指标,原文指标,年份,目标值');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(6);
    const missing = await getJson(app, '/v1/indicators/no-such-indicator');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('INDICATOR_NOT_FOUND');
  });
});
