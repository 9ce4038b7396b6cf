import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../schemas/common.js';
import { DocParams, DocQuery, DocumentDetail, DocumentList, DocumentListQuery } from '../schemas/documents.js';

const documents: FastifyPluginAsyncZod = async (app) => {
  const svc = app.services.documents;
  app.get(
    '/v1/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'List documents, optionally filtered by kind, issuer (as written or the normalized maker), year and effect status on asOf',
        querystring: DocumentListQuery,
        response: { 200: DocumentList, ...errorResponses() },
      },
    },
    (req) => svc.list(req.query),
  );
  app.get(
    '/v1/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'A document: metadata, sources, counts of nodes by kind, and its outline tree',
        params: DocParams,
        querystring: DocQuery,
        response: { 200: DocumentDetail, ...errorResponses(404) },
      },
    },
    (req) => svc.get(req.params.id, req.query.asOf),
  );
};
export default documents;
