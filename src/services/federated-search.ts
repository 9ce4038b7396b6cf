/**
 * A search over an index spread across shards, as ONE request: POST
 * /multi-search with `federation` on the home shard and the same query once
 * per shard (`federationOptions.remote`). Meilisearch runs the queries on the
 * remotes, merges their hits by ranking (the ranking rules score a clause by
 * its own text only — no corpus-wide statistics — so a clause scores the same
 * on any shard, and sorts compare the same values), sums the totals and, with
 * `facetsByIndex` + `mergeFacets`, adds the facet counts.
 *
 * It speaks the single-index search's language (SearchFn), so the search
 * service is the same code over one instance or many. What Meilisearch 1.21's
 * federation cannot do is translated here:
 * - no `page`/`hitsPerPage` (exhaustive totals) in a federated search: a page is
 *   asked as offset/limit, and the answer has `estimatedTotalHits` only — the
 *   search service then reports `totalIsExact: false` (README "Sharding");
 * - a remote that fails (down, restarting, missing index) does not fail the
 *   request: Meilisearch answers 200 with the other shards' hits and the
 *   failure in `remoteErrors`. A page silently missing a shard's clauses would
 *   be wrong with no sign of it, so that becomes MeiliUnavailableError — the
 *   API's 503 SEARCH_UNAVAILABLE with Retry-After — until every shard answers.
 */
import type { SearchResponse } from 'meilisearch';
import { MeiliUnavailableError } from '../../meili/errors.js';
import type { SearchBody } from '../../meili/http-transport.js';
import type { SearchFn } from './index-reader.js';

/** What Meilisearch answers to a federated multi-search (1.21). */
interface FederatedResponse {
  hits: Array<Record<string, unknown> & { _federation?: unknown }>;
  processingTimeMs: number;
  limit: number;
  offset: number;
  estimatedTotalHits: number;
  facetDistribution?: Record<string, Record<string, number>>;
  facetStats?: Record<string, { min: number; max: number }>;
  remoteErrors?: Record<string, { message: string; code?: string }>;
}

export interface FederatedSearchOptions {
  /** POSTs JSON to the home shard (the transport's lean path). */
  post: <T>(path: string, body: unknown) => Promise<T>;
  /** The plain single-index search, for indexes that live whole on the home shard. */
  search: SearchFn;
  /** The shards' names in the network (meili/shards.ts `shardName`), every one queried. */
  remotes: string[];
  /** Indexes spread across the shards (ingest/push.ts SHARDED_INDEXES); the rest are searched on the home shard. */
  sharded: ReadonlySet<string>;
}

/** The federated request for one single-index search body. Pure; exported for tests. */
export function toFederatedRequest(index: string, body: SearchBody, remotes: string[]): Record<string, unknown> {
  const { offset, limit, page, hitsPerPage, facets, ...query } = body;
  const window =
    page !== undefined || hitsPerPage !== undefined
      ? { offset: ((page ?? 1) - 1) * (hitsPerPage ?? 20), limit: hitsPerPage ?? 20 }
      : { offset: offset ?? 0, limit: limit ?? 20 };
  return {
    federation: { ...window, ...(facets?.length ? { facetsByIndex: { [index]: facets }, mergeFacets: {} } : {}) },
    queries: remotes.map((remote) => ({ indexUid: index, ...query, federationOptions: { remote } })),
  };
}

/** A SearchFn that federates the sharded indexes and passes the others through. */
export function createFederatedSearch(opts: FederatedSearchOptions): SearchFn {
  return async (index, body) => {
    if (!opts.sharded.has(index)) return opts.search(index, body);
    const res = await opts.post<FederatedResponse>('/multi-search', toFederatedRequest(index, body, opts.remotes));
    const failed = Object.entries(res.remoteErrors ?? {});
    if (failed.length) {
      throw new MeiliUnavailableError(`${failed.length} of ${opts.remotes.length} shards did not answer (${failed.map(([name, e]) => `${name}: ${e.code ?? e.message}`).join('; ')})`);
    }
    for (const h of res.hits) delete h._federation;
    return {
      hits: res.hits,
      query: typeof body.q === 'string' ? body.q : '',
      processingTimeMs: res.processingTimeMs,
      offset: res.offset,
      limit: res.limit,
      estimatedTotalHits: res.estimatedTotalHits,
      ...(res.facetDistribution ? { facetDistribution: res.facetDistribution } : {}),
      ...(res.facetStats ? { facetStats: res.facetStats } : {}),
    } as SearchResponse<Record<string, unknown>>;
  };
}
