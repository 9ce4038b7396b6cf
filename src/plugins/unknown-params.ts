import fp from 'fastify-plugin';
import type { preValidationHookHandler } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../errors.js';

/** Accepted on every route and ignored: the cache-busting parameter some HTTP clients append (`_=1700000000`). */
const IGNORED = new Set(['_']);

/** Edit distance between two short strings (parameter names). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The accepted name a mistyped one most likely meant (limt → limit, docid → docId), if any is close. */
export function didYouMean(name: string, accepted: readonly string[]): string | undefined {
  // About one slip in three characters, and never a rewrite of the whole name (x is not q).
  const allowed = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of accepted) {
    const d = candidate.toLowerCase() === name.toLowerCase() ? 0 : distance(name, candidate);
    if (d <= allowed && d < Math.min(name.length, candidate.length) && d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * Refuses query parameters a route does not take. zod would strip them
 * silently, so `?lmit=5` answered 20 hits and `/v1/departments?name=…` the
 * whole list: a mistake the caller never saw. Now it is a 400 INVALID_REQUEST
 * whose details name the parameter, what it was probably meant to be, and
 * what the route accepts. Applies to every route whose querystring schema is
 * a zod object; register before the routes (it hooks their creation).
 */
export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      const schema = route.schema?.querystring;
      if (!(schema instanceof z.ZodObject)) return;
      const accepted = Object.keys(schema.shape);
      const known = new Set([...accepted, ...IGNORED]);
      const refuse: preValidationHookHandler = (req, _reply, done) => {
        const unknown = Object.keys(req.query as Record<string, unknown>).filter((k) => !known.has(k));
        if (!unknown.length) return done();
        const details = unknown.map((name) => {
          const meant = didYouMean(name, accepted);
          return {
            in: 'querystring',
            path: [name],
            message: `Unknown parameter ${name}${meant ? `; did you mean ${meant}?` : '.'} Accepted: ${accepted.join(', ')}.`,
          };
        });
        done(new ApiError('INVALID_REQUEST', 'Invalid request parameters.', details));
      };
      route.preValidation = [...(route.preValidation ? [route.preValidation].flat() : []), refuse];
    });
  },
  { name: 'unknown-params' },
);
