import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { ApiError } from '../errors.js';

/** A limit on one route, per client address: at most `max` requests per `windowMs`. */
export interface RouteLimit {
  max: number;
  windowMs: number;
}

/** The routes that cost real work per request: free-text citation extraction and CSV exports. */
export interface RateLimits {
  /** POST /v1/citations/extract; default 60 a minute. */
  extract: RouteLimit;
  /** GET …/tasks.csv; default 30 a minute. */
  csv: RouteLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  extract: { max: 60, windowMs: 60_000 },
  csv: { max: 30, windowMs: 60_000 },
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Route options for the expensive routes: `config: { rateLimit: app.rateLimits.extract }`. */
    rateLimits: { extract: { max: number; timeWindow: number }; csv: { max: number; timeWindow: number } };
  }
}

/**
 * A strict Content-Security-Policy the server-rendered pages live with: all
 * from this origin, no inline script, no plugins, no framing by others.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/**
 * Swagger UI (/docs) sets inline styles from its bundle; everything else stays
 * as strict as the rest of the site. Applied by app.ts to the /docs routes only.
 */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

export interface SecurityOptions {
  rateLimits?: Partial<RateLimits>;
}

/**
 * Security headers on every answer (@fastify/helmet) and per-client limits on
 * the expensive routes (@fastify/rate-limit, not global: searches are cheap and
 * a library's readers share addresses behind one proxy). A limit hit is a 429
 * in the API's error shape, with Retry-After.
 */
export default fp<SecurityOptions>(
  async (app, opts) => {
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
      // Embedding citations in other sites' pages is the point of the API: its JSON may be read cross-origin.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    });
    const limits = { ...DEFAULT_RATE_LIMITS, ...opts.rateLimits };
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_req, ctx) =>
        new ApiError('RATE_LIMITED', `Too many requests to this endpoint: at most ${ctx.max} per ${ctx.after}; retry in ${Math.ceil(ctx.ttl / 1000)} s.`, {
          limit: ctx.max,
          retryAfterSeconds: Math.ceil(ctx.ttl / 1000),
        }),
    });
    const asOption = (l: RouteLimit) => ({ max: l.max, timeWindow: l.windowMs });
    app.decorate('rateLimits', { extract: asOption(limits.extract), csv: asOption(limits.csv) });
  },
  { name: 'security', dependencies: ['errors'] },
);
