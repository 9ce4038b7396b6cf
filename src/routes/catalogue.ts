import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../schemas/common.js';
import { CatalogueList, CatalogueQuery } from '../services/catalogue-service.js';

/** The catalogue (附表) of related documents found in the corpus, as structured entries. */
const catalogue: FastifyPluginAsyncZod = async (app) => {
  const svc = app.services.catalogue;
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
    (req) => svc.list(req.query),
  );
};
export default catalogue;
