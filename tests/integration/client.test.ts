import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createPolicyKbClient, PolicyKbError, unwrap } from '@policy-kb/client';
import { buildTestApp, getJson } from './helpers.js';
import { resolveExample } from '../../packages/client/examples/resolve.js';
import { batchResolveExample } from '../../packages/client/examples/batch-resolve.js';
import { searchExample } from '../../packages/client/examples/search.js';
import { departmentTasksExample } from '../../packages/client/examples/department-tasks.js';

/** The typed client and its examples, over real HTTP against the server on the shared index. */
let app: FastifyInstance;
let base: string;
beforeAll(async () => {
  app = await buildTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app?.close();
});

describe('@policy-kb/client examples', () => {
  it('resolve', async () => {
    const single = await getJson(app, `/v1/resolve?cite=${encodeURIComponent('网络安全法第二十一条')}`);
    expect(await resolveExample(base)).toEqual({ citation: single.body.citation, url: single.body.url });
  });

  it('batch resolve', async () => {
    const lines = await batchResolveExample(base);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^网络安全法第二十一条 → 《中华人民共和国网络安全法》第二十一条 \/clauses\//);
    expect(lines[1]).toContain('→ 《中华人民共和国数据安全法》第三十一条');
    expect(lines[2]).toMatch(/✗ unresolved: .*79/);
    expect(lines[3]).toMatch(/✗ invalid/);
  });

  it('search', async () => {
    const direct = await getJson(app, `/v1/search?q=${encodeURIComponent('数据安全')}&limit=3`);
    expect(await searchExample(base)).toEqual({ total: direct.body.total, citations: direct.body.hits.map((h: { citation: string }) => h.citation) });
  });

  it("a department's tasks", async () => {
    const direct = await getJson(app, `/v1/departments/${encodeURIComponent('大数据局')}/tasks?role=lead&limit=5`);
    expect(direct.status).toBe(200);
    expect(await departmentTasksExample(base)).toEqual(direct.body);
  });

  it('turns an API error into a PolicyKbError with the code', async () => {
    const kb = createPolicyKbClient(base);
    const res = await kb.GET('/v1/resolve', { params: { query: { cite: '网络安全法第八十条' } } });
    expect(res.response.status).toBe(404);
    expect(() => unwrap(res)).toThrow(PolicyKbError);
    expect(() => unwrap(res)).toThrow(/CITATION_NOT_RESOLVED/);
  });
});
