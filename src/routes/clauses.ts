import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../schemas/common.js';
import { ClauseDetail, DocParams, DocQuery } from '../schemas/documents.js';

const clauses: FastifyPluginAsyncZod = async (app) => {
  const svc = app.services.documents;
  const refs = app.services.references;
  app.get(
    '/v1/clauses/:id',
    {
      schema: {
        tags: ['clauses'],
        summary: 'A clause: text (normalized and original), breadcrumb, neighbours, children, owners and references',
        params: DocParams,
        querystring: DocQuery,
        response: { 200: ClauseDetail, ...errorResponses(404) },
      },
    },
    async (req) => {
      const clause = await svc.clause(req.params.id, req.query.asOf);
      const [references, targets] = await Promise.all([refs.forClause(clause.id), svc.targets(clause.id)]);
      return { ...clause, references, targets };
    },
  );
};
export default clauses;
