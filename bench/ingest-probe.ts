/**
 * One measured ingest, in its own process so its peak memory is its own:
 *
 *   node --import tsx bench/ingest-probe.ts full <corpusDir> <meiliUrl> <key> [payloadOut.ndjson]
 *   node --import tsx bench/ingest-probe.ts meili-only <payload.ndjson> <meiliUrl> <key>
 *
 * `full` runs the product's ingest (read → parse/enrich → segment, convert
 * and index, streamed as run-ingest.ts does) and prints one JSON line with the
 * seconds of each and the peak RSS; with a payload path it then also writes
 * the final index documents (after measuring). `meili-only` loads those documents first (not timed) and times
 * only Meilisearch indexing them (the same pushIndexes), for the ratio.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Meilisearch } from 'meilisearch';
import { listCorpusFiles, readSourceFile } from '../ingest/read/index.js';
import { buildCorpus } from '../ingest/pipeline.js';
import { loadManifest } from '../ingest/run-ingest.js';
import { loadDepartmentRegistry } from '../ingest/departments/index.js';
import { createSegmenter, segmenterWords, type Segmenter } from '../ingest/enrich/segment/index.js';
import { toIndexPayload, toIndexStreams } from '../ingest/to-index/index.js';
import { pushIndexes, type IndexPayload } from '../ingest/push.js';
import type { SourceFile } from '../ingest/stages.js';

const seconds = (ms: number) => +(ms / 1000).toFixed(3);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

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
    segmenter: { ...inner, words: time(inner.words), indexTokens: time(inner.indexTokens), forIndex: time(inner.forIndex), queryWords: time(inner.queryWords) },
    elapsed: () => ms,
  };
}

async function full(dir: string, url: string, key: string, payloadOut?: string) {
  const client = new Meilisearch({ host: url, apiKey: key });
  const t0 = performance.now();
  const files: SourceFile[] = [];
  for (const abs of await listCorpusFiles([dir])) {
    const res = await readSourceFile(abs, path.relative(dir, abs));
    if (res.ok) files.push(res.file);
  }
  const manifest = await loadManifest(dir);
  const t1 = performance.now();
  const registry = await loadDepartmentRegistry();
  const built = buildCorpus(files, { manifest, registry });
  const t2 = performance.now();
  const { segmenter, elapsed } = timedSegmenter(createSegmenter({ userWords: segmenterWords(registry) }));
  const ctx = { segmenter, registry, corpusHash: 'bench', ingestedAt: new Date().toISOString() };
  // The product's path (run-ingest.ts): clause documents are segmented and converted while they are
  // pushed, two batches in flight, so segmentation overlaps Meilisearch's indexing.
  await pushIndexes(client, toIndexStreams(built, ctx), { taskTimeoutMs: 3_600_000 });
  const t3 = performance.now();
  const rss = peakRssMb();
  const segment = elapsed();
  let clauses = 0;
  if (payloadOut) {
    // After the measurement: the same documents, materialised, for the Meilisearch-alone run.
    const payload = toIndexPayload(built, ctx);
    clauses = payload.clauses.length;
    await writePayload(payloadOut, payload);
  }
  return {
    files: files.length,
    characters: files.reduce((n, f) => n + f.text.length, 0),
    documents: built.documents.length,
    clauses,
    seconds: {
      read: seconds(t1 - t0),
      parse: seconds(t2 - t1),
      /** CPU time inside the segmenter, overlapping `indexAndConvert`. */
      segment: seconds(segment),
      /** Wall time of the push: conversion and segmentation of clause documents, and Meilisearch indexing. */
      indexAndConvert: seconds(t3 - t2),
      total: seconds(t3 - t0),
    },
    peakRssMb: rss,
  };
}

async function writePayload(file: string, payload: Record<string, Array<Record<string, unknown>>>) {
  const out = createWriteStream(file);
  for (const [index, docs] of Object.entries(payload)) {
    for (const d of docs) if (!out.write(`${JSON.stringify({ index, d })}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

async function meiliOnly(file: string, url: string, key: string) {
  const payload: Record<string, Array<Record<string, unknown>>> = {};
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line) continue;
    const { index, d } = JSON.parse(line) as { index: string; d: Record<string, unknown> };
    (payload[index] ??= []).push(d);
  }
  const client = new Meilisearch({ host: url, apiKey: key });
  const t0 = performance.now();
  await pushIndexes(client, payload as unknown as IndexPayload, { taskTimeoutMs: 3_600_000 });
  return { seconds: { index: seconds(performance.now() - t0) }, clauses: payload.clauses?.length ?? 0 };
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
