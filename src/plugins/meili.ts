import fp from 'fastify-plugin';
import { Meilisearch } from 'meilisearch';
import { createIndexReader, type IndexReader } from '../services/index-reader.js';

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
}

/**
 * The only place the API talks to Meilisearch. The official client uses the
 * global fetch (undici), which keeps connections alive between requests.
 */
export default fp<MeiliPluginOptions>(
  async (app, opts) => {
    const client = new Meilisearch({ host: opts.host, apiKey: opts.apiKey, timeout: opts.timeoutMs ?? 10_000 });
    app.decorate('reader', createIndexReader(client));
  },
  { name: 'meili', fastify: '5.x' },
);
