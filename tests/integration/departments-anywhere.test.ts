/**
 * Bodies from plans of any province, city or district, served by the API: the
 * note-shapes sample (tests/labels/shapes/) ingested into its own Meilisearch.
 * Bodies absent from the registry are departments all the same, with a level,
 * found by every spelling the text used; inherited owners and leaders are kept.
 */
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import { startTestMeili } from '../helpers/meili.js';
import { SHAPES_SAMPLES } from '../helpers/shapes-sample.js';
import { buildApp } from '../../src/app.js';
import { runIngest } from '../../ingest/run-ingest.js';
import { enc, getJson } from './helpers.js';

let meili: Awaited<ReturnType<typeof startTestMeili>>;
let app: FastifyInstance;

beforeAll(async () => {
  meili = await startTestMeili();
  const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
  await runIngest({ client, paths: [fileURLToPath(new URL(SHAPES_SAMPLES.shapes.dir, new URL('../helpers/', import.meta.url)))] });
  app = await buildApp({ meili: { host: meili.url, apiKey: meili.masterKey } });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await meili?.stop();
});

describe('departments of other levels', () => {
  it('lists a district’s bodies with their level, names as written among the abbreviations', async () => {
    const { status, body } = await getJson(app, `/v1/departments?q=${enc('发展改革')}&withTasks=true`);
    expect(status).toBe(200);
    const byName = new Map(body.departments.map((d: any) => [d.name, d]));
    expect(byName.get('区发展改革委')).toMatchObject({ level: 'county', known: false });
    expect((byName.get('区发展改革委') as any).abbreviations).toContain('区发改委');
    expect(byName.get('自治区发展改革委')).toMatchObject({ level: 'provincial', known: false });
    expect(byName.get('市发展改革委')).toMatchObject({ level: 'municipal' });
  });

  it.each([
    ['区发改委', '区发展改革委'],
    ['区发展和改革委员会', '区发展改革委'],
    ['区卫健局', '区卫生健康局'],
    ['自治区工业和信息化厅', '自治区工业和信息化厅'],
    ['市人社局', '市人力资源社会保障局'],
  ])('finds the tasks of %s under any spelling', async (asked, name) => {
    const { status, body } = await getJson(app, `/v1/departments/${enc(asked)}/tasks`);
    expect(status).toBe(200);
    expect(body.department).toMatchObject({ name, requested: asked });
    expect(body.total).toBeGreaterThan(0);
  });

  it('never files a 自治区 document’s bare 工业和信息化厅 under 省…', async () => {
    const { body } = await getJson(app, `/v1/departments/${enc('省工业和信息化厅')}/tasks`);
    expect(body.total).toBe(0);
    const region = await getJson(app, `/v1/departments/${enc('自治区工业和信息化厅')}/tasks`);
    expect(region.body.total).toBe(4);
  });

  it('types collective entries', async () => {
    const { status, body } = await getJson(app, `/v1/departments/${enc('各街办（新区）')}/tasks`);
    expect(status).toBe(200);
    expect(body.department).toMatchObject({ level: 'subdistrict', collective: true });
    expect(body.tasks[0].owners.find((o: any) => o.department === '各街办（新区）')).toMatchObject({ collective: true });
  });
});

describe('inherited owners and leaders', () => {
  it('flags owners handed down and keeps the leader apart', async () => {
    const { body } = await getJson(app, `/v1/departments/${enc('各街道办事处')}/tasks`);
    expect(body.total).toBe(3);
    for (const t of body.tasks) expect(t.owners.find((o: any) => o.department === '各街道办事处')).toMatchObject({ inherited: true, role: 'responsible' });
    const led = await getJson(app, `/v1/tasks?q=${enc('数据中心集群')}`);
    const task = led.body.tasks.find((t: any) => t.text.includes('数据中心集群'));
    expect(task.leader).toBe('黄某某副主席');
    expect(task.owners.map((o: any) => o.department)).not.toContain('黄某某副主席');
  });
});
