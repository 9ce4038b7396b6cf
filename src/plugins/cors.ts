import fp from 'fastify-plugin';
import cors from '@fastify/cors';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A POST that only reads (batch resolution, citation extraction): browser
     * apps on other origins may call it. Every other non-GET route stays
     * same-origin. Only for routes without path parameters.
     */
    crossOrigin?: boolean;
  }
}

export interface CorsPluginOptions {
  /** Origins allowed to read the API from a browser: `'*'` (default) or exact origins such as `https://oa.example.gov.cn`. */
  origins?: '*' | string[];
}

/** Anything under it writes; it is never open to other origins, whatever a route says. */
const WRITE_PREFIX = '/v1/admin';
const READ_METHODS = ['GET', 'HEAD'];

/** Headers a browser script on another origin may read: validators, deprecation notices, rate limits. */
const EXPOSED = ['ETag', 'Deprecation', 'Sunset', 'Link', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];
const ALLOWED_REQUEST_HEADERS = ['Content-Type', 'If-None-Match', 'Accept'];

/** `https://Example.org/` → `https://example.org`: origins compare as the browser sends them. */
export function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin.trim().replace(/\/+$/, '').toLowerCase();
  }
}

/**
 * CORS for the read API. Any allowed origin may GET (and HEAD) every route
 * outside /v1/admin, and POST to the routes marked `config.crossOrigin`
 * (reads that take a body). No credentials are ever allowed: the read API
 * needs none, and a write must never ride on a user's cookies from another
 * site. A preflight for anything else gets no CORS headers (404), so the
 * browser refuses the request.
 */
export default fp<CorsPluginOptions>(
  async (app, opts) => {
    const origins = opts.origins ?? '*';
    const allowed = origins === '*' ? undefined : new Set(origins.map(normalizeOrigin));
    const crossOriginPosts = new Set<string>();
    app.addHook('onRoute', (route) => {
      if (!route.config?.crossOrigin) return;
      if (route.url.includes(':') || route.url.includes('*')) {
        throw new Error(`config.crossOrigin is for routes without path parameters; ${route.url} has some`);
      }
      if (route.url.startsWith(WRITE_PREFIX)) throw new Error(`${route.url} is a write route: it cannot be crossOrigin`);
      crossOriginPosts.add(route.url);
    });

    /** The methods another origin may use on this path; empty: none. */
    function methodsFor(req: FastifyRequest): string[] {
      const path = req.url.split('?')[0]!;
      if (path === WRITE_PREFIX || path.startsWith(`${WRITE_PREFIX}/`)) return [];
      return crossOriginPosts.has(path) ? [...READ_METHODS, 'POST'] : READ_METHODS;
    }

    await app.register(cors, {
      // Called per request: the answer depends on the path and, for a preflight, the method asked for.
      delegator: async (req: FastifyRequest) => {
        const methods = methodsFor(req);
        const asked = req.method === 'OPTIONS' ? String(req.headers['access-control-request-method'] ?? '').toUpperCase() : req.method;
        const origin = req.headers.origin;
        const originOk = origin !== undefined && (allowed === undefined || allowed.has(normalizeOrigin(origin)));
        if (!originOk || !methods.includes(asked)) return { origin: false };
        return {
          origin: allowed === undefined ? '*' : normalizeOrigin(origin),
          methods,
          allowedHeaders: ALLOWED_REQUEST_HEADERS,
          exposedHeaders: EXPOSED,
          credentials: false,
          maxAge: 600,
          // A preflight without Origin is answered like any other OPTIONS, not with a plain-text 400.
          strictPreflight: false,
        };
      },
    });
  },
  { name: 'cors', fastify: '5.x' },
);
