import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas/common.js';
import { ChangesQuery, ChangesResponse, DocumentsFeedQuery } from '../schemas/admin.js';
import { SearchQuery } from '../schemas/search.js';
import { renderAtom } from '../services/feed-service.js';

/** A saved search: the search's own words and filters (no paging, sorting or facets: a feed is newest first). */
const SearchFeedQuery = z
  .object(SearchQuery.shape)
  .omit({ limit: true, offset: true, sort: true, facets: true })
  .refine((v) => !v.role || v.department, { message: 'role needs a department', path: ['role'] });

const ATOM = 'application/atom+xml; charset=utf-8';

/** The address a feed reader used, for the feed's id and links (ids must be absolute IRIs). */
function addresses(req: FastifyRequest): { self: string; origin: string } {
  const origin = `${req.protocol}://${req.host}`;
  return { origin, self: `${origin}${req.url}` };
}

/** What changed, for programs (JSON) and feed readers (Atom). Public: reading needs no token. */
const feeds: FastifyPluginAsyncZod = async (app) => {
  // A saved search's feed lists what the search lists: the query understood the same way.
  const svc = app.services.feeds;

  app.get(
    '/v1/changes',
    {
      schema: {
        tags: ['changes'],
        summary: 'Documents added, replaced, merged or removed, oldest first, after `since` (a sequence number or a time)',
        querystring: ChangesQuery,
        response: { 200: ChangesResponse, ...errorResponses() },
      },
    },
    async (req) => {
      const page = await svc.changes(req.query);
      if (!page) throw new ApiError('INVALID_REQUEST', 'since must be a sequence number or an ISO date/time.', [{ in: 'querystring', path: ['since'] }]);
      return page;
    },
  );

  app.get(
    '/feeds/documents.atom',
    {
      schema: {
        tags: ['changes'],
        summary: 'Atom feed of new documents, optionally of one kind or issuer',
        querystring: DocumentsFeedQuery,
        response: { 200: z.string(), ...errorResponses() },
      },
    },
    async (req, reply) => reply.type(ATOM).send(renderAtom(await svc.documentsFeed(req.query, addresses(req)))),
  );

  app.get(
    '/feeds/search.atom',
    {
      schema: {
        tags: ['changes'],
        summary: 'Atom feed of a saved search: the matching clauses of documents added since (q and the search filters)',
        querystring: SearchFeedQuery,
        response: { 200: z.string(), ...errorResponses(404) },
      },
    },
    async (req, reply) => reply.type(ATOM).send(renderAtom(await svc.searchFeed({ ...req.query, limit: 10, offset: 0, sort: 'relevance', facets: false }, addresses(req)))),
  );
};
export default feeds;
