import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../schemas/common.js';
import { SearchQuery, SearchResponse } from '../schemas/search.js';

const search: FastifyPluginAsyncZod = async (app) => {
  const svc = app.services.search;
  app.get(
    '/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search clauses: highlighted snippets, breadcrumbs and citations; filters, facets, phrases',
        description:
          'Chinese is segmented by the server exactly as the index was. "Quoted phrases" (or “…”) must occur verbatim. ' +
          'Department names and abbreviations (工信厅) match every alias; a department-like name the registry does not know ' +
          'matches only verbatim, with suggestions in `notices`. Traditional characters are folded to simplified. ' +
          'Questions are understood (frames removed, intent searched through its cue words), everyday words and abbreviations ' +
          'are searched with the texts\' wordings, and a word the index lacks is corrected; every rewrite is listed in ' +
          '`plan.rewrites`, and `exact=true` turns them all off.',
        querystring: SearchQuery,
        response: { 200: SearchResponse, ...errorResponses(404) },
      },
      // The hot path: the service builds responses typed by SearchResponse (and the integration tests
      // parse them with it), so re-validating each one with zod here only costs time (~0.3 ms a page).
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    (req) => svc.search(req.query),
  );
};
export default search;
