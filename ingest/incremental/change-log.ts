import type { Meilisearch } from 'meilisearch';
import { CHANGES_INDEX, CHANGES_SETTINGS, ChangeEvent } from '../../core/index/changes.js';
import { ensureIndex, writeAdditions } from './index-writer.js';
import type { DocumentChange } from './plan-change.js';
import { changeId } from '../../core/ids/ids.js';

/** The last sequence number in the log (0 when empty). */
async function lastSeq(client: Meilisearch): Promise<number> {
  const res = await client.index(CHANGES_INDEX).search('', { sort: ['seq:desc'], limit: 1, attributesToRetrieve: ['seq'] });
  return Number((res.hits[0] as { seq?: number } | undefined)?.seq ?? 0);
}

/**
 * Appends one event per document change, all stamped with the same time, in
 * one task. Sequence numbers continue the log's; the library lock keeps one
 * writer at a time.
 */
export async function appendChanges(client: Meilisearch, changes: readonly DocumentChange[], at = new Date()): Promise<ChangeEvent[]> {
  if (!changes.length) return [];
  await ensureIndex(client, CHANGES_INDEX, CHANGES_SETTINGS);
  let seq = await lastSeq(client);
  const events = changes.map((c) => ChangeEvent.parse({ id: changeId(++seq), seq, at: at.toISOString(), atMs: at.getTime(), ...c }));
  await writeAdditions(client, CHANGES_INDEX, events);
  return events;
}
