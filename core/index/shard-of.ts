import { INDEX, type IndexName } from './index-names.js';

/**
 * The indexes spread across shards: the clauses, nearly all of the library's
 * bytes and all of its search work. Every other index (documents, tasks,
 * departments, references, targets, indicators, catalogue, meta) lives whole
 * on the home shard (shard 0): they are small, read by id or by filter, and
 * keeping them in one place leaves their readers and the incremental writer
 * unchanged.
 */
export const SHARDED_INDEXES: ReadonlySet<IndexName> = new Set([INDEX.clauses]);

/**
 * Which shard a document's clauses live on: a stable hash of the document id,
 * so a document and every one of its clauses land together (a document's
 * outline, its scoped searches and its clause listings read one shard's
 * worth), the same id lands on the same shard at every ingest, and nothing but
 * the id and the number of shards decides it. Changing the number of shards
 * moves most documents: that needs a full ingest (server.ts does one when the
 * index was built for another count).
 *
 * FNV-1a over the id's UTF-16 code units: tiny, dependency-free and spread
 * well enough for ids that differ in a few characters (measured on the corpus's
 * ids in tests/pipeline/shard-of.test.ts).
 */
export function shardOf(docId: string, shards: number): number {
  if (!Number.isInteger(shards) || shards < 1) throw new RangeError(`shards must be a positive whole number, got ${shards}`);
  if (shards === 1) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < docId.length; i++) {
    h ^= docId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}
