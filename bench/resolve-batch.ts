/**
 * Batch resolution against single requests, over real HTTP in one run:
 * the same 1,000 mixed citations (resolved, unresolved, malformed —
 * tests/helpers/citation-mix.ts) sent as ONE `POST /v1/resolve` and as 1,000
 * `GET /v1/resolve?cite=` (one after another on a keep-alive connection, and 8
 * at a time). Starts its own Meilisearch and ingests the corpus.
 *
 *   npx tsx bench/resolve-batch.ts [--runs 5]
 *
 * Writes bench/resolve-batch-results.json. Medians of the runs, after a warm-up of each mode.
 */
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { Meilisearch } from 'meilisearch';
import { Pool } from 'undici';
import { startTestMeili } from '../tests/helpers/meili.js';
import { CORPUS_DIR } from '../tests/helpers/corpus.js';
import { buildCitationMix } from '../tests/helpers/citation-mix.js';
import { runIngest } from '../ingest/run-ingest.js';
import { buildApp } from '../src/app.js';

const RESULTS = new URL('./resolve-batch-results.json', import.meta.url);
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function timed(work: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

const meili = await startTestMeili();
try {
  console.log('ingesting the corpus…');
  await runIngest({ client: new Meilisearch({ host: meili.url, apiKey: meili.masterKey }), paths: [CORPUS_DIR] });
  const app = await buildApp({ meili: { host: meili.url, apiKey: meili.masterKey } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const pool = new Pool(origin, { connections: 8, pipelining: 1 });
  try {
    const getJson = async (path: string) => {
      const res = await pool.request({ method: 'GET', path });
      return res.body.json();
    };
    const mix = await buildCitationMix(getJson);
    const cites = mix.map((m) => m.cite);
    const kinds = mix.reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.expect.status]: (acc[m.expect.status] ?? 0) + 1 }), {});

    const batch = async () => {
      const res = await pool.request({ method: 'POST', path: '/v1/resolve', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cites }) });
      const body = (await res.body.json()) as { results: unknown[] };
      if (res.statusCode !== 200 || body.results.length !== cites.length) throw new Error(`batch answered ${res.statusCode}`);
    };
    const single = async (cite: string) => {
      const res = await pool.request({ method: 'GET', path: `/v1/resolve?cite=${encodeURIComponent(cite)}` });
      await res.body.dump();
      // 200 resolved, 404 unresolved, 400 for the empty or over-long ones the batch answers `invalid`.
      if (![200, 400, 404].includes(res.statusCode)) throw new Error(`single answered ${res.statusCode}`);
    };
    const sequential = async () => {
      for (const c of cites) await single(c);
    };
    const concurrent = async (n: number) => {
      let next = 0;
      await Promise.all(Array.from({ length: n }, async () => {
        while (next < cites.length) await single(cites[next++]!);
      }));
    };

    const loadAtStart = loadavg()[0]!;
    console.log('warming up…');
    await batch();
    await sequential();
    await concurrent(8);
    const t = { batch: [] as number[], sequential: [] as number[], concurrent8: [] as number[] };
    for (let r = 0; r < RUNS; r++) {
      t.batch.push(await timed(batch));
      t.sequential.push(await timed(sequential));
      t.concurrent8.push(await timed(() => concurrent(8)));
      console.log(`run ${r + 1}/${RUNS}: batch ${round(t.batch.at(-1)!)} ms, 1,000 singles ${round(t.sequential.at(-1)!)} ms (8 at a time ${round(t.concurrent8.at(-1)!)} ms)`);
    }
    const results = {
      date: new Date().toISOString(),
      // Shared machine: the load says how far the absolute times can be trusted; the ratios are measured side by side.
      machine: { cpus: cpus().length, node: process.version, loadAverage1mAtStart: round(loadAtStart, 2), loadAverage1mAtEnd: round(loadavg()[0]!, 2) },
      citations: cites.length,
      kinds,
      runs: RUNS,
      medianMs: { batchOfAll: round(median(t.batch)), singlesOneAfterAnother: round(median(t.sequential)), singles8AtATime: round(median(t.concurrent8)) },
      allMs: { batch: t.batch.map((x) => round(x)), singles: t.sequential.map((x) => round(x)), singles8: t.concurrent8.map((x) => round(x)) },
      ratio: {
        singlesToBatch: round(median(t.sequential) / median(t.batch)),
        singles8ToBatch: round(median(t.concurrent8) / median(t.batch)),
      },
    };
    await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results.medianMs), JSON.stringify(results.ratio));
  } finally {
    await pool.close();
    await app.close();
  }
} finally {
  await meili.stop();
}
