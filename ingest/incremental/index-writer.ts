import type { Meilisearch } from 'meilisearch';
import { toMeiliError } from '../../meili/errors.js';
import { INDEX, type IndexName } from '../../core/index/index-names.js';
import { idempotentWrite, waitOk } from '../../meili/tasks.js';
import type { IndexDiff } from './plan-change.js';

/**
 * The engine side of an incremental change: reading what the live indexes
 * hold for some documents, and writing a change so that a reader never sees
 * half of it.
 *
 * Meilisearch applies one task's additions (or deletions) to one index
 * atomically, but nothing spans two indexes. So each index gets at most one
 * addition task and one deletion task, sent in an order in which every
 * intermediate state is one a reader can live with:
 *
 *   1. additions, children first: clauses, tasks, references, then documents —
 *      a document is listed only once all its clauses can be fetched, and a
 *      citation is linked only once the clause it points at exists;
 *   2. deletions, parents first: documents, references, tasks, then clauses —
 *      a document disappears before its clauses, and citations pointing at a
 *      removed clause were re-linked in step 1, before the clause goes;
 *   3. the corpus-wide indexes (departments, catalogue), then the meta document.
 *
 * Between steps a search may, for a few milliseconds, return a clause of a
 * document that is not listed yet (its clause page shows it in full) or miss a
 * document being removed: never a document without its clauses, nor a link to
 * a missing clause.
 */

export const ADDITION_ORDER: IndexName[] = [INDEX.clauses, INDEX.tasks, INDEX.references, INDEX.documents];
export const DELETION_ORDER: IndexName[] = [INDEX.documents, INDEX.references, INDEX.tasks, INDEX.clauses];

const TASK_TIMEOUT_MS = 600_000;

/** One change's task, polled often: a change is small and a reader waits on it. */
const waitChange = (promise: Parameters<typeof waitOk>[0]) => waitOk(promise, TASK_TIMEOUT_MS, 25);

/** Runs a Meilisearch call, naming infrastructure failures (see meili/errors.ts). */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toMeiliError(err);
  }
}

const PAGE = 5000;

/**
 * Every document of an index matching a filter (all of them without one), page by page.
 * @param fields only these fields (default: all)
 */
export async function fetchAll(
  client: Meilisearch,
  index: string,
  opts: { filter?: string; fields?: string[] } = {},
): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await guarded(() =>
      client.index(index).getDocuments({ limit: PAGE, offset, ...(opts.filter ? { filter: opts.filter } : {}), ...(opts.fields ? { fields: opts.fields as never } : {}) }),
    );
    out.push(...(page.results as Array<Record<string, unknown>>));
    if (page.results.length < PAGE) return out;
  }
}

/** A Meilisearch filter `field IN ["a", "b"]`, values quoted and escaped. */
export function inFilter(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** Upserts then deletes for one index, each as one task (atomic in Meilisearch). */
export async function writeAdditions(client: Meilisearch, index: string, docs: IndexDiff['upsert']): Promise<void> {
  // Sent again once if the socket fails under it (see idempotentWrite): documents with their ids replace themselves.
  if (docs.length) await waitChange(idempotentWrite(() => client.index(index).addDocuments(docs, { primaryKey: 'id' })));
}

export async function writePartial(client: Meilisearch, index: string, docs: IndexDiff['upsert']): Promise<void> {
  if (docs.length) await waitChange(client.index(index).updateDocuments(docs, { primaryKey: 'id' }));
}

export async function writeDeletions(client: Meilisearch, index: string, ids: readonly string[]): Promise<void> {
  if (ids.length) await waitChange(client.index(index).deleteDocuments([...ids]));
}

/** Creates an index with its settings when it does not exist yet (the change log's). */
export async function ensureIndex(client: Meilisearch, uid: string, settings: Record<string, unknown>): Promise<void> {
  const existing = await guarded(() => client.getRawIndexes({ limit: 1000 }));
  if (existing.results.some((i) => i.uid === uid)) return;
  await waitChange(client.createIndex(uid, { primaryKey: 'id' }));
  await waitChange(client.index(uid).updateSettings(settings));
}

/** Number of documents in each index, as the meta document records them. */
export async function indexCounts(client: Meilisearch, names: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = (await guarded(() => client.index(name).getStats())).numberOfDocuments;
  return out;
}
