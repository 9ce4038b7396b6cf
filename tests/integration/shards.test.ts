import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Meilisearch } from 'meilisearch';
import { buildApp } from '../../src/app.js';
import { ensureReadKey } from '../../meili/keys.js';
import { combineEngineStatus, linkShards, shardName } from '../../meili/shards.js';
import { superviseEmbeddedMeili, type SupervisedMeili } from '../../meili/supervise.js';
import { runIngest } from '../../ingest/run-ingest.js';
import { shardOf } from '../../core/index/shard-of.js';
import { loadJudgments, type JudgedQuery } from '../eval/judgments.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { buildTestApp, enc, getJson } from './helpers.js';

/**
 * The library spread over two real, supervised Meilisearch instances linked
 * by Meilisearch's `network` feature, ingested from the real corpus, against
 * the shared single instance holding the same corpus: the same totals, facets
 * and match levels for every hand-judged query of the evaluation, and a first
 * page whose order differs only among clauses of equal score; a shard killed mid-searches gives 503 SEARCH_UNAVAILABLE, never
 * a 500 and never a silently short page, and searches recover once the
 * supervisor has restarted it.
 */
let single: FastifyInstance;
let sharded: FastifyInstance;
let shards: SupervisedMeili[] = [];
const dirs: string[] = [];
let judged: JudgedQuery[];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const dir = await mkdtemp(join(tmpdir(), 'policy-kb-shard-'));
    dirs.push(dir);
    shards.push(await superviseEmbeddedMeili({ dataDir: dir, logLevel: 'ERROR', backoffMs: 100 }));
  }
  const clients = shards.map((s) => new Meilisearch({ host: s.url, apiKey: s.masterKey }));
  const keys = await Promise.all(clients.map((c) => ensureReadKey(c)));
  await linkShards(
    shards.map((s, i) => ({ name: shardName(i), url: s.url, masterKey: s.masterKey })),
    keys,
  );
  await runIngest({ client: clients[0]!, shards: clients.slice(1), paths: [CORPUS_DIR] });
  single = await buildTestApp();
  sharded = await buildApp({
    meili: { host: shards[0]!.url, apiKey: keys[0], remotes: shards.map((_, i) => shardName(i)), timeoutMs: 5000 },
    engine: () => combineEngineStatus(shards.map((s) => s.status())),
  });
  judged = await loadJudgments();
});

afterAll(async () => {
  await sharded?.close();
  await single?.close();
  await Promise.allSettled(shards.map((s) => s.stop()));
  await Promise.allSettled(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** What must be the same over one instance and over shards. */
function comparable(body: any) {
  return {
    total: body.total,
    totalAllWords: body.totalAllWords,
    matchingStrategy: body.matchingStrategy,
    partial: body.hits.map((h: { partial: boolean }) => h.partial),
    facets: body.facets,
  };
}
const idsOf = (body: any): string[] => body.hits.map((h: { id: string }) => h.id);

describe('two shards answer as one instance', () => {
  it('puts every clause of a document on one shard, and uses both shards', async () => {
    const home = new Meilisearch({ host: shards[0]!.url, apiKey: shards[0]!.masterKey });
    const other = new Meilisearch({ host: shards[1]!.url, apiKey: shards[1]!.masterKey });
    const docIds = async (c: Meilisearch) =>
      Object.keys((await c.index('clauses').search('', { facets: ['docId'], limit: 0 })).facetDistribution?.docId ?? {});
    const [a, b] = await Promise.all([docIds(home), docIds(other)]);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    for (const id of a) expect(shardOf(id, 2)).toBe(0);
    for (const id of b) expect(shardOf(id, 2)).toBe(1);
    // The small indexes stay whole on the home shard.
    expect((await other.getRawIndexes()).results.map((i) => i.uid).sort()).toEqual(['clauses']);
  });

  it('counts the same clauses in /health', async () => {
    const [one, two] = await Promise.all([getJson(single, '/health'), getJson(sharded, '/health')]);
    expect(two.status).toBe(200);
    expect(two.body.clauses).toBe(one.body.clauses);
    expect(two.body.documents).toBe(one.body.documents);
  });

  it('gives the same totals, facets and match levels for every hand-judged query, and a first page that differs only in the order of ties', async () => {
    expect(judged.length).toBeGreaterThan(30);
    const differences: string[] = [];
    let sameOrder = 0;
    for (const j of judged) {
      const url = `/v1/search?q=${enc(j.query)}&limit=10&facets=true`;
      const [one, two] = await Promise.all([getJson(single, url), getJson(sharded, url)]);
      expect(two.status, `${j.id}: ${JSON.stringify(two.body)}`).toBe(one.status);
      if (one.status !== 200) continue;
      const a = comparable(one.body);
      const b = comparable(two.body);
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${j.id} (${j.query}): ${JSON.stringify(a)}\n  vs ${JSON.stringify(b)}`);
      if (JSON.stringify(idsOf(one.body)) === JSON.stringify(idsOf(two.body))) sameOrder++;
    }
    expect(differences, differences.join('\n')).toEqual([]);
    console.info(`shards: ${sameOrder} of ${judged.length} judged first pages in the same order as one instance`);
    // Measured 2026-12-03: 54 of 81 first pages list the same clauses in the same order; the others differ only among
    // clauses of equal ranking score (checked on the engine's own scores below). README "Sharding".
    expect(sameOrder).toBeGreaterThan(judged.length / 3);
  });

  it('ranks with the same scores, position by position: a different order is always among equal scores', async () => {
    const home = new Meilisearch({ host: shards[0]!.url, apiKey: shards[0]!.masterKey });
    const { url, masterKey } = inject('meili');
    const one = new Meilisearch({ host: url, apiKey: masterKey });
    const round = (x: number) => x.toFixed(9);
    for (const j of judged) {
      const params = { filter: 'isUnit = true', limit: 20, showRankingScore: true, attributesToRetrieve: ['id'] };
      const a = await one.index('clauses').search(j.query, params);
      const b = await home.multiSearch({
        federation: { limit: 20 },
        queries: shards.map((_, i) => ({ indexUid: 'clauses', q: j.query, filter: 'isUnit = true', attributesToRetrieve: ['id'], federationOptions: { remote: shardName(i) } })),
      } as never);
      const scoresA = a.hits.map((h) => round(h._rankingScore!));
      const scoresB = (b as unknown as { hits: Array<{ _federation: { weightedRankingScore: number } }> }).hits.map((h) => round(h._federation.weightedRankingScore));
      expect(scoresB, j.id).toEqual(scoresA);
      expect((b as unknown as { estimatedTotalHits: number }).estimatedTotalHits, j.id).toBe(a.estimatedTotalHits);
    }
  });

  it('pages the same past the first page, and sorts by date the same', async () => {
    for (const url of ['/v1/search?q=数据&limit=10&offset=30', '/v1/search?q=安全&sort=newest&limit=15', '/v1/search?q="数据安全"&limit=10&facets=true']) {
      const [one, two] = await Promise.all([getJson(single, url), getJson(sharded, url)]);
      expect(two.status).toBe(200);
      expect(comparable(two.body), url).toEqual(comparable(one.body));
      if (url.includes('sort=')) expect(idsOf(two.body).length).toBe(idsOf(one.body).length);
    }
  });

  it('reads a clause by id from whichever shard holds it', async () => {
    const page = await getJson(single, `/v1/search?q=${enc('数据')}&limit=20`);
    for (const h of page.body.hits.slice(0, 5)) {
      const [one, two] = await Promise.all([getJson(single, h.url), getJson(sharded, h.url)]);
      expect(two.status, h.url).toBe(200);
      expect(two.body.id).toBe(one.body.id);
    }
  });
});

describe('citations over shards', () => {
  it('resolves and extracts citations the same (the resolver reads every article through the federation)', async () => {
    const text = '根据《中华人民共和国数据安全法》第三十一条和网络安全法第二十一条，参照国发〔2015〕50号文件。';
    const [one, two] = await Promise.all(
      [single, sharded].map((app) => app.inject({ method: 'POST', url: '/v1/citations/extract', payload: { text } })),
    );
    expect(two!.statusCode).toBe(200);
    expect(two!.json()).toEqual(one!.json());
    expect(JSON.stringify(one!.json())).toMatch(/clauseId|clause/);
  });
});

describe('a shard that dies', () => {
  it('answers 503 SEARCH_UNAVAILABLE while it is down, never a 500, and recovers when the supervisor brings it back', async () => {
    const url = `/v1/search?q=${enc('数据安全')}&limit=10&facets=true`;
    const whole = (body: any) => ({ ...comparable(body), ids: idsOf(body) });
    const before = whole((await getJson(sharded, url)).body);
    const victim = shards[1]!;
    const pid = victim.pid();
    const statuses: number[] = [];
    process.kill(pid, 'SIGKILL');
    let recoveredAt: number | undefined;
    const t0 = Date.now();
    while (Date.now() - t0 < 60_000) {
      const res = await sharded.inject({ method: 'GET', url });
      statuses.push(res.statusCode);
      if (res.statusCode === 503) {
        expect(res.json().error.code).toBe('SEARCH_UNAVAILABLE');
        expect(res.headers['retry-after']).toBeDefined();
      }
      // Every 200 is the whole answer — before the kill lands, or after the restart; never a page short of a shard.
      if (res.statusCode === 200) expect(whole(res.json())).toEqual(before);
      if (res.statusCode === 200 && statuses.includes(503)) {
        recoveredAt = Date.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(statuses).toContain(503);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(recoveredAt, `statuses: ${statuses.join(',')}`).toBeDefined();
    // A whole answer means shard 1 answered again; the supervisor's own bookkeeping (new pid, restart count) can lag it a little.
    for (const t1 = Date.now(); (victim.status().restarts < 1 || victim.status().state !== 'up') && Date.now() - t1 < 15_000; ) await new Promise((r) => setTimeout(r, 50));
    expect(victim.pid()).not.toBe(pid);
    expect(victim.status().restarts).toBe(1);
  });
});
