import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, Id } from '../schemas/common.js';
import { Direction, DocumentReferences, ReferenceGraph } from '../services/reference-service.js';

const references: FastifyPluginAsyncZod = async (app) => {
  const svc = app.services.references;
  app.get(
    '/v1/documents/:id/references',
    {
      schema: {
        tags: ['references'],
        summary: 'References of a document aggregated per cited (out) or citing (in) document, with counts',
        params: z.object({ id: Id }),
        querystring: z.object({ direction: Direction.default('out') }),
        response: { 200: DocumentReferences, ...errorResponses(404) },
      },
    },
    (req) => svc.forDocument(req.params.id, req.query.direction),
  );
  app.get(
    '/v1/references/graph',
    {
      schema: {
        tags: ['references'],
        summary: 'The citation graph: documents as nodes, citation counts between them as edges',
        response: { 200: ReferenceGraph, ...errorResponses() },
      },
    },
    () => svc.graph(),
  );
};
export default references;
