/**
 * One measured ingest, in its own process so its peak memory is its own:
 *
 *   node --import tsx bench/ingest-probe.ts full <corpusDir> <meiliUrl> <key> [payloadOut.ndjson]
 *   node --import tsx bench/ingest-probe.ts meili-only <payload.ndjson> <meiliUrl> <key>
 *
 * `full` runs the product's ingest (`runIngest`: survey and plan, then build,
 * segment, convert and index file by file) and prints one JSON line with the
 * seconds of each and the peak RSS; with a payload path it then also writes
 * the final index documents (after measuring). `meili-only` loads those documents first (not timed) and times
 * only Meilisearch indexing them (the same pushIndexes, same order), for the ratio.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Meilisearch } from 'meilisearch';
import { listCorpusFiles, readSourceFile } from '../ingest/read/index.js';
import { prepareIngest, runIngest } from '../ingest/run-ingest.js';
import { loadDepartmentRegistry } from '../core/departments/index.js';
import { createSegmenter, segmenterWords, type Segmenter } from '../core/segment/index.js';
import type { IndexEntry } from '../ingest/to-index/index.js';
import { pushIndexes } from '../ingest/push.js';

const seconds = (ms: number) => +(ms / 1000).toFixed(3);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/**
 * The largest heap left after a major garbage collection: what the ingest
 * really holds, as opposed to peak RSS, which also counts garbage not yet
 * collected (V8 lets the heap grow before collecting) and native memory.
 * Read from GC events, so nothing is forced and the timing is not disturbed.
 */
function watchLiveHeap(): { maxMb: () => number; stop: () => void } {
  let max = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) max = Math.max(max, process.memoryUsage().heapUsed);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return { maxMb: () => mb(max), stop: () => observer.disconnect() };
}

/** The segmenter with a stopwatch around every call, to split segmentation from conversion. */
function timedSegmenter(inner: Segmenter): { segmenter: Segmenter; elapsed: () => number } {
  let ms = 0;
  const time =
    <A extends unknown[], R>(fn: (...a: A) => R) =>
    (...a: A): R => {
      const t = performance.now();
      try {
        return fn(...a);
      } finally {
        ms += performance.now() - t;
      }
    };
  return {
    segmenter: { ...inner, words: time(inner.words), indexTokens: time(inner.indexTokens), queryWords: time(inner.queryWords) },
    elapsed: () => ms,
  };
}

async function full(dir: string, url: string, key: string, payloadOut?: string) {
  const client = new Meilisearch({ host: url, apiKey: key });
  const registry = await loadDepartmentRegistry();
  const { segmenter, elapsed } = timedSegmenter(createSegmenter({ userWords: segmenterWords(registry) }));
  // Before any document: Node, the code and nodejieba's dictionaries (native memory).
  const baselineRssMb = mb(process.memoryUsage().rss);
  const live = watchLiveHeap();
  // The product's ingest itself (run-ingest.ts): survey and plan, then build, segment and convert each
  // file while Meilisearch indexes the previous batches.
  const report = await runIngest({ client, paths: [dir], segmenter });
  const rss = peakRssMb();
  live.stop();
  const segment = elapsed();
  let characters = 0;
  for (const abs of await listCorpusFiles([dir])) {
    const res = await readSourceFile(abs, path.relative(dir, abs));
    if (res.ok) characters += res.file.text.length;
  }
  if (payloadOut) {
    // After the measurement: the same documents again, streamed to a file, for the Meilisearch-alone run.
    const again = await prepareIngest({ paths: [dir], segmenter });
    await writePayload(payloadOut, again.entries());
  }
  return {
    files: report.files,
    characters,
    documents: report.documents,
    clauses: report.clauses,
    seconds: {
      /** Pass 1: read, parse, fingerprint, plan. */
      survey: report.seconds.survey,
      /** CPU time of pass 2's parse + enrich, overlapping `index`. */
      build: report.seconds.build,
      /** CPU time inside the segmenter, overlapping `index`. */
      segment: seconds(segment),
      /** Wall time of pass 2: build, segment, convert and push while Meilisearch indexes. */
      index: report.seconds.index,
      total: report.seconds.total,
    },
    peakRssMb: rss,
    baselineRssMb,
    liveHeapMb: live.maxMb(),
  };
}

async function writePayload(file: string, entries: AsyncIterable<IndexEntry>) {
  const out = createWriteStream(file);
  for await (const { index, doc } of entries) {
    if (!out.write(`${JSON.stringify({ index, d: doc })}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** Meilisearch alone: the final documents are loaded first (not timed), then pushed as the ingest pushes them. */
async function meiliOnly(file: string, url: string, key: string) {
  const entries: IndexEntry[] = [];
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line) continue;
    const { index, d } = JSON.parse(line) as { index: IndexEntry['index']; d: Record<string, unknown> };
    entries.push({ index, doc: d });
  }
  const client = new Meilisearch({ host: url, apiKey: key });
  const t0 = performance.now();
  const counts = await pushIndexes(client, entries, { taskTimeoutMs: 3_600_000 });
  return { seconds: { index: seconds(performance.now() - t0) }, clauses: counts.clauses };
}

const [mode, a, url, key, out] = process.argv.slice(2);
const run = mode === 'full' ? full(a!, url!, key!, out) : mode === 'meili-only' ? meiliOnly(a!, url!, key!) : Promise.reject(new Error(`unknown mode ${mode}`));
run.then(
  (r) => {
    console.log(JSON.stringify(r));
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
