import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { INDEX } from '../../ingest/to-index/index-names.js';
import { errorResponses, Limit, Offset, ShortText } from '../schemas/common.js';
import { and, eq } from '../services/filter.js';

const CatalogueQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Words of the title'),
  issuer: ShortText.optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  limit: Limit(200, 100),
  offset: Offset,
});

const CatalogueEntryOut = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  date: z.string().optional(),
  year: z.number().int().optional(),
  issuer: z.string().optional(),
  /** The document in the corpus this entry lists, when it is there. */
  docId: z.string().optional(),
});

const CatalogueList = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  entries: z.array(CatalogueEntryOut),
});

/** The catalogue (附表) of related documents found in the corpus, as structured entries. */
const catalogue: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/catalogue',
    {
      schema: {
        tags: ['documents'],
        summary: 'Entries of the catalogue of documents (number, title, date, issuer), linked to corpus documents',
        querystring: CatalogueQuery,
        response: { 200: CatalogueList, ...errorResponses() },
      },
    },
    async (req) => {
      const { q, issuer, year, limit, offset } = req.query;
      const filter = and(issuer && eq('issuer', issuer), year !== undefined && eq('year', year));
      const res = await app.reader.search<z.infer<typeof CatalogueEntryOut>>(INDEX.catalogue, q ?? '', {
        filter,
        limit,
        offset,
        sort: q ? undefined : ['number:asc'],
        attributesToRetrieve: ['id', 'number', 'title', 'date', 'year', 'issuer', 'docId'],
      });
      return { total: res.estimatedTotalHits ?? res.hits.length, limit, offset, entries: res.hits };
    },
  );
};
export default catalogue;
