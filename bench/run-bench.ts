/**
 * `npm run bench [-- --quick]`: benchmarks, reported as ratios measured in one
 * run, written to bench/results.json (see bench/README.md).
 *
 * 1. Ingest of the real corpus: wall time and peak memory split into read,
 *    parse, segmentation, conversion and indexing, against the time
 *    Meilisearch alone takes to index the same final documents.
 * 2. Search: GET /v1/search under 1, 8 and 32 concurrent clients (autocannon)
 *    against the very requests the API sent for the same queries, sent
 *    straight to Meilisearch.
 * 3. Scale: a synthetic corpus 20× the real one (bench/scale-corpus.ts):
 *    ingest time, peak memory and search latency, and how they grow.
 *
 * Everything runs on 127.0.0.1 with fresh Meilisearch servers (one at a time,
 * so runs do not compete); request counts and durations are bounded.
 *
 * `--only search` runs part 2 alone, on the real corpus (ingested first, not
 * timed), into bench/results-search.json: a quick loop for search work.
 */
import { createLexiconSource } from '../src/services/query/index.js';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Meilisearch, type SearchParams } from 'meilisearch';
import { startTestMeili, type TestMeili } from '../tests/helpers/meili.js';
import { CORPUS_DIR, readRealCorpus } from '../tests/helpers/corpus.js';
import { loadJudgments } from '../tests/eval/judgments.js';
import { loadManifest, runIngest } from '../ingest/run-ingest.js';
import { MANIFEST_FILE } from '../ingest/corpus/manifest.js';
import { loadDepartmentRegistry } from '../core/departments/index.js';
import { createSegmenter, segmenterWords } from '../core/segment/index.js';
import { INDEX } from '../core/index/index-names.js';
import { createIndexReader, type IndexReader } from '../src/services/index-reader.js';
import { createSearchService } from '../src/services/search-service.js';
import { SearchQuery } from '../src/schemas/search.js';
import { scaleCorpus } from './scale-corpus.js';

const require = createRequire(import.meta.url);
interface CannonResult {
  latency: { p50: number; p90: number; p97_5: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type CannonRequest = { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<CannonResult>;

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const QUICK = process.argv.includes('--quick');
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (ONLY !== undefined && ONLY !== 'search') throw new Error(`--only takes "search", not ${ONLY}`);
/**
 * Requests each target serves before one-client latencies are recorded. The
 * API is JavaScript: V8 keeps optimizing its per-request code over the first
 * ~2,000 requests (seen with --trace-opt; the API's median fell from ~1.8× to
 * ~1.45× Meilisearch's over them), while Meilisearch is compiled ahead of time.
 * Recording right after start compared a cold JIT with a native binary, not
 * the latency a running API serves (bench/README.md). The first rounds are
 * still reported, as `cold`.
 */
const WARMUP_REQUESTS = QUICK ? 1000 : 3000;
const SCALE = QUICK ? 3 : 20;
const DURATION = QUICK ? 3 : 8;
const CONCURRENCY = [1, 8, 32];

const log = (line: string) => console.error(`[bench] ${line}`);

/**
 * V8 old-space cap for the measured ingests, MB. The streamed ingest holds the
 * plan plus one file's documents (≈ 90 MB of live heap at 20×); the in-memory
 * pipeline it replaced ran out of heap under this cap on the 20× corpus.
 */
const INGEST_HEAP_CAP_MB = 128;
export const ratio = (a: number, b: number) => +(a / b).toFixed(2);

/** Runs a TypeScript file under tsx in a child process; resolves with its last stdout line as JSON. */
export function runTs<T>(
  file: string,
  args: string[],
  opts: { keepAlive?: boolean; nodeFlags?: string[] } = {},
): Promise<T> & { child?: ReturnType<typeof spawn> } {
  const child = spawn(process.execPath, [...(opts.nodeFlags ?? []), '--import', 'tsx', path.join(HERE, file), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const p = new Promise<T>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.trim().split('\n');
      if (opts.keepAlive && lines[0]?.startsWith('{')) resolve(JSON.parse(lines[0]) as T);
    });
    child.on('exit', (code) => {
      if (opts.keepAlive) return;
      if (code !== 0) return reject(new Error(`${file} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as T);
    });
  }) as Promise<T> & { child?: ReturnType<typeof spawn> };
  p.child = child;
  return p;
}

export interface FullIngest {
  files: number;
  characters: number;
  documents: number;
  clauses: number;
  seconds: { survey: number; build: number; segment: number; index: number; total: number };
  peakRssMb: number;
  /** RSS before the first document (Node, code, nodejieba's dictionaries). */
  baselineRssMb: number;
  /** Largest heap left after a major GC: what the ingest holds. */
  liveHeapMb: number;
}

/** What the service asks Meilisearch for each query: to send the same requests straight. */
async function captureRequests(reader: IndexReader, queries: string[]) {
  const registry = await loadDepartmentRegistry();
  const segmenter = createSegmenter({ userWords: segmenterWords(registry) });
  const calls: Array<{ q: string; params: SearchParams }> = [];
  const recording: IndexReader = {
    ...reader,
    search: (index, q, params) => {
      if (index === INDEX.clauses) calls.push({ q, params: params ?? {} });
      return reader.search(index, q, params);
    },
  };
  const svc = createSearchService({ reader: recording, segmenter, registry, lexicon: createLexiconSource(reader) });
  const out: Array<{ query: string; meili: Array<{ q: string; params: SearchParams }> }> = [];
  for (const query of queries) {
    calls.length = 0;
    await svc.search(SearchQuery.parse({ q: query, limit: '10' }));
    out.push({ query, meili: calls.slice() });
  }
  return out;
}

function summary(r: CannonResult) {
  return {
    p50: r.latency.p50,
    p90: r.latency.p90,
    // autocannon's histogram has no p95; its nearest percentile above.
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    mean: +r.latency.average.toFixed(2),
    requestsPerSecond: +r.requests.average.toFixed(1),
    requests: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/**
 * One client, one request at a time, timed with a microsecond clock (autocannon
 * rounds latencies to whole milliseconds, too coarse when Meilisearch answers in
 * ~1 ms). The targets take turns request by request, so drift in the machine's
 * load hits them alike. Each target first serves at least `warmupRequests`
 * (see WARMUP_REQUESTS), of which the first `rounds` rounds are reported as
 * `cold`. Returns latency percentiles per target, in ms.
 */
async function sequentialTurns(targets: Array<{ url: string; requests: CannonRequest[] }>, rounds: number, warmupRequests: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (base: string, r: CannonRequest) =>
    new Promise<number>((resolve, reject) => {
      const u = new URL(r.path, base);
      const t0 = process.hrtime.bigint();
      const req = http.request(u, { method: r.method, agent, headers: { ...(r.headers ?? {}), ...(r.body ? { 'content-length': String(Buffer.byteLength(r.body)) } : {}) } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`${u} → ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(r.body);
    });
  const perRound = targets[0]!.requests.length;
  const warmupRounds = Math.max(rounds, Math.ceil(warmupRequests / perRound));
  const warm = targets.map(() => [] as number[]);
  const cold = targets.map(() => [] as number[]);
  for (let round = -warmupRounds; round < rounds; round++) {
    for (let i = 0; i < perRound; i++) {
      for (let t = 0; t < targets.length; t++) {
        const ms = await send(targets[t]!.url, targets[t]!.requests[i]!);
        if (round >= 0) warm[t]!.push(ms);
        else if (round < rounds - warmupRounds) cold[t]!.push(ms);
      }
    }
  }
  agent.destroy();
  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(3);
  };
  const stats = (xs: number[]) => ({ p50: pct(xs, 50), p90: pct(xs, 90), p95: pct(xs, 95), p99: pct(xs, 99), requests: xs.length });
  return { warm: warm.map(stats), cold: cold.map(stats), warmupRequests: warmupRounds * perRound };
}

async function load(url: string, requests: CannonRequest[], connections: number) {
  // A short warm-up per level, not recorded.
  await autocannon({ url, connections, duration: 1, requests });
  return summary(await autocannon({ url, connections, duration: DURATION, requests }));
}

/** Latency and throughput of the API against the same requests sent straight to Meilisearch. */
export async function benchSearch(meili: Pick<TestMeili, 'url' | 'masterKey'>, label: string) {
  const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
  // --judged-before DATE: only the queries of judgment files judged before that day (or undated), so a run stays
  // comparable with earlier ones when new judgments are added.
  const before = process.argv.includes('--judged-before') ? process.argv[process.argv.indexOf('--judged-before') + 1] : undefined;
  const judged = await loadJudgments(undefined, before ? { judgedBefore: before } : {});
  const queries = [...new Set(judged.map((j) => j.query))];
  const captured = await captureRequests(createIndexReader(client), queries);
  // One-to-one: queries the API answers with exactly one Meilisearch request.
  const single = captured.filter((c) => c.meili.length === 1);
  log(`${label}: ${queries.length} queries, ${single.length} answered with one Meilisearch request`);
  const server = runTs<{ port: number }>('serve-api.ts', [meili.url, meili.masterKey], { keepAlive: true });
  const floor = runTs<{ port: number }>('proxy-floor.ts', [meili.url], { keepAlive: true });
  const [{ port }, { port: floorPort }] = await Promise.all([server, floor]);
  try {
    const apiUrl = `http://127.0.0.1:${port}`;
    const apiRequests = (list: typeof captured): CannonRequest[] => list.map((c) => ({ method: 'GET', path: `/v1/search?q=${encodeURIComponent(c.query)}&limit=10` }));
    const meiliRequests: CannonRequest[] = single.map((c) => ({
      method: 'POST',
      path: `/indexes/${INDEX.clauses}/search`,
      body: JSON.stringify({ q: c.meili[0]!.q, ...c.meili[0]!.params }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${meili.masterKey}` },
    }));
    log(`${label}: one client, request by request (API, Meilisearch, bare proxy)…`);
    const pair = await sequentialTurns(
      [
        { url: apiUrl, requests: apiRequests(single) },
        { url: meili.url, requests: meiliRequests },
        // The floor: the same requests through a Node process that only forwards them (bench/proxy-floor.ts).
        { url: `http://127.0.0.1:${floorPort}`, requests: meiliRequests },
      ],
      // Rounds timed after the warm-up: 40 × the single-request queries ≈ 1,000 samples per target,
      // enough that the median moves by less than the run-to-run drift of the machine.
      QUICK ? 3 : 40,
      WARMUP_REQUESTS,
    );
    const compared = ([api, meilisearch, proxy]: typeof pair.warm) => ({
      api,
      meilisearch,
      proxyFloor: proxy,
      ratio: { p50: ratio(api!.p50, meilisearch!.p50), p90: ratio(api!.p90, meilisearch!.p90) },
      /** What the hop alone costs on this machine: the bare proxy against Meilisearch. */
      floorRatio: { p50: ratio(proxy!.p50, meilisearch!.p50), p90: ratio(proxy!.p90, meilisearch!.p90) },
    });
    const levels: Record<string, unknown> = {
      oneClientPrecise: { ...compared(pair.warm), warmupRequests: pair.warmupRequests, cold: compared(pair.cold) },
    };
    for (const c of CONCURRENCY) {
      log(`${label}: ${c} client(s)…`);
      const api = await load(apiUrl, apiRequests(single), c);
      const direct = await load(meili.url, meiliRequests, c);
      const allQueries = await load(apiUrl, apiRequests(captured), c);
      levels[`c${c}`] = {
        api,
        meilisearch: direct,
        ratio: { p50: ratio(api.p50, direct.p50), p90: ratio(api.p90, direct.p90), p99: ratio(api.p99, direct.p99), throughput: ratio(api.requestsPerSecond, direct.requestsPerSecond) },
        apiAllQueries: allQueries,
      };
    }
    const perQueryCalls = captured.map((c) => c.meili.length);
    return {
      queries: queries.length,
      oneRequestQueries: single.length,
      meiliRequestsPerQuery: { mean: +(perQueryCalls.reduce((a, b) => a + b, 0) / perQueryCalls.length).toFixed(2), max: Math.max(...perQueryCalls) },
      durationSeconds: DURATION,
      ...levels,
    };
  } finally {
    server.child?.kill('SIGTERM');
    floor.child?.kill('SIGTERM');
  }
}

/** Full ingest into a fresh server, then the same documents into another fresh server: the ratio. */
async function benchIngest(dir: string, label: string, work: string) {
  const payloadFile = path.join(work, `${label}-payload.ndjson`);
  const meili = await startTestMeili();
  log(`${label}: full ingest…`);
  // Under a fixed heap cap, the same for every corpus size: an ingest that held the corpus would run out of heap.
  const fullRun = await runTs<FullIngest>('ingest-probe.ts', ['full', dir, meili.url, meili.masterKey, payloadFile], {
    nodeFlags: [`--max-old-space-size=${INGEST_HEAP_CAP_MB}`],
  });
  const alone = await startTestMeili();
  try {
    log(`${label}: the same documents into Meilisearch alone…`);
    const only = await runTs<{ seconds: { index: number } }>('ingest-probe.ts', ['meili-only', payloadFile, alone.url, alone.masterKey]);
    return {
      meili,
      result: {
        ...fullRun,
        heapCapMb: INGEST_HEAP_CAP_MB,
        meilisearchAloneSeconds: only.seconds.index,
        ratio: { totalToMeilisearchAlone: ratio(fullRun.seconds.total, only.seconds.index) },
      },
    };
  } finally {
    await alone.stop();
    await rm(payloadFile, { force: true });
  }
}

/** `--only search`: the real corpus ingested by the product's pipeline (not timed), then part 2 alone. */
async function searchOnly(results: Record<string, unknown>) {
  const meili = await startTestMeili();
  try {
    log('real: ingesting the corpus (not timed)…');
    await runIngest({ client: new Meilisearch({ host: meili.url, apiKey: meili.masterKey }), paths: [CORPUS_DIR] });
    results.search = await benchSearch(meili, 'real');
  } finally {
    await meili.stop();
  }
  const out = path.join(HERE, QUICK ? 'results-search-quick.json' : 'results-search.json');
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`written ${path.relative(ROOT, out)}`);
  console.log(JSON.stringify(results, null, 2));
}

async function main() {
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    quick: QUICK,
  };
  if (ONLY === 'search') return searchOnly(results);
  const work = await mkdtemp(path.join(tmpdir(), 'policy-kb-bench-'));
  try {
    const real = await benchIngest(CORPUS_DIR, 'real', work);
    results.ingest = real.result;
    try {
      results.search = await benchSearch(real.meili, 'real');
    } finally {
      await real.meili.stop();
    }

    log(`scale: writing a ${SCALE}× corpus…`);
    const scaledDir = path.join(work, `corpus-x${SCALE}`);
    await mkdir(scaledDir);
    const scaled = scaleCorpus(await readRealCorpus(), SCALE, await loadManifest(CORPUS_DIR));
    for (const f of scaled.files) await writeFile(path.join(scaledDir, f.path), f.text);
    await writeFile(path.join(scaledDir, MANIFEST_FILE), JSON.stringify(scaled.manifest));
    const big = await benchIngest(scaledDir, `x${SCALE}`, work);
    let bigSearch: Record<string, any>;
    try {
      bigSearch = await benchSearch(big.meili, `x${SCALE}`);
    } finally {
      await big.meili.stop();
    }
    const r = real.result;
    const b = big.result;
    const s = results.search as Record<string, any>;
    results.scale = {
      factor: SCALE,
      ingest: b,
      search: bigSearch,
      growth: {
        characters: ratio(b.characters, r.characters),
        clauses: ratio(b.clauses, r.clauses),
        ingestSeconds: ratio(b.seconds.total, r.seconds.total),
        peakRssMb: ratio(b.peakRssMb, r.peakRssMb),
        liveHeapMb: ratio(b.liveHeapMb, r.liveHeapMb),
        searchP50AtOneClient: ratio(bigSearch.oneClientPrecise.api.p50, s.oneClientPrecise.api.p50),
        searchThroughputAt8Clients: ratio(bigSearch.c8.api.requestsPerSecond, s.c8.api.requestsPerSecond),
      },
    };
    const out = path.join(HERE, QUICK ? 'results-quick.json' : 'results.json');
    await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`written ${path.relative(ROOT, out)}`);
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// Run as a script (bench/scale-bench.ts imports the helpers above without running it).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
