import type { Meilisearch, SearchParams, SearchResponse } from 'meilisearch';
import { INDEX, type IndexName as LibraryIndex } from '../../core/index/index-names.js';
import type { CHANGES_INDEX } from '../../core/index/changes.js';

/** The product's indexes, and the change log that lives beside them (outside the swapped set). */
type IndexName = LibraryIndex | typeof CHANGES_INDEX;
import { toMeiliError } from '../../meili/errors.js';
import { eq } from './filter.js';

export interface ListParams {
  filter?: string;
  limit?: number;
  offset?: number;
  fields?: string[];
  sort?: string[];
}

/**
 * Everything the API needs from Meilisearch, read-only. Services take an
 * IndexReader, so they can be tested against a real engine without Fastify.
 * Every failure is converted by toMeiliError (MeiliUnavailableError → 503).
 */
export interface IndexReader {
  search<T extends Record<string, unknown>>(index: IndexName, q: string, params?: SearchParams): Promise<SearchResponse<T>>;
  /** undefined when the id does not exist. */
  get<T extends Record<string, unknown>>(index: IndexName, id: string, fields?: string[]): Promise<T | undefined>;
  /** Filtered listing through the search endpoint (it can sort and returns an exact total). */
  list<T extends Record<string, unknown>>(index: IndexName, params?: ListParams): Promise<{ hits: T[]; total: number }>;
  /** Facet distribution over an index for the given filter. */
  facets(index: IndexName, facets: string[], filter?: string): Promise<Record<string, Record<string, number>>>;
  /** Number of documents in an index; 0 when it does not exist yet. */
  count(index: IndexName): Promise<number>;
  isHealthy(): Promise<boolean>;
}

/** POST /indexes/{index}/search with the query in the body, as the official client sends it. */
export type SearchFn = (index: string, body: SearchParams & { q?: string | null }) => Promise<SearchResponse<Record<string, unknown>>>;

/**
 * Creates an IndexReader over the official client.
 * @param opts.search how searches (and listings, facet counts) are sent; default the official client's
 *   `index(…).search`. The API passes its transport's lean path (meili/http-transport.ts), or over
 *   shards a federated search (src/services/federated-search.ts).
 * @param opts.sharded indexes spread over shards: `get` and `count` then go through `search` too. Default none.
 */
export function createIndexReader(client: Meilisearch, opts: { search?: SearchFn; sharded?: ReadonlySet<string> } = {}): IndexReader {
  const send: SearchFn = opts.search ?? ((index, { q, ...params }) => client.index(index).search(q, params));
  // An index spread over shards has no one place to fetch a document or stats from: both go through the (federated) search.
  const sharded = opts.sharded ?? new Set<string>();
  const guard = async <R>(work: () => Promise<R>): Promise<R> => {
    try {
      return await work();
    } catch (err) {
      throw toMeiliError(err);
    }
  };
  return {
    search: <T extends Record<string, unknown>>(index: IndexName, q: string, params?: SearchParams) =>
      guard(() => send(index, { q, ...params }) as Promise<SearchResponse<T>>),
    async get(index, id, fields) {
      if (sharded.has(index)) {
        const res = await guard(() => send(index, { q: '', filter: eq('id', id), limit: 1, attributesToRetrieve: fields }));
        return res.hits[0] as never;
      }
      try {
        return (await client.index(index).getDocument(id, fields ? { fields: fields as never } : undefined)) as never;
      } catch (err) {
        if ((err as { cause?: { code?: string } }).cause?.code === 'document_not_found') return undefined;
        throw toMeiliError(err);
      }
    },
    list: (index, p = {}) =>
      guard(async () => {
        const res = await send(index, {
          q: '',
          filter: p.filter,
          limit: p.limit ?? 20,
          offset: p.offset ?? 0,
          attributesToRetrieve: p.fields,
          sort: p.sort,
        });
        return { hits: res.hits as never, total: res.estimatedTotalHits ?? res.hits.length };
      }),
    facets: (index, facets, filter) =>
      guard(async () => {
        const res = await send(index, { q: '', filter, facets, limit: 0 });
        return res.facetDistribution ?? {};
      }),
    async count(index) {
      if (sharded.has(index)) return guard(async () => (await send(index, { q: '', limit: 0 })).estimatedTotalHits ?? 0);
      try {
        return (await client.index(index).getStats()).numberOfDocuments;
      } catch (err) {
        if ((err as { cause?: { code?: string } }).cause?.code === 'index_not_found') return 0;
        throw toMeiliError(err);
      }
    },
    isHealthy: async () => {
      try {
        return (await client.health()).status === 'available';
      } catch {
        return false;
      }
    },
  };
}

export { INDEX };
