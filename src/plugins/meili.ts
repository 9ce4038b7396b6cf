import fp from 'fastify-plugin';
import { Meilisearch } from 'meilisearch';
import { createIndexReader, type IndexReader } from '../services/index-reader.js';
import { createMeiliTransport } from '../../meili/http-transport.js';
import { createFederatedSearch } from '../services/federated-search.js';
import { SHARDED_INDEXES } from '../../core/index/shard-of.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Read-only access to the product's Meilisearch indexes. */
    reader: IndexReader;
  }
}

export interface MeiliPluginOptions {
  host: string;
  /** The master key (or a search key). Stays on the server: never sent to clients or logged. */
  apiKey?: string;
  /** Per-request timeout towards Meilisearch, ms (default 10000). */
  timeoutMs?: number;
  /**
   * The shards' names in the Meilisearch network, when the library is spread
   * over several instances (meili/shards.ts); `host` is the home shard,
   * which runs the federated searches. Default none: one instance.
   */
  remotes?: string[];
}

/**
 * The only place the API talks to Meilisearch: one keep-alive undici pool
 * (meili/http-transport.ts). Searches take its lean path; everything else
 * goes through the official client over the same pool.
 */
export default fp<MeiliPluginOptions>(
  async (app, opts) => {
    const timeoutMs = opts.timeoutMs ?? 10_000;
    const transport = createMeiliTransport({ host: opts.host, apiKey: opts.apiKey, timeoutMs });
    const client = new Meilisearch({ host: opts.host, apiKey: opts.apiKey, timeout: timeoutMs, httpClient: transport.httpClient });
    app.addHook('onClose', () => transport.close());
    const remotes = opts.remotes ?? [];
    const search =
      remotes.length > 1 ? createFederatedSearch({ post: transport.post, search: transport.search, remotes, sharded: SHARDED_INDEXES }) : transport.search;
    app.decorate('reader', createIndexReader(client, { search, sharded: remotes.length > 1 ? SHARDED_INDEXES : undefined }));
  },
  { name: 'meili', fastify: '5.x' },
);
