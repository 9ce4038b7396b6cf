import fp from 'fastify-plugin';
import { createCatalogueService } from '../services/catalogue-service.js';
import { createCitationService } from '../services/citation-service.js';
import { createDepartmentService } from '../services/department-service.js';
import { createDocumentService } from '../services/document-service.js';
import { createFeedService } from '../services/feed-service.js';
import { generationOf, latestPerGeneration } from '../services/generation.js';
import { createIndicatorService } from '../services/indicator-service.js';
import { createLexiconSource } from '../services/query/index.js';
import { createReferenceService } from '../services/reference-service.js';
import { createSearchService } from '../services/search-service.js';
import { createSuggestService } from '../services/suggest-service.js';
import { createTaskService } from '../services/task-service.js';

/**
 * Every service of the API, created once for the app from `app.reader` and `app.segmenter`: the JSON routes, the web
 * pages and the feeds share the same instances, so they share one cache per index generation (src/services/generation.ts)
 * and one department registry — the live index's, rebuilt when an ingest swaps in a new generation.
 */
function createServices(reader: import('../services/index-reader.js').IndexReader, segmenter: import('../../core/segment/index.js').Segmenter) {
  const generation = generationOf(reader);
  const departments = createDepartmentService(reader, generation);
  // The request path never waits for a staleness check of the registry (as for the lexicon).
  const registry = latestPerGeneration(generation, () => departments.registry(), { fallback: undefined });
  const departmentList = latestPerGeneration(generation, async () => (await departments.registry()).departments(), { fallback: [] });
  const search = createSearchService({ reader, segmenter, registry, lexicon: createLexiconSource(reader, Date.now, generation) });
  return {
    search,
    suggest: createSuggestService({ reader, segmenter, departments: departmentList }),
    documents: createDocumentService(reader),
    references: createReferenceService(reader),
    citations: createCitationService(reader, generation),
    departments,
    tasks: createTaskService({ reader, segmenter, departments }),
    catalogue: createCatalogueService(reader),
    indicators: createIndicatorService(reader, segmenter),
    feeds: createFeedService({ reader, search }),
  };
}

export type Services = ReturnType<typeof createServices>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The API's services, created once (routes stay thin: validate, call a service, answer). */
    services: Services;
  }
}

export default fp(
  async (app) => {
    app.decorate('services', createServices(app.reader, app.segmenter));
  },
  { name: 'services', dependencies: ['meili', 'segmenter'] },
);
