import type { FastifyPluginAsync } from 'fastify';
import health from './health.js';
import search from './search.js';
import suggest from './suggest.js';
import documents from './documents.js';
import clauses from './clauses.js';
import departments from './departments.js';
import tasks from './tasks.js';
import references from './references.js';
import citations from './citations.js';
import catalogue from './catalogue.js';
import indicators from './indicators.js';
import oembed from './oembed.js';
import embed from './embed.js';
import feeds from './feeds.js';

/** Every route plugin of the API, registered in this order by app.ts. */
export const routes: FastifyPluginAsync[] = [health, search, suggest, documents, clauses, departments, tasks, references, citations, catalogue, indicators, oembed, embed, feeds];
