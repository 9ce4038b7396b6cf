/**
 * `npx tsx bench/shards-bench.ts`: search latency of the API
 * over 1, 2 and 3 local Meilisearch shards (Meilisearch's network feature, one
 * federated multi-search per search), at 1 client (sequential, microsecond
 * clock) and 32 clients (autocannon), on the real corpus, each configuration
 * ingested fresh. Writes bench/results-shards.json.
 *
 * On this machine every shard shares the same 2 cores with the API and the
 * load generator: the figures measure what federation COSTS (a coordinator
 * hop, one more process per query, a merge), not what it gains — see the
 * README's "Sharding" section for the projection to one machine per shard.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFile } from 'node:fs/promises';
import { Meilisearch } from 'meilisearch';
import { buildApp } from '../src/app.js';
import { ensureReadKey } from '../meili/keys.js';
import { linkShards, shardName } from '../meili/shards.js';
import { runIngest } from '../ingest/run-ingest.js';
import { startTestMeili, type TestMeili } from '../tests/helpers/meili.js';
import { loadJudgments } from '../tests/eval/judgments.js';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as (o: Record<string, unknown>) => Promise<{ latency: { p50: number; p99: number }; requests: { average: number }; errors: number; non2xx: number }>;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const SEQUENTIAL_ROUNDS = 3;
const DURATION = 5;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2);
};

async function main() {
  const queries = (await loadJudgments()).map((j) => `/v1/search?q=${encodeURIComponent(j.query)}&limit=10`);
  const work = await mkdtemp(path.join(tmpdir(), 'policy-kb-shards-bench-'));
  const corpus = path.join(ROOT, 'corpus');
  const results: Record<string, unknown> = {
    measuredAt: new Date().toISOString(),
    machine: '2 shared cores: every shard, the API and the load generator on them (overhead, not gain)',
    corpus: 'real corpus',
    queries: queries.length,
    configs: [] as unknown[],
  };
  for (const n of [1, 2, 3]) {
    const shards: TestMeili[] = [];
    for (let i = 0; i < n; i++) shards.push(await startTestMeili());
    try {
      const clients = shards.map((s) => new Meilisearch({ host: s.url, apiKey: s.masterKey }));
      const keys = await Promise.all(clients.map((c) => ensureReadKey(c)));
      await linkShards(shards.map((s, i) => ({ name: shardName(i), url: s.url, masterKey: s.masterKey })), keys);
      const t0 = performance.now();
      const report = await runIngest({ client: clients[0]!, shards: clients.slice(1), paths: [corpus] });
      const ingestSeconds = +((performance.now() - t0) / 1000).toFixed(1);
      const app = await buildApp({ meili: { host: shards[0]!.url, apiKey: keys[0], ...(n > 1 ? { remotes: shards.map((_, i) => shardName(i)) } : {}) } });
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      // Warm-up, then one client, one request at a time.
      for (const q of queries) await fetch(url + q).then((r) => r.text());
      const times: number[] = [];
      for (let r = 0; r < SEQUENTIAL_ROUNDS; r++) {
        for (const q of queries) {
          const t = performance.now();
          const res = await fetch(url + q);
          await res.text();
          if (res.status !== 200) throw new Error(`${q}: ${res.status}`);
          times.push(performance.now() - t);
        }
      }
      const requests = queries.map((p) => ({ method: 'GET', path: p }));
      await autocannon({ url, connections: 32, duration: 1, requests });
      const c32 = await autocannon({ url, connections: 32, duration: DURATION, requests });
      await app.close();
      const row = {
        shards: n,
        clauses: report.clauses,
        ingestSeconds,
        oneClient: { p50: pct(times, 50), p99: pct(times, 99), requests: times.length },
        clients32: { p50: c32.latency.p50, p99: c32.latency.p99, requestsPerSecond: +c32.requests.average.toFixed(1), errors: c32.errors + c32.non2xx },
      };
      console.log(JSON.stringify(row));
      (results.configs as unknown[]).push(row);
    } finally {
      await Promise.allSettled(shards.map((s) => s.stop()));
    }
  }
  await rm(work, { recursive: true, force: true });
  const out = path.join(HERE, 'results-shards.json');
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written ${path.relative(ROOT, out)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
