import fp from 'fastify-plugin';
import { Meilisearch } from 'meilisearch';
import { createIndexReader, type IndexReader } from '../services/index-reader.js';
import { createMeiliTransport } from '../../meili/http-transport.js';

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
    app.decorate('reader', createIndexReader(client, { search: transport.search }));
  },
  { name: 'meili', fastify: '5.x' },
);
