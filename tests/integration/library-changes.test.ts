import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Meilisearch } from 'meilisearch';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildApp } from '../../src/app.js';
import { runIngest } from '../../ingest/run-ingest.js';
import { startTestMeili, type TestMeili } from '../helpers/meili.js';
import { multipart, pollSearches } from './library-helpers.js';

/**
 * Incremental changes through the admin API, against a real engine of their
 * own (these tests change the library; the shared one must stay as ingested).
 * The library: two synthetic documents, one citing a regulation by title that
 * is not in it yet (tests/fixtures/library/).
 */
const FIXTURES = new URL('../fixtures/library/', import.meta.url).pathname;
const TOKEN = process.env.ADMIN_TOKEN ?? 'test-admin-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };
const REGULATION = '某某省公共数据管理条例';
const PLAN = '某某市公共数据开放实施方案';

let meili: TestMeili;
let app: FastifyInstance;
let client: Meilisearch;
let corpusDir: string;

beforeAll(async () => {
  meili = await startTestMeili();
  corpusDir = await mkdtemp(path.join(tmpdir(), 'policy-kb-library-'));
  await cp(path.join(FIXTURES, 'base'), corpusDir, { recursive: true });
  client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
  await runIngest({ client, paths: [corpusDir] });
  app = await buildApp({
    meili: { host: meili.url, apiKey: meili.masterKey },
    admin: { token: TOKEN, corpusDir, maxUploadBytes: 256 * 1024, meili: { host: meili.url, apiKey: meili.masterKey } },
  });
});
afterAll(async () => {
  await app?.close();
  await meili?.stop();
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body };
};
const docIdOf = async (title: string): Promise<string | undefined> =>
  (await get('/v1/documents?limit=200')).body.documents.find((d: any) => d.title === title)?.id;

async function upload(file: string, opts: { metadata?: object; name?: string; method?: 'POST' | 'PUT'; url?: string } = {}) {
  const bytes = await readFile(path.join(FIXTURES, 'new', file));
  const { body, contentType } = multipart([{ name: opts.name ?? file, bytes }], opts.metadata);
  const res = await app.inject({
    method: opts.method ?? 'POST',
    url: `${opts.url ?? '/v1/admin/documents'}?wait=110`,
    headers: { ...auth, 'content-type': contentType },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() };
}

/** Every reference that names a clause names one that exists; every citing clause exists too. */
async function danglingReferences(): Promise<string[]> {
  const refs = (await client.index('references').getDocuments({ limit: 10_000, fields: ['id', 'fromClauseId', 'toClauseId'] })).results;
  const ids = new Set((await client.index('clauses').getDocuments({ limit: 100_000, fields: ['id'] })).results.map((c) => c.id as string));
  return refs.flatMap((r) => [r.toClauseId, r.fromClauseId].filter((c): c is string => typeof c === 'string' && !ids.has(c)));
}

function parseAtom(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml);
  const feed = doc.feed;
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  // RFC 4287 4.1.1: a feed has an id, a title, an updated date and (here, at feed level) an author.
  for (const k of ['id', 'title', 'updated', 'author']) expect(feed[k]).toBeDefined();
  expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
  const entries = (feed.entry ?? []) as any[];
  for (const e of entries) {
    for (const k of ['id', 'title', 'updated']) expect(e[k]).toBeDefined();
    expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
    expect(String(e.id)).toMatch(/^https?:\/\//);
    expect(e.link.some((l: any) => l['@_rel'] === 'alternate' && l['@_href'])).toBe(true);
  }
  return { feed, entries };
}

describe('admin API: the token', () => {
  const routes = [
    { method: 'POST', url: '/v1/admin/documents' },
    { method: 'PUT', url: '/v1/admin/documents/doc-000000000000' },
    { method: 'DELETE', url: '/v1/admin/documents/doc-000000000000' },
    { method: 'GET', url: '/v1/admin/jobs/job-0000000000000000' },
  ] as const;
  it.each(routes)('$method $url: 401 without a token, 403 with a wrong one', async ({ method, url }) => {
    const none = await app.inject({ method, url });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHORIZED');
    const basic = await app.inject({ method, url, headers: { authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` } });
    expect(basic.statusCode).toBe(401);
    for (const wrong of [`${TOKEN}x`, TOKEN.slice(0, -1), 'x']) {
      const res = await app.inject({ method, url, headers: { authorization: `Bearer ${wrong}` } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('is in the OpenAPI document, with its bearer scheme', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/admin/documents', '/v1/admin/documents/{id}', '/v1/admin/jobs/{id}', '/v1/changes', '/feeds/search.atom']));
    expect(spec.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });

  it('does not exist without ADMIN_TOKEN', async () => {
    const plain = await buildApp({ meili: { host: meili.url, apiKey: meili.masterKey } });
    try {
      expect((await plain.inject({ method: 'POST', url: '/v1/admin/documents', headers: auth })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('with the token: unknown documents and jobs are 404, other files 415, oversized ones 413', async () => {
    expect((await app.inject({ method: 'DELETE', url: '/v1/admin/documents/doc-000000000000', headers: auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/v1/admin/jobs/job-0000000000000000', headers: auth })).statusCode).toBe(404);
    const docx = multipart([{ name: 'notes.docx', bytes: Buffer.from('PK\u0003\u0004') }]);
    const res = await app.inject({ method: 'POST', url: '/v1/admin/documents', headers: { ...auth, 'content-type': docx.contentType }, payload: docx.body });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.details[0].rule).toBe('read/unsupported');
    const big = multipart([{ name: 'big.txt', bytes: Buffer.alloc(300 * 1024, 0x41) }]);
    const tooBig = await app.inject({ method: 'POST', url: '/v1/admin/documents', headers: { ...auth, 'content-type': big.contentType }, payload: big.body });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('a library that grows', () => {
  let regulation: string;
  let searchFeedBefore: string[];

  it('before: the plan cites the regulation by title, unresolved; the saved-search feed is empty', async () => {
    const planId = (await docIdOf(PLAN))!;
    const out = await get(`/v1/documents/${planId}/references?direction=out`);
    expect(out.status).toBe(200);
    expect(out.body.documents.some((d: any) => d.docId)).toBe(false);
    const feed = parseAtom((await get(`/feeds/search.atom?q=${encodeURIComponent('开放目录')}`)).body);
    searchFeedBefore = feed.entries.map((e) => String(e.id));
    expect(searchFeedBefore).toEqual([]);
  });

  it('adding the regulation links the old citation to it, both ways, while searches keep answering', async () => {
    const load = pollSearches(app, ['公共数据', '开放目录', '数字经济']);
    const res = await upload('public-data-regulation.txt', { metadata: { issuer: '某某省人民代表大会常务委员会', date: '2026-01-15' } });
    const searches = await load.stop();
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('done');
    expect(res.body.report.changes).toEqual([expect.objectContaining({ action: 'added', title: REGULATION })]);
    expect(searches.count).toBeGreaterThan(0);
    expect(searches.errors).toEqual([]);

    regulation = (await docIdOf(REGULATION))!;
    expect(regulation).toBeDefined();
    const doc = await get(`/v1/documents/${regulation}`);
    expect(doc.body).toMatchObject({ issuer: '某某省人民代表大会常务委员会', date: '2026-01-15', kind: 'regulation' });
    // Incoming: the plan now cites it.
    const incoming = await get(`/v1/documents/${regulation}/references?direction=in`);
    expect(incoming.body.documents.map((d: any) => d.title)).toContain(PLAN);
    // Outgoing from the plan: 第八条 resolved to the new regulation's clause.
    const planId = (await docIdOf(PLAN))!;
    const refs = (await client.index('references').getDocuments({ filter: `fromDocId = "${planId}"`, limit: 100 })).results;
    const art8 = refs.find((r) => String(r.normalized).endsWith('第八条'));
    expect(art8).toMatchObject({ status: 'resolved', toDocId: regulation });
    const clause = await get(`/v1/clauses/${art8!.toClauseId}`);
    expect(clause.status).toBe(200);
    expect(clause.body.label).toBe('第八条');
    expect(clause.body.references.incoming.some((x: any) => x.from?.docId === planId || String(x.from?.citation ?? '').includes(PLAN))).toBe(true);
    expect(await danglingReferences()).toEqual([]);
    // The file is kept in the library, its metadata in the manifest.
    expect(await readdir(corpusDir)).toContain('public-data-regulation.txt');
    const manifest = JSON.parse(await readFile(path.join(corpusDir, 'manifest.json'), 'utf8'));
    expect(manifest.files['public-data-regulation.txt'].issuer).toBe('某某省人民代表大会常务委员会');
  });

  it('the feeds show it: /v1/changes, documents.atom by kind and issuer, and the saved search read before', async () => {
    const changes = await get('/v1/changes?since=0');
    expect(changes.body.changes).toEqual([expect.objectContaining({ action: 'added', docId: regulation, seq: 1, url: `/v1/documents/${regulation}` })]);
    expect((await get(`/v1/changes?since=${changes.body.next}`)).body.changes).toEqual([]);
    expect((await get(`/v1/changes?since=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).body.changes).toHaveLength(1);
    expect((await get('/v1/changes?since=yesterday')).status).toBe(400);

    const all = parseAtom((await get('/feeds/documents.atom')).body);
    expect(all.entries.map((e) => e.title)).toEqual([`《${REGULATION}》`]);
    expect(parseAtom((await get('/feeds/documents.atom?kind=regulation')).body).entries).toHaveLength(1);
    expect(parseAtom((await get('/feeds/documents.atom?kind=plan')).body).entries).toHaveLength(0);
    expect(parseAtom((await get(`/feeds/documents.atom?issuer=${encodeURIComponent('某某省人民代表大会常务委员会')}`)).body).entries).toHaveLength(1);
    expect(parseAtom((await get(`/feeds/documents.atom?issuer=${encodeURIComponent('国务院')}`)).body).entries).toHaveLength(0);

    const saved = parseAtom((await get(`/feeds/search.atom?q=${encodeURIComponent('开放目录')}`)).body);
    const fresh = saved.entries.filter((e) => !searchFeedBefore.includes(String(e.id)));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((e) => e.link[0]['@_href'].includes(`/v1/clauses/${regulation}--`))).toBe(true);
    expect(fresh.some((e) => String(e.title).includes('第八条'))).toBe(true);
    // Filters narrow a saved search like a search.
    expect(parseAtom((await get(`/feeds/search.atom?q=${encodeURIComponent('开放目录')}&docKind=plan`)).body).entries).toEqual([]);
  });

  it('a copy of a document already there is merged, listed as a second source', async () => {
    const before = (await get('/health')).body.documents;
    const res = await upload('open-data-plan-copy.txt');
    expect(res.body.status).toBe('done');
    expect(res.body.report.changes).toEqual([expect.objectContaining({ action: 'merged', title: PLAN })]);
    expect((await get('/health')).body.documents).toBe(before);
    const plan = await get(`/v1/documents/${await docIdOf(PLAN)}`);
    expect(plan.body.sources.map((s: any) => s.path).sort()).toEqual(['open-data-plan-copy.txt', 'open-data-plan.txt']);
    expect(await danglingReferences()).toEqual([]);
  });

  it('a corrupt file fails the job with its per-file error, and nothing changes', async () => {
    const docsBefore = (await client.index('documents').getDocuments({ limit: 100, fields: ['id', 'sources'] })).results;
    const filesBefore = (await readdir(corpusDir)).sort();
    const changesBefore = (await get('/v1/changes')).body.changes.length;
    const res = await upload('broken.pdf');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('failed');
    expect(res.body.error.files).toEqual([expect.objectContaining({ path: 'broken.pdf', rule: 'read/corrupt-pdf' })]);
    expect(res.body.error.message).toMatch(/nothing was changed/);
    expect((await client.index('documents').getDocuments({ limit: 100, fields: ['id', 'sources'] })).results).toEqual(docsBefore);
    expect((await readdir(corpusDir)).sort()).toEqual(filesBefore);
    expect((await get('/v1/changes')).body.changes).toHaveLength(changesBefore);
    // The job stays readable.
    const job = await app.inject({ method: 'GET', url: res.body.url, headers: auth });
    expect(job.json()).toMatchObject({ status: 'failed', id: res.body.id });
  });

  it('replacing the regulation keeps its id and records a replacement', async () => {
    const text = (await readFile(path.join(FIXTURES, 'new', 'public-data-regulation.txt'), 'utf8')).replace('第十条 本条例自2026年3月1日起施行。', '第十条 公共数据开放应当遵守保密规定。\n\n第十一条 本条例自2026年5月1日起施行。');
    const { body, contentType } = multipart([{ name: 'public-data-regulation-2026.txt', bytes: Buffer.from(text) }]);
    const res = await app.inject({ method: 'PUT', url: `/v1/admin/documents/${regulation}?wait=110`, headers: { ...auth, 'content-type': contentType }, payload: body });
    expect(res.json().status).toBe('done');
    expect(res.json().report.changes).toEqual([expect.objectContaining({ action: 'replaced', docId: regulation })]);
    const doc = await get(`/v1/documents/${regulation}`);
    expect(doc.body.counts.article).toBe(11);
    expect(doc.body.sources.map((s: any) => s.path)).toEqual(['public-data-regulation-2026.txt']);
    const files = await readdir(corpusDir);
    expect(files).toContain('public-data-regulation-2026.txt');
    expect(files).not.toContain('public-data-regulation.txt');
    expect(await danglingReferences()).toEqual([]);
  });

  it('removing it leaves the citation unresolved and nothing pointing at a missing clause, while searches keep answering', async () => {
    const load = pollSearches(app, ['公共数据', '开放目录', '数字经济']);
    const res = await app.inject({ method: 'DELETE', url: `/v1/admin/documents/${regulation}?wait=110`, headers: auth });
    const searches = await load.stop();
    expect(res.json().status).toBe('done');
    expect(res.json().report.changes).toEqual([expect.objectContaining({ action: 'removed', docId: regulation })]);
    expect(searches.errors).toEqual([]);
    expect((await get(`/v1/documents/${regulation}`)).status).toBe(404);
    const planId = (await docIdOf(PLAN))!;
    const refs = (await client.index('references').getDocuments({ filter: `fromDocId = "${planId}"`, limit: 100 })).results;
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => r.status !== 'resolved' && !r.toDocId && !r.toClauseId)).toBe(true);
    expect(await danglingReferences()).toEqual([]);
    expect((await client.index('clauses').getDocuments({ filter: `docId = "${regulation}"`, limit: 1 })).results).toEqual([]);
    expect(await readdir(corpusDir)).not.toContain('public-data-regulation-2026.txt');
    expect((await get('/v1/changes?since=0')).body.changes.map((c: any) => c.action)).toEqual(['added', 'merged', 'replaced', 'removed']);
  });

  it('a full re-ingest of the library reproduces it, and the change log survives it', async () => {
    const snapshot = async () => ({
      documents: (await client.index('documents').getDocuments({ limit: 100, fields: ['id', 'title', 'sources', 'issuer', 'aliases', 'order'] })).results,
      references: (await client.index('references').getDocuments({ limit: 1000, fields: ['id', 'status', 'toDocId', 'toClauseId', 'fromClauseId'] })).results,
      clauses: (await client.index('clauses').getDocuments({ limit: 100_000, fields: ['id', 'text', 'docId'] })).results,
      departments: (await client.index('departments').getDocuments({ limit: 1000, fields: ['id', 'counts'] })).results,
    });
    const byId = (xs: any[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    const incremental = await snapshot();
    await runIngest({ client, paths: [corpusDir] });
    const full = await snapshot();
    for (const k of Object.keys(full) as Array<keyof typeof full>) expect(byId(incremental[k])).toEqual(byId(full[k]));
    expect((await get('/v1/changes?since=0')).body.changes).toHaveLength(4);
  });
});
