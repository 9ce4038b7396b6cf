import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../schemas/common.js';
import { SuggestQuery, SuggestResponse } from '../schemas/search.js';

const suggest: FastifyPluginAsyncZod = async (app) => {
  const svc = app.services.suggest;
  app.get(
    '/v1/suggest',
    {
      schema: {
        tags: ['search'],
        summary: 'Type-ahead: document titles and department names for what has been typed so far',
        description: 'Prefix matches first (of a title, a department name, alias or abbreviation), then matches of the typed words.',
        querystring: SuggestQuery,
        response: { 200: SuggestResponse, ...errorResponses() },
      },
    },
    (req) => svc.suggest(req.query),
  );
};
export default suggest;
