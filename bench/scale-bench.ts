/**
 * `npm run bench:scale`: the real corpus, 20× and 100× side by side (issue 17),
 * written to bench/results-scale.json.
 *
 * For each factor, in phases that keep their results under a work directory
 * outside the repo, so a long run can be resumed or a phase run alone:
 *
 *   gen      the synthetic corpus (bench/scale-corpus.ts), on demand, never committed
 *   ingest   the product's ingest (bench/ingest-probe.ts) into a fresh Meilisearch
 *            whose data dir is kept: wall time, clauses/s, peak RSS and live heap of
 *            the ingest, Meilisearch's own peak RSS, index size on disk
 *   default  the same clauses (heading, text, document title and path — what the
 *            product makes searchable, as plain text; streamed from the corpus by the
 *            product's pipeline) into a Meilisearch with default settings: its size,
 *            the yardstick for the product's index
 *   search   the kept index served again; run-bench.ts's search bench: API, bare
 *            proxy and Meilisearch direct at 1 client (µs clock, taking turns),
 *            then 1, 8 and 32 clients (autocannon), all in one run
 *   report   everything above into bench/results-scale.json, with growth per figure
 *            and the latency contract (bench/README.md)
 *
 *   npm run bench:scale -- [--factors 1,20,100] [--phases ingest,default,search,report]
 *                          [--work DIR] [--force]
 *
 * A phase whose result file exists is skipped unless --force (so a run killed
 * during the 100× search resumes there). Work dir: $BENCH_SCALE_DIR or
 * <tmp>/policy-kb-scale; it holds the corpora and indexes (≈ 5 GB at 100×).
 */
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Meilisearch } from 'meilisearch';
import { startEmbeddedMeili, type EmbeddedMeili } from '../meili/embedded.js';
import { CORPUS_DIR, readRealCorpus } from '../tests/helpers/corpus.js';
import { loadManifest, prepareIngest } from '../ingest/run-ingest.js';
import { loadDepartmentRegistry } from '../core/departments/index.js';
import { createSegmenter, segmenterWords } from '../core/segment/index.js';
import { MANIFEST_FILE } from '../ingest/corpus/manifest.js';
import { INDEX } from '../core/index/index-names.js';
import { benchSearch, ratio, runTs, type FullIngest } from './run-bench.js';
import { scaleCorpus } from './scale-corpus.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const FACTORS = (arg('--factors') ?? '1,20,100').split(',').map(Number);
const PHASES = new Set((arg('--phases') ?? 'gen,ingest,default,search,report').split(','));
const WORK = path.resolve(arg('--work') ?? process.env.BENCH_SCALE_DIR ?? path.join(tmpdir(), 'policy-kb-scale'));
const FORCE = process.argv.includes('--force');
/**
 * V8 old-space cap of every measured ingest, the same at every factor. Higher
 * than run-bench's 128 MB: the plan grows by a few hundred KB per copy of the
 * corpus, and a 100× ingest that ran out of heap after an hour would measure
 * nothing. The live heap (after major GCs) is what the ingest holds.
 */
const INGEST_HEAP_CAP_MB = 512;
const OUT = path.join(HERE, 'results-scale.json');

const log = (line: string) => console.error(`[scale ${new Date().toISOString().slice(11, 19)}] ${line}`);
const dirOf = (f: number) => path.join(WORK, `x${f}`);
const resultFile = (f: number, phase: string) => path.join(dirOf(f), `${phase}.json`);
const mb = (bytes: number) => +(bytes / 2 ** 20).toFixed(1);

async function exists(p: string) {
  return stat(p).then(
    () => true,
    () => false,
  );
}
async function readJson<T>(p: string): Promise<T | undefined> {
  return (await exists(p)) ? (JSON.parse(await readFile(p, 'utf8')) as T) : undefined;
}

/** Bytes on disk under a directory (allocated blocks, so sparse LMDB maps count what they use). */
async function diskBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += await diskBytes(p);
    else if (e.isFile()) total += (await stat(p)).blocks * 512;
  }
  return total;
}

/** Peak RSS of a running process (Linux VmHWM), MB; undefined elsewhere. */
async function peakRssOf(pid: number): Promise<number | undefined> {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** A Meilisearch on a kept data dir (the embedded binary, loopback, its master key stored in the dir). */
function openMeili(dataDir: string): Promise<EmbeddedMeili> {
  return startEmbeddedMeili({ dataDir, logLevel: 'ERROR', startTimeoutMs: 300_000, stopTimeoutMs: 60_000 });
}

/** Size of a Meilisearch database: on disk, as Meilisearch reports it, and per index (documents). */
async function indexSize(meili: EmbeddedMeili, dataDir: string) {
  const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
  const stats = (await client.getStats()) as unknown as {
    databaseSize: number;
    usedDatabaseSize?: number;
    indexes: Record<string, { numberOfDocuments: number; rawDocumentDbSize?: number; avgDocumentSize?: number }>;
  };
  const onDisk = await diskBytes(path.join(dataDir, 'meili'));
  return {
    onDiskMb: mb(onDisk),
    databaseSizeMb: mb(stats.databaseSize),
    ...(stats.usedDatabaseSize !== undefined ? { usedDatabaseSizeMb: mb(stats.usedDatabaseSize) } : {}),
    indexes: Object.fromEntries(
      Object.entries(stats.indexes).map(([uid, s]) => [uid, { documents: s.numberOfDocuments, ...(s.rawDocumentDbSize !== undefined ? { rawDocumentsMb: mb(s.rawDocumentDbSize) } : {}) }]),
    ),
  };
}

/** The corpus of factor f: the real directory at 1×, a generated copy otherwise. */
async function corpusDir(f: number): Promise<string> {
  if (f === 1) return CORPUS_DIR;
  const dir = path.join(dirOf(f), 'corpus');
  if (!FORCE && (await exists(path.join(dir, MANIFEST_FILE)))) return dir;
  log(`x${f}: writing the corpus…`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const scaled = scaleCorpus(await readRealCorpus(), f, await loadManifest(CORPUS_DIR));
  for (const file of scaled.files) await writeFile(path.join(dir, file.path), file.text);
  // Written last: its presence marks a complete corpus.
  await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(scaled.manifest));
  return dir;
}

async function ingestPhase(f: number) {
  const dir = await corpusDir(f);
  const dataDir = path.join(dirOf(f), 'product');
  await rm(dataDir, { recursive: true, force: true });
  const meili = await openMeili(dataDir);
  try {
    log(`x${f}: full ingest (heap cap ${INGEST_HEAP_CAP_MB} MB, load average ${loadavg()[0]!.toFixed(1)})…`);
    const t0 = performance.now();
    const run = await runTs<FullIngest>('ingest-probe.ts', ['full', dir, meili.url, meili.masterKey], { nodeFlags: [`--max-old-space-size=${INGEST_HEAP_CAP_MB}`] });
    const wallSeconds = +((performance.now() - t0) / 1000).toFixed(1);
    const result = {
      ...run,
      heapCapMb: INGEST_HEAP_CAP_MB,
      wallSeconds,
      clausesPerSecond: Math.round(run.clauses / run.seconds.total),
      meilisearchPeakRssMb: await peakRssOf(meili.pid),
      index: await indexSize(meili, dataDir),
      loadAverageAfter: +loadavg()[0]!.toFixed(1),
    };
    result.index = { ...result.index, bytesPerClause: Math.round((result.index.onDiskMb * 2 ** 20) / run.clauses) } as typeof result.index;
    log(`x${f}: ${run.clauses} clauses in ${run.seconds.total} s, index ${result.index.onDiskMb} MB`);
    return result;
  } finally {
    await meili.stop();
  }
}

/** The fields the product makes searchable, as the plain text they were segmented from. */
const RAW_FIELDS = ['id', 'label', 'heading', 'text', 'docTitle', 'path'] as const;

/**
 * The same clauses as the product's index, streamed from the corpus by the product's own pipeline (so the phase
 * needs no product index and runs beside the ingest), with only their plain-text fields, into a Meilisearch left
 * at default settings. Segmentation of index fields is skipped (nothing here uses it).
 */
async function defaultPhase(f: number) {
  const dir = await corpusDir(f);
  const dataDir = path.join(dirOf(f), 'default');
  await rm(dataDir, { recursive: true, force: true });
  const plain = await openMeili(dataDir);
  try {
    const to = new Meilisearch({ host: plain.url, apiKey: plain.masterKey });
    await to.createIndex(INDEX.clauses, { primaryKey: 'id' }).waitTask({ timeout: 60_000 });
    log(`x${f}: the same clause texts into a default-settings index…`);
    const registry = await loadDepartmentRegistry();
    const real = createSegmenter({ userWords: segmenterWords(registry) });
    const prepared = await prepareIngest({ paths: [dir], segmenter: { ...real, indexTokens: () => [] } });
    const t0 = performance.now();
    let sent = 0;
    let batch: Array<Record<string, unknown>> = [];
    const inFlight: Array<ReturnType<ReturnType<Meilisearch['index']>['addDocuments']>> = [];
    const send = async () => {
      inFlight.push(to.index(INDEX.clauses).addDocuments(batch));
      sent += batch.length;
      batch = [];
      if (inFlight.length >= 2) await inFlight.shift()!.waitTask({ timeout: 3_600_000 });
    };
    for await (const { index, doc } of prepared.entries()) {
      if (index !== INDEX.clauses) continue;
      const d = doc as Record<string, unknown>;
      const crumbs = (d.path as Array<{ label?: string; heading?: string }>).map((p) => [p.label, p.heading].filter(Boolean).join(' ')).join(' ');
      batch.push({ ...Object.fromEntries(RAW_FIELDS.filter((k) => d[k] !== undefined).map((k) => [k, d[k]])), path: crumbs });
      if (batch.length >= 2000) await send();
    }
    if (batch.length) await send();
    for (const t of inFlight) await t.waitTask({ timeout: 3_600_000 });
    const seconds = +((performance.now() - t0) / 1000).toFixed(1);
    const size = await indexSize(plain, dataDir);
    return {
      clauses: sent,
      fields: RAW_FIELDS,
      seconds,
      meilisearchPeakRssMb: await peakRssOf(plain.pid),
      index: { ...size, bytesPerClause: Math.round((size.onDiskMb * 2 ** 20) / sent) },
    };
  } finally {
    await plain.stop();
  }
}

async function searchPhase(f: number) {
  const meili = await openMeili(path.join(dirOf(f), 'product'));
  try {
    log(`x${f}: search (load average ${loadavg()[0]!.toFixed(1)})…`);
    return { ...(await benchSearch(meili, `x${f}`)), loadAverageAfter: +loadavg()[0]!.toFixed(1) };
  } finally {
    await meili.stop();
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = Record<string, any>;

/**
 * The latency contract (issue 17), from one search run:
 * (a) the API's own time over a bare proxy of the same requests, at 1 client (µs clock, taking turns);
 * (b) throughput at 32 clients as a fraction of Meilisearch direct's;
 * (c) p99 at 32 clients against Meilisearch direct's.
 */
export function latencyContract(s: Any) {
  const one = s.oneClientPrecise;
  return {
    addedOverProxyMs: { p50: +(one.api.p50 - one.proxyFloor.p50).toFixed(3), p99: +(one.api.p99 - one.proxyFloor.p99).toFixed(3) },
    throughputAt32: { api: s.c32.api.requestsPerSecond, meilisearch: s.c32.meilisearch.requestsPerSecond, fraction: ratio(s.c32.api.requestsPerSecond, s.c32.meilisearch.requestsPerSecond) },
    p99At32: { api: s.c32.api.p99, meilisearch: s.c32.meilisearch.p99, ratio: ratio(s.c32.api.p99, s.c32.meilisearch.p99) },
  };
}

async function report() {
  // A phase measured in an earlier run (its work dir gone) keeps its committed figures and the day they were measured:
  // a 100× ingest takes over an hour, and one new phase must not erase the others.
  const committed = await readJson<Any>(OUT);
  const by: Record<string, Any> = {};
  const measuredAt: Record<string, Record<string, string>> = {};
  for (const f of FACTORS) {
    const key = `x${f}`;
    by[key] = {};
    measuredAt[key] = {};
    for (const phase of ['ingest', 'default', 'search'] as const) {
      const file = resultFile(f, phase);
      const fresh = await readJson<Any>(file);
      const kept = committed?.factors?.[key]?.[phase];
      const value = fresh ?? kept;
      if (value === undefined) continue;
      by[key][phase] = value;
      measuredAt[key][phase] = fresh ? (await stat(file)).mtime.toISOString() : (committed?.measuredAt?.[key]?.[phase] ?? committed?.date);
    }
  }
  const base = by.x1;
  const growth: Record<string, Any> = {};
  for (const f of FACTORS.filter((x) => x !== 1)) {
    const b = by[`x${f}`]!;
    const g = (get: (r: Any) => number | undefined) => {
      const [x, y] = [get(b), base && get(base)];
      return typeof x === 'number' && typeof y === 'number' ? ratio(x, y) : undefined;
    };
    growth[`x${f}`] = {
      clauses: g((r) => r.ingest?.clauses),
      characters: g((r) => r.ingest?.characters),
      ingestSeconds: g((r) => r.ingest?.seconds.total),
      clausesPerSecond: g((r) => r.ingest?.clausesPerSecond),
      peakRssMb: g((r) => r.ingest?.peakRssMb),
      liveHeapMb: g((r) => r.ingest?.liveHeapMb),
      meilisearchPeakRssMb: g((r) => r.ingest?.meilisearchPeakRssMb),
      indexMb: g((r) => r.ingest?.index.onDiskMb),
      defaultIndexMb: g((r) => r.default?.index.onDiskMb),
      apiP50At1: g((r) => r.search?.oneClientPrecise.api.p50),
      meiliP50At1: g((r) => r.search?.oneClientPrecise.meilisearch.p50),
      apiThroughputAt32: g((r) => r.search?.c32.api.requestsPerSecond),
    };
  }
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, note: 'shared with four other engineers’ work; see loadAverage fields' },
    factors: by,
    /** When each factor's phase was measured (phases of earlier runs are kept from the committed file). */
    measuredAt,
    growth,
    indexToDefault: Object.fromEntries(
      FACTORS.map((f) => {
        const r = by[`x${f}`]!;
        return [`x${f}`, r.ingest && r.default ? ratio(r.ingest.index.onDiskMb, r.default.index.onDiskMb) : undefined];
      }),
    ),
    latencyContract: Object.fromEntries(FACTORS.filter((f) => by[`x${f}`]!.search).map((f) => [`x${f}`, latencyContract(by[`x${f}`]!.search)])),
  };
  await writeFile(OUT, `${JSON.stringify(results, null, 2)}\n`);
  log(`written ${path.relative(ROOT, OUT)}`);
  console.log(markdown(by, growth));
}

/** The README's table, 1× / 20× / 100× side by side, growth against 1× in brackets. */
function markdown(by: Record<string, Any>, growth: Record<string, Any>): string {
  const cols = FACTORS.map((f) => `x${f}`);
  const row = (label: string, get: (r: Any) => unknown, g?: string) =>
    `| ${label} | ${cols.map((c) => {
      const v = get(by[c]!);
      const grow = g && growth[c]?.[g] !== undefined ? ` (${growth[c][g]}×)` : '';
      return v === undefined ? '–' : `${v}${grow}`;
    }).join(' | ')} |`;
  const safe = (fn: (r: Any) => unknown) => (r: Any) => {
    try {
      return fn(r);
    } catch {
      return undefined;
    }
  };
  return [
    `| | ${FACTORS.map((f) => `${f}×`).join(' | ')} |`,
    `|---|${FACTORS.map(() => '---').join('|')}|`,
    row('documents / clauses', safe((r) => `${r.ingest.documents} / ${r.ingest.clauses}`), 'clauses'),
    row('ingest, s', safe((r) => r.ingest.seconds.total), 'ingestSeconds'),
    row('throughput, clauses/s', safe((r) => r.ingest.clausesPerSecond), 'clausesPerSecond'),
    row('ingest peak RSS, MB', safe((r) => r.ingest.peakRssMb), 'peakRssMb'),
    row('ingest live heap, MB', safe((r) => r.ingest.liveHeapMb), 'liveHeapMb'),
    row('Meilisearch peak RSS during ingest, MB', safe((r) => r.ingest.meilisearchPeakRssMb), 'meilisearchPeakRssMb'),
    row('index on disk (used), MB', safe((r) => `${r.ingest.index.onDiskMb} (${r.ingest.index.usedDatabaseSizeMb})`), 'indexMb'),
    row('index bytes per clause (on disk)', safe((r) => r.ingest.index.bytesPerClause)),
    row('default-settings index of the same texts, MB; bytes/clause', safe((r) => `${r.default.index.onDiskMb}; ${r.default.index.bytesPerClause}`), 'defaultIndexMb'),
    row('1 client (µs clock) p50 / p95 / p99, ms: API', safe((r) => `${r.search.oneClientPrecise.api.p50} / ${r.search.oneClientPrecise.api.p95} / ${r.search.oneClientPrecise.api.p99}`), 'apiP50At1'),
    row('1 client p50 / p95 / p99, ms: bare proxy', safe((r) => `${r.search.oneClientPrecise.proxyFloor.p50} / ${r.search.oneClientPrecise.proxyFloor.p95} / ${r.search.oneClientPrecise.proxyFloor.p99}`)),
    row('1 client p50 / p95 / p99, ms: Meilisearch', safe((r) => `${r.search.oneClientPrecise.meilisearch.p50} / ${r.search.oneClientPrecise.meilisearch.p95} / ${r.search.oneClientPrecise.meilisearch.p99}`), 'meiliP50At1'),
    ...CONCURRENCY_LEVELS.map((c) =>
      row(`${c} clients p50 / p97.5 / p99 ms, req/s: API · Meilisearch`, safe((r) => {
        const l = r.search[`c${c}`];
        return `${l.api.p50} / ${l.api.p97_5 ?? '–'} / ${l.api.p99}, ${l.api.requestsPerSecond} · ${l.meilisearch.p50} / ${l.meilisearch.p97_5 ?? '–'} / ${l.meilisearch.p99}, ${l.meilisearch.requestsPerSecond}`;
      }), c === 32 ? 'apiThroughputAt32' : undefined),
    ),
  ].join('\n');
}
const CONCURRENCY_LEVELS = [1, 8, 32];

async function main() {
  await mkdir(WORK, { recursive: true });
  log(`work dir ${WORK}; factors ${FACTORS.join(', ')}; phases ${[...PHASES].join(', ')}`);
  const phases: Array<[string, (f: number) => Promise<unknown>]> = [
    ['ingest', ingestPhase],
    ['default', defaultPhase],
    ['search', searchPhase],
  ];
  for (const f of FACTORS) {
    await mkdir(dirOf(f), { recursive: true });
    if (PHASES.has('gen')) await corpusDir(f);
    for (const [name, run] of phases) {
      if (!PHASES.has(name)) continue;
      if (!FORCE && (await exists(resultFile(f, name)))) {
        log(`x${f}: ${name} done before (${resultFile(f, name)}), skipped`);
        continue;
      }
      const result = await run(f);
      await writeFile(resultFile(f, name), `${JSON.stringify(result, null, 2)}\n`);
    }
  }
  if (PHASES.has('report')) await report();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
