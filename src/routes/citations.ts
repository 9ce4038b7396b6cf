import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, Id } from '../schemas/common.js';
import {
  CiteFormat,
  CiteJson,
  ExtractResult,
  MAX_EXTRACT_CHARS,
  ResolveResult,
  createCitationService,
} from '../services/citation-service.js';

const citations: FastifyPluginAsyncZod = async (app) => {
  const svc = createCitationService(app.reader);
  app.get(
    '/v1/resolve',
    {
      schema: {
        tags: ['citations'],
        summary: 'Resolve a human citation (安全生产法第二十一条, 《…》第31条, 国发〔2015〕50号) to a document or clause',
        querystring: z.object({ cite: z.string().trim().min(1).max(500) }),
        response: { 200: ResolveResult, ...errorResponses(404) },
      },
    },
    (req) => svc.resolve(req.query.cite),
  );
  app.post(
    '/v1/citations/extract',
    {
      schema: {
        tags: ['citations'],
        summary: 'Find every citation in a free text, with offsets, normalized form and resolution status',
        body: z.object({ text: z.string().min(1).max(MAX_EXTRACT_CHARS) }),
        response: { 200: ExtractResult, ...errorResponses(413, 415, 429) },
      },
      config: { rateLimit: app.rateLimits.extract },
    },
    (req) => svc.extract(req.body.text),
  );
  app.get(
    '/v1/clauses/:id/cite',
    {
      schema: {
        tags: ['citations'],
        summary: 'The canonical citation of a clause (full title, 文号, label path) and its permalink',
        params: z.object({ id: Id }),
        querystring: z.object({ format: CiteFormat.default('json') }),
        response: { 200: z.union([CiteJson, z.string()]), ...errorResponses(404) },
      },
    },
    async (req, reply) => {
      const cite = await svc.cite(req.params.id, `${req.protocol}://${req.host}`);
      if (req.query.format === 'json') return cite;
      if (req.query.format === 'markdown') {
        return reply.type('text/markdown; charset=utf-8').send(`[${cite.citation}](${cite.permalink})`);
      }
      return reply.type('text/plain; charset=utf-8').send(`${cite.citation} ${cite.permalink}`);
    },
  );
};
export default citations;
