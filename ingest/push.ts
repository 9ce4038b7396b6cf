import type { Meilisearch } from 'meilisearch';
import { ALL_INDEXES, INDEX, type IndexName } from '../core/index/index-names.js';
import { INDEX_SETTINGS } from '../core/index/settings.js';
import type { IndexEntry } from './to-index/index.js';
import { toMeiliError } from '../meili/errors.js';
import { idempotentWrite, waitOk } from '../meili/tasks.js';
import { SwapRefusedError } from './guard/check-swap.js';
import { SHARDED_INDEXES, shardOf } from '../core/index/shard-of.js';

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
  /**
   * More Meilisearch instances to spread the clauses over (shards 1…N-1; the
   * `client` given is shard 0, the home shard, which keeps every other index
   * whole). Each clause goes to `shardOf(clause.docId, N)`, so a document's
   * clauses stay together. Default none: one instance, as before.
   */
  shards?: Meilisearch[];
}

const BUILD_MARK = '__build_';

/** One way to wait on a Meilisearch task: meili/tasks.ts (re-exported for the callers of old). */
export { waitOk };

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
 * live ones keep serving untouched. With `shards`, each shard builds its
 * part and swaps it in its own atomic task once every shard has built (and the
 * guard in `beforeSwap` has passed on the totals), the home shard last.
 *
 * Entries are batched per index; at most two batches a shard are in flight, so
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
  // Shard 0 builds every index; the others only the sharded ones.
  const shards = [client, ...(opts.shards ?? [])];
  const indexesOf = (shard: number) => (shard === 0 ? ALL_INDEXES : ALL_INDEXES.filter((n) => SHARDED_INDEXES.has(n)));
  const shardFor = (index: IndexName, doc: Record<string, unknown>) =>
    shards.length > 1 && SHARDED_INDEXES.has(index) ? shardOf(String(doc.docId), shards.length) : 0;
  const dropBuilds = () =>
    Promise.allSettled(shards.flatMap((c, i) => indexesOf(i).map((n) => c.deleteIndex(buildName(n)).waitTask({ timeout: 60_000 }))));
  try {
    for (const [i, c] of shards.entries()) {
      await dropStaleBuilds(c);
      for (const name of indexesOf(i)) {
        const uid = buildName(name);
        await waitOk(c.createIndex(uid, { primaryKey: 'id' }), timeout);
        await waitOk(c.index(uid).updateSettings(INDEX_SETTINGS[name]), timeout);
      }
    }
    const inFlight: Array<Parameters<typeof waitOk>[0]> = [];
    const batches = new Map<string, { shard: number; index: IndexName; docs: Array<Record<string, unknown>> }>();
    const send = async (key: string) => {
      const batch = batches.get(key);
      if (!batch?.docs.length) return;
      batches.delete(key);
      // Sent again once if the socket fails (a keep-alive connection closed under it): the same documents replace themselves.
      const index = shards[batch.shard]!.index(buildName(batch.index));
      inFlight.push(idempotentWrite(() => index.addDocuments(batch.docs, { primaryKey: 'id' }), (code) => log(`  a batch of ${batch.docs.length} ${batch.index} was cut off (${code}); sending it again`)));
      counts[batch.index] += batch.docs.length;
      // Two batches in flight per shard, so every shard indexes while the next batch is built.
      if (inFlight.length >= 2 * shards.length) await waitOk(inFlight.shift()!, timeout);
    };
    for await (const { index, doc } of entries) {
      const shard = shardFor(index, doc);
      const key = `${shard}:${index}`;
      const batch = batches.get(key) ?? { shard, index, docs: [] };
      batch.docs.push(doc);
      batches.set(key, batch);
      if (batch.docs.length >= batchSize) await send(key);
    }
    for (const key of [...batches.keys()]) await send(key);
    for (const t of inFlight) await waitOk(t, timeout);
    log(`  indexed ${ALL_INDEXES.map((n) => `${counts[n]} ${n}`).join(', ')}${shards.length > 1 ? ` over ${shards.length} shards` : ''}`);
    await opts.beforeSwap?.(counts);
    // The home shard last: its meta document names the generation (ETags, the lexicon), so it flips once every
    // shard serves the new clauses. Between the shards' swaps (milliseconds) a search may mix two generations.
    for (let i = shards.length - 1; i >= 0; i--) {
      const c = shards[i]!;
      const existing = new Set((await c.getRawIndexes({ limit: 1000 })).results.map((x) => x.uid));
      for (const name of indexesOf(i)) {
        if (!existing.has(name)) await waitOk(c.createIndex(name, { primaryKey: 'id' }), timeout);
      }
      await waitOk(c.swapIndexes(indexesOf(i).map((name) => ({ indexes: [name, buildName(name)] as [string, string], rename: false }))), timeout);
    }
  } catch (err) {
    // Leave the live indexes as they were; remove this generation's half-built ones.
    await dropBuilds();
    throw err instanceof SwapRefusedError ? err : toMeiliError(err);
  }
  // After the swap the build names hold the previous generation.
  await dropBuilds();
  return counts;
}

/** The meta document: what the live indexes were built from. */
export interface CorpusMeta extends Record<string, unknown> {
  id: 'corpus';
  corpusHash: string;
  ingestedAt: string;
  counts: Record<string, number>;
  /** How many shards the clauses were spread over (absent: built before shards existed, i.e. 1). */
  shards?: number;
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
