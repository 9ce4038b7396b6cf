import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { INDEX } from '../../core/index/index-names.js';

const Engine = z.object({
  /** embedded: started and supervised by this server; external: MEILI_HOST, run by someone else. */
  mode: z.enum(['embedded', 'external']),
  state: z.enum(['up', 'restarting', 'gave-up', 'stopped', 'unknown']),
  /** Restarts of the embedded engine since the API started. */
  restarts: z.number().int(),
  lastExit: z.object({ status: z.string(), at: z.string() }).optional(),
});

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  meilisearch: z.enum(['available', 'unreachable']),
  index: z.enum(['ready', 'empty', 'unknown']),
  documents: z.number().int(),
  clauses: z.number().int(),
  ingestedAt: z.string().optional(),
  engine: Engine,
});

/** Always answers (200 when serving, 503 with Retry-After when the engine is down), never throws. */
const health: FastifyPluginAsyncZod = async (app) => {
  const engine = (): z.infer<typeof Engine> => {
    const s = app.engineStatus();
    if (!s) return { mode: 'external', state: 'unknown', restarts: 0 };
    return { mode: 'embedded', state: s.state, restarts: s.restarts, ...(s.lastExit ? { lastExit: s.lastExit } : {}) };
  };
  app.get(
    '/health',
    // A status must be fresh: never cached, no validators.
    {
      config: { cache: false },
      schema: {
        tags: ['health'],
        summary: 'Service status, search engine reachability, index counts and the engine supervisor’s restart count',
        response: { 200: Health, 503: Health.describe('The search engine is unreachable (see Retry-After)') },
      },
    },
    async (_req, reply) => {
      const down = () =>
        reply
          .status(503)
          .header('retry-after', String(app.retryAfterSeconds()))
          .send({ status: 'degraded', meilisearch: 'unreachable', index: 'unknown', documents: 0, clauses: 0, engine: engine() });
      if (!(await app.reader.isHealthy())) return down();
      try {
        const [documents, clauses, meta] = await Promise.all([
          app.reader.count(INDEX.documents),
          app.reader.count(INDEX.clauses),
          app.reader.get<{ ingestedAt: string }>(INDEX.meta, 'corpus').catch(() => undefined),
        ]);
        return {
          status: 'ok' as const,
          meilisearch: 'available' as const,
          index: documents > 0 ? ('ready' as const) : ('empty' as const),
          documents,
          clauses,
          ...(meta?.ingestedAt ? { ingestedAt: meta.ingestedAt } : {}),
          engine: engine(),
        };
      } catch {
        return down();
      }
    },
  );
};
export default health;
