import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { INDEX } from '../../ingest/to-index/index-names.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  meilisearch: z.enum(['available', 'unreachable']),
  index: z.enum(['ready', 'empty', 'unknown']),
  documents: z.number().int(),
  clauses: z.number().int(),
  ingestedAt: z.string().optional(),
});

/** Always answers (200 when serving, 503 when the engine is down), never throws. */
const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    // A status must be fresh: never cached, no validators.
    { config: { cache: false }, schema: { tags: ['health'], summary: 'Service status, search engine reachability and index counts', response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      if (!(await app.reader.isHealthy())) {
        return reply.status(503).send({ status: 'degraded', meilisearch: 'unreachable', index: 'unknown', documents: 0, clauses: 0 });
      }
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
        };
      } catch {
        return reply.status(503).send({ status: 'degraded', meilisearch: 'unreachable', index: 'unknown', documents: 0, clauses: 0 });
      }
    },
  );
};
export default health;
