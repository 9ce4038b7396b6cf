import fp from 'fastify-plugin';
import { Meilisearch } from 'meilisearch';
import { createIndexReader, type IndexReader } from '../services/index-reader.js';
import { createNodeHttpClient } from '../meili/node-http-client.js';

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
 * The only place the API talks to Meilisearch: the official client over a
 * keep-alive node:http pool (see src/meili/node-http-client.ts).
 */
export default fp<MeiliPluginOptions>(
  async (app, opts) => {
    // node:http with keep-alive instead of global fetch, never asking for gzip: measured (bench/README.md)
    // ~45 ms for a 10 KB page of hits with fetch's default gzip, ~1 ms of fetch overhead without.
    const httpClient = createNodeHttpClient();
    const client = new Meilisearch({ host: opts.host, apiKey: opts.apiKey, timeout: opts.timeoutMs ?? 10_000, httpClient });
    app.addHook('onClose', async () => httpClient.close());
    app.decorate('reader', createIndexReader(client));
  },
  { name: 'meili', fastify: '5.x' },
);
