import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, Id } from '../schemas/common.js';
import { ApiError } from '../errors.js';
import {
  BatchResolveResult,
  CiteFormat,
  CiteJson,
  ExtractResult,
  MAX_BATCH_CITES,
  MAX_CITE_CHARS,
  MAX_EXTRACT_CHARS,
  ResolveResult,
  createCitationService,
} from '../services/citation-service.js';

/**
 * Sizes past the limits are a 413 in the API's error shape, checked before
 * validation so the answer says which limit and by how much (zod would say 400).
 */
function tooLarge(what: string, got: number, limit: number): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `${what}: ${got.toLocaleString('en')}, at most ${limit.toLocaleString('en')}.`, { limit, got });
}

/** Room for the largest batch (1,000 citations of 500 CJK characters, 3 bytes each) and text (64,000 characters up to 4 bytes each). */
const BATCH_BODY_LIMIT = 2 * 1024 * 1024;
const EXTRACT_BODY_LIMIT = 320 * 1024;

const citations: FastifyPluginAsyncZod = async (app) => {
  const svc = app.services.citations;
  app.get(
    '/v1/resolve',
    {
      schema: {
        tags: ['citations'],
        summary: 'Resolve a human citation (安全生产法第二十一条, 《…》第31条, 国发〔2015〕50号) to a document or clause',
        querystring: z.object({ cite: z.string().trim().min(1).max(MAX_CITE_CHARS) }),
        response: { 200: ResolveResult, ...errorResponses(404) },
      },
    },
    (req) => svc.resolve(req.query.cite),
  );
  app.post(
    '/v1/resolve',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      // Reads only: a browser app on another origin may call it (src/plugins/cors.ts). A thousand citations
      // cost like an extraction: the same limit.
      config: { crossOrigin: true, rateLimit: app.rateLimits.extract },
      schema: {
        tags: ['citations'],
        summary: `Resolve up to ${MAX_BATCH_CITES.toLocaleString('en')} citations at once; one answer per citation, in order`,
        description:
          'Each answer has the status, the API link (`url`) and web page (`page`) and the canonical citation, or the reason it did not resolve. ' +
          'An empty, over-long or unparseable citation is answered `invalid`; it does not fail the batch. More than 1,000 citations: 413.',
        body: z.object({ cites: z.array(z.string()).min(1).max(MAX_BATCH_CITES) }),
        response: { 200: BatchResolveResult, ...errorResponses(413, 415, 429) },
      },
      preValidation: async (req) => {
        const cites = (req.body as { cites?: unknown } | undefined)?.cites;
        if (Array.isArray(cites) && cites.length > MAX_BATCH_CITES) throw tooLarge('Too many citations', cites.length, MAX_BATCH_CITES);
      },
    },
    (req) => svc.resolveBatch(req.body.cites),
  );
  app.post(
    '/v1/citations/extract',
    {
      bodyLimit: EXTRACT_BODY_LIMIT,
      config: { crossOrigin: true, rateLimit: app.rateLimits.extract },
      schema: {
        tags: ['citations'],
        summary: 'Find every citation in a free text, with offsets, normalized form and resolution status',
        description: `Texts up to ${MAX_EXTRACT_CHARS.toLocaleString('en')} characters (413 past it). \`resolvedOnly\`: return only the citations that resolved; \`total\` still counts all.`,
        body: z.object({ text: z.string().min(1).max(MAX_EXTRACT_CHARS), resolvedOnly: z.boolean().default(false) }),
        response: { 200: ExtractResult, ...errorResponses(413, 415, 429) },
      },
      preValidation: async (req) => {
        const text = (req.body as { text?: unknown } | undefined)?.text;
        if (typeof text === 'string' && text.length > MAX_EXTRACT_CHARS) throw tooLarge('Text too long (characters)', text.length, MAX_EXTRACT_CHARS);
      },
    },
    (req) => svc.extract(req.body.text, { resolvedOnly: req.body.resolvedOnly }),
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
