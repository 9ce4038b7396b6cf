import { createHash } from 'node:crypto';
import { memoize, readGeneration } from '../services/generation.js';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { codeFingerprint } from './code-fingerprint.js';

/**
 * How a GET route may be cached. Routes set it as `config: { cache: … }`;
 * `false` sends no validators (and `Cache-Control: no-store`).
 */
export interface CachePolicy {
  /** The Cache-Control header (default CACHE.revalidate). */
  cacheControl?: string;
  /**
   * Whether the answer is read from the index (default true): its ETag then
   * changes with every ingest. A static asset says false: its ETag changes
   * only with the build.
   */
  fromIndex?: boolean;
  /** Request headers that change the answer besides the URL (hashed into the ETag, listed in Vary). */
  vary?: string[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    cache?: CachePolicy | false;
  }
  interface FastifyRequest {
    /** The validator of this GET's answer, computed before the handler runs; undefined when the route has none. */
    etag?: string;
  }
}

/** Cache-Control values the routes choose from. */
export const CACHE = {
  /** Anything read from the index: a cache may keep it but asks every time — a 304 costs no work. */
  revalidate: 'public, no-cache',
  /** Answers that may be a few minutes old (cards embedded on other sites). */
  short: 'public, max-age=300, must-revalidate',
  /** The product's own static files, named without a hash: a day, then revalidate. */
  asset: 'public, max-age=86400',
} as const;

export interface CacheValidatorOptions {
  /**
   * The index generation: changes with every ingest; undefined while there is
   * no index (then no validators are sent). Default: the meta document's
   * ingestedAt and corpusHash, read through app.reader.
   */
  generation?: () => Promise<string | undefined>;
  /** How long a read generation is reused, ms (default 1000): at most one meta read a second under load. */
  generationTtlMs?: number;
  /**
   * Identifies the code serving the answers, so a deployment that changes an
   * answer's shape without an ingest changes the ETags too. Default: a hash of
   * the source files (src/plugins/code-fingerprint.ts) — the same on every
   * replica of one release, so the validators are shared across instances.
   */
  buildId?: string;
}


/** RFC 9110 weak comparison: does If-None-Match name this ETag (or `*`)? */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const want = bare(etag);
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === want);
}

/** Adds a header name to Vary, keeping what other plugins (CORS: Origin) put there. */
function appendVary(reply: FastifyReply, name: string): void {
  const now = String(reply.getHeader('vary') ?? '');
  const names = now.split(',').map((s) => s.trim()).filter(Boolean);
  if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) reply.header('vary', [...names, name].join(', '));
}

function policyOf(req: FastifyRequest): CachePolicy | false | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  // Unmatched URLs (404) have no route and no validators.
  if (!req.routeOptions.url) return undefined;
  return req.routeOptions.config.cache ?? {};
}

/**
 * ETag, Cache-Control and 304 Not Modified for every GET route — the JSON API
 * and the web pages alike, with no per-route code. The ETag is derived from
 * the index generation and the request (URL and any `vary` headers), not from
 * the body, so a matching If-None-Match is answered 304 before the handler
 * runs: revalidating costs no search. An ingest swaps in a new generation and
 * so changes every ETag.
 */
export default fp<CacheValidatorOptions>(
  async (app, opts) => {
    const buildId = opts.buildId ?? codeFingerprint();
    const readIndexGeneration = opts.generation ?? (() => readGeneration(app.reader));
    const generation = memoize(readIndexGeneration, opts.generationTtlMs ?? 1000);
    app.decorateRequest('etag', undefined);

    app.addHook('onRequest', async (req, reply) => {
      const policy = policyOf(req);
      if (policy === undefined) return;
      if (policy === false) {
        reply.header('cache-control', 'no-store');
        return;
      }
      let gen = '';
      if (policy.fromIndex !== false) {
        // No index or no engine: no validators; the handler answers (503) as it would anyway.
        const g = await generation().catch(() => undefined);
        if (g === undefined) return;
        gen = g;
      }
      const varied = (policy.vary ?? []).map((h) => `${h}=${String(req.headers[h.toLowerCase()] ?? '')}`);
      const hash = createHash('sha256').update([buildId, gen, req.url, ...varied].join('\n')).digest('base64url').slice(0, 27);
      req.etag = `W/"${hash}"`;
      reply.header('etag', req.etag).header('cache-control', policy.cacheControl ?? CACHE.revalidate);
      for (const h of policy.vary ?? []) appendVary(reply, h);
      if (matchesIfNoneMatch(req.headers['if-none-match'], req.etag)) return reply.code(304).send();
    });

    // Validators belong to the answer they describe: an error keeps none.
    app.addHook('onSend', async (req, reply, payload) => {
      if (req.etag && reply.statusCode !== 200 && reply.statusCode !== 304) {
        reply.removeHeader('etag');
        reply.header('cache-control', 'no-store');
      }
      return payload;
    });
  },
  { name: 'cache-validators', dependencies: ['meili'], fastify: '5.x' },
);
