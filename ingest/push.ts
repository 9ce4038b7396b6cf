import type { Meilisearch, Task } from 'meilisearch';
import { ALL_INDEXES, INDEX, type IndexName } from './to-index/index-names.js';
import { INDEX_SETTINGS } from './to-index/settings.js';
import type { IndexEntry } from './to-index/index.js';
import { MeiliTaskFailedError, toMeiliError } from '../src/meili/errors.js';
import { SwapRefusedError } from './guard/check-swap.js';

/** What goes into each index, already converted to index documents, grouped by index. */
export type IndexPayload = Record<IndexName, Iterable<Record<string, unknown>>>;

/**
 * The entries to push, in any order across indexes: an (async) generator lets
 * an ingest produce them file by file while earlier batches are indexed.
 */
export type IndexStream = Iterable<IndexEntry> | AsyncIterable<IndexEntry>;

/** A grouped payload as a stream, index by index. */
export function* payloadEntries(payload: IndexPayload): Generator<IndexEntry> {
  for (const index of ALL_INDEXES) for (const doc of payload[index]) yield { index, doc };
}

export interface PushOptions {
  /** Documents sent per request (default 2000). */
  batchSize?: number;
  /** Longest wait for one Meilisearch task, ms (default 10 minutes). */
  taskTimeoutMs?: number;
  onProgress?: (line: string) => void;
  /**
   * Called once every build index is complete, just before the swap, with the
   * number of documents sent to each; throwing aborts the ingest (the build
   * indexes are deleted, the live ones keep serving). The swap guard lives here.
   */
  beforeSwap?: (counts: Record<IndexName, number>) => Promise<void> | void;
}

const BUILD_MARK = '__build_';

/**
 * Waits for a Meilisearch task and returns it, or throws MeiliTaskFailedError
 * when it did not succeed. `interval` (default 100 ms) is how often it polls.
 */
export async function waitOk(promise: { waitTask(o?: { timeout?: number; interval?: number }): Promise<Task> }, timeout: number, interval = 100): Promise<Task> {
  const task = await promise.waitTask({ timeout, interval });
  if (task.status !== 'succeeded') {
    throw new MeiliTaskFailedError(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? ''}`, {
      taskUid: task.uid,
      status: task.status,
      code: task.error?.code,
      cause: task.error,
    });
  }
  return task;
}

/** Deletes build indexes left behind by an ingest that was killed midway. */
export async function dropStaleBuilds(client: Meilisearch): Promise<string[]> {
  const { results } = await client.getRawIndexes({ limit: 1000 });
  const stale = results.map((i) => i.uid).filter((uid) => uid.includes(BUILD_MARK));
  for (const uid of stale) await client.deleteIndex(uid).waitTask({ timeout: 60_000 });
  return stale;
}

/**
 * Builds every index into a fresh `<name>__build_<stamp>` index, then swaps all
 * of them with the live ones in ONE swap task (atomic in Meilisearch), then
 * drops the old generation. If anything fails before the swap — a Meilisearch
 * error, or the stream itself throwing — the build indexes are deleted and the
 * live ones keep serving untouched.
 *
 * Entries are batched per index; at most two batches are in flight, so
 * Meilisearch indexes one while the producer builds the next, and memory holds
 * at most a few batches however large the corpus.
 */
export async function pushIndexes(client: Meilisearch, entries: IndexStream, opts: PushOptions = {}): Promise<Record<IndexName, number>> {
  const batchSize = opts.batchSize ?? 2000;
  const timeout = opts.taskTimeoutMs ?? 600_000;
  const log = opts.onProgress ?? (() => {});
  const stamp = Date.now().toString(36);
  const buildName = (name: IndexName) => `${name}${BUILD_MARK}${stamp}`;
  const counts = Object.fromEntries(ALL_INDEXES.map((n) => [n, 0])) as Record<IndexName, number>;
  try {
    await dropStaleBuilds(client);
    for (const name of ALL_INDEXES) {
      const uid = buildName(name);
      await waitOk(client.createIndex(uid, { primaryKey: 'id' }), timeout);
      await waitOk(client.index(uid).updateSettings(INDEX_SETTINGS[name]), timeout);
    }
    const inFlight: Array<Parameters<typeof waitOk>[0]> = [];
    const batches = new Map<IndexName, Array<Record<string, unknown>>>();
    const send = async (name: IndexName) => {
      const batch = batches.get(name);
      if (!batch?.length) return;
      batches.delete(name);
      inFlight.push(client.index(buildName(name)).addDocuments(batch, { primaryKey: 'id' }));
      counts[name] += batch.length;
      if (inFlight.length >= 2) await waitOk(inFlight.shift()!, timeout);
    };
    for await (const { index, doc } of entries) {
      const batch = batches.get(index) ?? [];
      batch.push(doc);
      batches.set(index, batch);
      if (batch.length >= batchSize) await send(index);
    }
    for (const name of ALL_INDEXES) await send(name);
    for (const t of inFlight) await waitOk(t, timeout);
    log(`  indexed ${ALL_INDEXES.map((n) => `${counts[n]} ${n}`).join(', ')}`);
    await opts.beforeSwap?.(counts);
    const existing = new Set((await client.getRawIndexes({ limit: 1000 })).results.map((i) => i.uid));
    for (const name of ALL_INDEXES) {
      if (!existing.has(name)) await waitOk(client.createIndex(name, { primaryKey: 'id' }), timeout);
    }
    await waitOk(
      client.swapIndexes(ALL_INDEXES.map((name) => ({ indexes: [name, buildName(name)] as [string, string], rename: false }))),
      timeout,
    );
  } catch (err) {
    // Leave the live indexes as they were; remove this generation's half-built ones.
    await Promise.allSettled(ALL_INDEXES.map((n) => client.deleteIndex(buildName(n)).waitTask({ timeout: 60_000 })));
    throw err instanceof SwapRefusedError ? err : toMeiliError(err);
  }
  // After the swap the build names hold the previous generation.
  await Promise.allSettled(ALL_INDEXES.map((n) => client.deleteIndex(buildName(n)).waitTask({ timeout: 60_000 })));
  return counts;
}

/** The meta document: what the live indexes were built from. */
export interface CorpusMeta extends Record<string, unknown> {
  id: 'corpus';
  corpusHash: string;
  ingestedAt: string;
  counts: Record<string, number>;
}

/** Reads the live meta document; undefined when nothing has been ingested yet. */
export async function readCorpusMeta(client: Meilisearch): Promise<CorpusMeta | undefined> {
  try {
    return (await client.index(INDEX.meta).getDocument('corpus')) as CorpusMeta;
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (code === 'index_not_found' || code === 'document_not_found') return undefined;
    throw toMeiliError(err);
  }
}
