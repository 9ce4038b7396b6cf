import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../schemas/common.js';
import { DocParams, DocumentDetail, DocumentList, DocumentListQuery } from '../schemas/documents.js';
import { createDocumentService } from '../services/document-service.js';

const documents: FastifyPluginAsyncZod = async (app) => {
  const svc = createDocumentService(app.reader);
  app.get(
    '/v1/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'List documents, optionally filtered by kind, issuer and year',
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
        response: { 200: DocumentDetail, ...errorResponses(404) },
      },
    },
    (req) => svc.get(req.params.id),
  );
};
export default documents;
