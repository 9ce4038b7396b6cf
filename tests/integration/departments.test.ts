/**
 * The responsibility routes against the shared Meilisearch with the real
 * corpus ingested (tests/integration/global-setup.ts). Expected tasks were found
 * by reading corpus/, see tests/responsibilities/corpus.test.ts.
 */
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

/** A small RFC 4180 reader, to check the export the way a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('GET /v1/departments', () => {
  it('lists the registry with levels, aliases and task counts by role', async () => {
    const { status, body } = await getJson(app, '/v1/departments?limit=100');
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(100);
    const water = body.departments.find((d: any) => d.name === '省水利厅');
    expect(water).toMatchObject({ level: 'provincial', known: true, counts: { lead: 0, responsible: 7, cooperating: 1, total: 8 } });
    const it = body.departments.find((d: any) => d.name === '省工业和信息化厅');
    expect(it.abbreviations).toContain('工信厅');
    expect(it.url).toBe(`/v1/departments/${enc('省工业和信息化厅')}/tasks`);
    // Busiest first.
    const totals = body.departments.map((d: any) => d.counts.total);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => b - a));
  });

  it('filters by level and by having tasks', async () => {
    const { body } = await getJson(app, '/v1/departments?level=municipal&withTasks=true');
    expect(body.departments.length).toBeGreaterThan(0);
    expect(body.departments.every((d: any) => d.level === 'municipal' && d.counts.total > 0)).toBe(true);
    expect(body.departments.map((d: any) => d.name)).toContain('各市人民政府');
    expect((await getJson(app, '/v1/departments?level=galaxy')).status).toBe(400);
  });

  it('finds bodies by any part of any of their names, the one named outright first', async () => {
    const names = (d: any) => [d.name, ...d.aliases, ...d.abbreviations].join(' ');
    const big = await getJson(app, `/v1/departments?q=${enc('大数据局')}`);
    expect(big.status).toBe(200);
    expect(big.body.departments[0].name).toBe('省大数据局');
    expect(big.body.departments.length).toBe(big.body.total);
    for (const d of big.body.departments) expect(names(d)).toContain('大数据局');

    // An abbreviation leads to its body; a part of an alias finds it too; traditional characters fold.
    expect((await getJson(app, `/v1/departments?q=${enc('工信厅')}`)).body.departments[0].name).toBe('省工业和信息化厅');
    expect((await getJson(app, `/v1/departments?q=${enc('工信')}`)).body.departments.map((d: any) => d.name)).toContain('省工业和信息化厅');
    expect((await getJson(app, `/v1/departments?q=${enc('數據局')}`)).body.departments.map((d: any) => d.name)).toContain('省大数据局');

    const none = await getJson(app, `/v1/departments?q=${enc('星际舰队司令部')}`);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ total: 0, departments: [] });
  });
});

describe('GET /v1/departments/:name', () => {
  /** Partners and documents as the department's own task list shows them: what the profile must count. */
  function countFromTasks(tasks: any[], self: string) {
    const partners = new Map<string, { tasks: number; roles: Record<string, number> }>();
    const documents = new Map<string, number>();
    for (const t of tasks) {
      documents.set(t.docId, (documents.get(t.docId) ?? 0) + 1);
      const others = t.owners.filter((o: any) => o.department !== self);
      for (const name of new Set<string>(others.map((o: any) => o.department))) {
        const p = partners.get(name) ?? { tasks: 0, roles: { lead: 0, responsible: 0, cooperating: 0 } };
        p.tasks++;
        for (const role of new Set<string>(others.filter((o: any) => o.department === name).map((o: any) => o.role))) p.roles[role]!++;
        partners.set(name, p);
      }
    }
    return { partners, documents };
  }

  it('counts who shares the department’s tasks, and in which role, exactly as its task list shows them', async () => {
    for (const filters of ['', '&role=lead', '&role=responsible&year=2025']) {
      const profile = await getJson(app, `/v1/departments/${enc('大数据局')}?limit=500${filters}`);
      const list = await getJson(app, `/v1/departments/${enc('省大数据局')}/tasks?limit=1000${filters}`);
      expect(profile.status, filters).toBe(200);
      expect(profile.body.department).toMatchObject({ name: '省大数据局', requested: '大数据局' });
      expect(profile.body.tasks, filters).toBe(list.body.total);
      expect(profile.body.tasks, filters).toBeGreaterThan(0);
      const expected = countFromTasks(list.body.tasks, '省大数据局');
      expect(profile.body.totalPartners, filters).toBe(expected.partners.size);
      expect(
        new Map(profile.body.partners.map((p: any) => [p.name, { tasks: p.tasks, roles: p.roles }])),
        filters,
      ).toEqual(expected.partners);
      expect(new Map(profile.body.documents.map((d: any) => [d.docId, d.tasks])), filters).toEqual(expected.documents);
    }
  });

  it('lists the most shared partners first, up to limit, with links that list the same tasks', async () => {
    const { body } = await getJson(app, `/v1/departments/${enc('省大数据局')}?role=lead&limit=3`);
    expect(body.partners).toHaveLength(3);
    expect(body.totalPartners).toBeGreaterThan(3);
    const counts = body.partners.map((p: any) => p.tasks);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(body.partners[0].url).toBe(`/v1/departments/${enc(body.partners[0].name)}/tasks`);
    expect(body.documents[0].title.length).toBeGreaterThan(0);
    expect(body.documents[0].url).toBe(`/v1/documents/${body.documents[0].docId}`);
    const listed = await getJson(app, body.tasksUrl);
    expect(listed.body.total).toBe(body.tasks);
    expect(listed.body.tasks.every((t: any) => t.role === 'lead')).toBe(true);
  });

  it('404s an unknown name with suggestions, 400s a bad limit or role', async () => {
    const unknown = await getJson(app, `/v1/departments/${enc('省水利局')}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.suggestions).toContain('省水利厅');
    expect((await getJson(app, `/v1/departments/${enc('省水利厅')}?limit=501`)).status).toBe(400);
    expect((await getJson(app, `/v1/departments/${enc('省水利厅')}?role=owner`)).status).toBe(400);
  });
});

describe('GET /v1/departments/:name/tasks', () => {
  it('returns exactly the water-conservancy tasks across documents, each with the department’s role and all owners', async () => {
    const { status, body } = await getJson(app, `/v1/departments/${enc('省水利厅')}/tasks`);
    expect(status).toBe(200);
    expect(body.department).toMatchObject({ name: '省水利厅', requested: '省水利厅' });
    expect(body.total).toBe(8);
    expect(body.tasks).toHaveLength(8);
    expect(body.tasks.map((t: any) => `${t.docTitle}|${t.form}|${t.role}`).sort()).toEqual(
      [
        '山东省数字基础设施建设的指导意见|note|cooperating',
        '山东省数字基础设施建设的指导意见|note|responsible',
        '山东省数字基础设施建设行动方案|note|responsible',
        '山东省数字基础设施建设行动方案|note|responsible',
        '山东省数字政府建设实施方案|note|responsible',
        '山东省数字政府建设“385”行动计划|section|responsible',
        '山东省数字政府建设“385”行动计划|table|responsible',
        '山东省数字政府建设“385”行动计划|table|responsible',
      ].sort(),
    );
    for (const t of body.tasks) {
      expect(t.owners.map((o: any) => o.department)).toContain('省水利厅');
      expect(t.url).toBe(`/v1/clauses/${t.clauseId}`);
      expect(t.text.length).toBeGreaterThan(5);
    }
  });

  it('answers the same for any alias or abbreviation', async () => {
    const a = await getJson(app, `/v1/departments/${enc('工信厅')}/tasks?limit=1000`);
    const b = await getJson(app, `/v1/departments/${enc('省工业和信息化厅')}/tasks?limit=1000`);
    expect(a.status).toBe(200);
    expect(a.body.total).toBeGreaterThan(20);
    expect(a.body.tasks).toEqual(b.body.tasks);
    expect(a.body.department).toEqual({ ...b.body.department, requested: '工信厅' });
    const c = await getJson(app, `/v1/departments/${enc('各市政府')}/tasks?limit=1000`);
    const d = await getJson(app, `/v1/departments/${enc('各市人民政府')}/tasks?limit=1000`);
    expect(c.body.department.name).toBe('各市人民政府');
    expect(c.body.tasks).toEqual(d.body.tasks);
  });

  it('filters by role, document and year, and pages', async () => {
    const coop = await getJson(app, `/v1/departments/${enc('省水利厅')}/tasks?role=cooperating`);
    expect(coop.body.total).toBe(1);
    expect(coop.body.tasks[0].role).toBe('cooperating');
    const y2026 = await getJson(app, `/v1/departments/${enc('省大数据局')}/tasks?year=2026&limit=1000`);
    expect(y2026.body.total).toBeGreaterThan(10);
    expect(y2026.body.tasks.every((t: any) => t.years.includes(2026))).toBe(true);
    const docId = y2026.body.tasks[0].docId;
    const inDoc = await getJson(app, `/v1/departments/${enc('省大数据局')}/tasks?docId=${docId}&limit=1000`);
    expect(inDoc.body.tasks.every((t: any) => t.docId === docId)).toBe(true);
    const all = await getJson(app, `/v1/departments/${enc('省大数据局')}/tasks?limit=1000`);
    const page = await getJson(app, `/v1/departments/${enc('省大数据局')}/tasks?limit=5&offset=5`);
    expect(page.body.tasks).toEqual(all.body.tasks.slice(5, 10));
    expect((await getJson(app, `/v1/departments/${enc('省大数据局')}/tasks?limit=1001`)).status).toBe(400);
  });

  it('404s an unknown name with the closest matches', async () => {
    const { status, body } = await getJson(app, `/v1/departments/${enc('省水利局')}/tasks`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('DEPARTMENT_NOT_FOUND');
    expect(body.error.details.suggestions[0]).toBe('省水利厅');
  });
});

describe('GET /v1/departments/:name/tasks.csv', () => {
  it('exports the task list as a UTF-8 CSV with BOM, RFC 4180 quoting and an RFC 5987 file name', async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/departments/${enc('水利厅')}/tasks.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('省水利厅-任务台账.csv');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(['序号', '文件', '条款', '任务名称', '任务内容', '本单位角色', '全部责任单位', '年份', '时限']);
    expect(rows).toHaveLength(9);
    expect(rows.slice(1).map((r) => r[5]).sort()).toEqual(['负责', '负责', '负责', '负责', '负责', '负责', '负责', '配合']);
    // Table tasks hold line breaks: quoting keeps each task on one record.
    expect(rows.slice(1).some((r) => r[4]!.includes('\n'))).toBe(true);
    expect(rows.slice(1).every((r) => r[6]!.includes('省水利厅'))).toBe(true);
  });

  it('404s an unknown department', async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/departments/${enc('省不存在局')}/tasks.csv` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('DEPARTMENT_NOT_FOUND');
  });
});

describe('GET /v1/tasks', () => {
  it('searches task text; each hit carries all its owners', async () => {
    const { status, body } = await getJson(app, `/v1/tasks?q=${enc('水库')}`);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    expect(body.tasks.some((t: any) => t.owners.some((o: any) => o.department === '省水利厅'))).toBe(true);
    for (const t of body.tasks) {
      expect(t.owners.length).toBeGreaterThan(0);
      expect(t.snippet).toContain('<em>');
    }
  });

  it('matches whole words as the clause search does: a word inside a longer word, never its characters apart', async () => {
    // 处理 appears inside longer words (数据处理, 处理能力…); 网络安全 must not match 网络与信息安全.
    for (const q of ['处理', '网络安全', '2025']) {
      const { body } = await getJson(app, `/v1/tasks?q=${enc(q)}&limit=100`);
      expect(body.total, q).toBeGreaterThan(0);
      for (const t of body.tasks) expect(`${t.title ?? ''}${t.text}`, q).toContain(q);
    }
  });

  it('filters by department (any alias), role, document and year', async () => {
    const { body } = await getJson(app, `/v1/tasks?q=${enc('数据')}&department=${enc('大数据局')}&role=lead&limit=100`);
    expect(body.department).toBe('省大数据局');
    expect(body.total).toBeGreaterThan(5);
    for (const t of body.tasks) expect(t.owners).toContainEqual(expect.objectContaining({ department: '省大数据局', role: 'lead' }));
    const listed = await getJson(app, `/v1/tasks?year=2026&limit=100`);
    expect(listed.body.tasks.every((t: any) => t.years.includes(2026))).toBe(true);
    const unknown = await getJson(app, `/v1/tasks?department=${enc('省不存在局')}`);
    expect(unknown.status).toBe(404);
  });
});
