/**
 * Clause search, composed of named steps (src/services/search/): the query is planned (query understanding, then
 * words segmented exactly like indexed text, departments resolved, kept within Meilisearch's word limit — query/),
 * the filters built with escaped values (filters.ts), the leading clauses a query names looked up
 * (leading-hits.ts), the ranked list retrieved by the phrases or the words strategy (phrases.ts, words.ts), and the
 * answer mapped with snippets cropped and highlighted in characters over the normalized text (response.ts).
 */
import type { SearchParams } from 'meilisearch';
import { toSearchQuery } from '../../core/segment/search-field.js';
import type { Segmenter } from '../../core/segment/segmenter.js';
import { INDEX } from '../../core/index/index-names.js';
import { isoOfDay } from '../../core/model/dates.js';
import type { SearchQuery, SearchResponse } from '../schemas/search.js';
import { TASK_FIELDS } from './department-service.js';
import { countStatuses } from './effect-status.js';
import { and, anyOf } from './filter.js';
import { createHighlighter } from './highlight.js';
import type { IndexReader } from './index-reader.js';
import { displayWords, planSearch, type LexiconSource } from './query/index.js';
import { ownersAnswer } from './query/owners-answer.js';
import { FACET_FIELDS, HIT_FIELDS, HIT_FIELDS_WITH_FACETS, SNIPPET_CHARS, SORTS } from './search/constants.js';
import type { ClauseHit, RegistryLike, SearchContext } from './search/context.js';
import { countFacets, mergeFacets, rolesOf } from './search/facets.js';
import { clauseFilters } from './search/filters.js';
import { leadingHits } from './search/leading-hits.js';
import { searchPhrases } from './search/phrases.js';
import { nothingSearchable, searchNotices, toHit } from './search/response.js';
import { countAllWords, searchWords } from './search/words.js';

export { DIRECT_HITS, PARTS_BELOW, PHRASE_CANDIDATES, SCOPED_HITS, SNIPPET_CHARS } from './search/constants.js';
export { countFacets } from './search/facets.js';
export { breadcrumb } from './search/response.js';
export { pageWindow } from './search/words.js';

export interface SearchServiceDeps {
  reader: IndexReader;
  segmenter: Segmenter;
  /**
   * Department names and aliases, for the department filter and department names in queries: a registry, or (the
   * API) the live index generation's registry, read per search. Default: none.
   */
  registry?: RegistryLike | (() => Promise<RegistryLike | undefined>);
  /** How query words are written for Meilisearch (default toSearchQuery, matching the index; other values only for measurements). */
  encodeQuery?: (words: string[]) => string;
  /** Which words a relaxed match gives up first: the last typed after pinned ones (default) or the least informative (measurements only). */
  relaxOrder?: 'typed' | 'informative';
  /** See SearchContext.relaxation (default leave-one-out; `last` kept for measurement). */
  relaxation?: 'last' | 'leave-one-out';
  /** A thesaurus word searched as typed first, its alternatives after (an evaluation variant; default false). */
  typedFirst?: boolean;
  /** The index's vocabulary for query understanding (typos, abbreviations). Default: none (those rewrites are skipped). */
  lexicon?: LexiconSource;
}

/** How matches are marked in snippets (default `<em>`…`</em>`); the web pages pass markers they escape around. */
export interface SnippetMarks {
  pre: string;
  post: string;
}

export function createSearchService(deps: SearchServiceDeps) {
  const { reader, segmenter } = deps;
  const ctx: SearchContext = { reader, segmenter, encode: deps.encodeQuery ?? toSearchQuery, relaxOrder: deps.relaxOrder ?? 'typed', relaxation: deps.relaxation ?? 'leave-one-out' };
  const registryNow = async (): Promise<RegistryLike | undefined> => (typeof deps.registry === 'function' ? deps.registry() : deps.registry);

  /** Lookups made beside the clause search: the owners of a "who" question, documents whose 文号 the query holds. */
  const sideLookups = (plan: Awaited<ReturnType<typeof planSearch>>) => {
    // A question about who is responsible is also asked of the tasks index, beside the clause search.
    const owners = plan.intent === 'who' ? ownersAnswer(reader, ctx.encode(plan.plan.words), TASK_FIELDS) : undefined;
    // A 文号 may be the number of a corpus document: looked up beside the clause search, for a notice.
    const numbered = plan.plan.docNumbers.length
      ? reader.list<{ id: string; title: string; docNumber: string }>(INDEX.documents, {
          filter: anyOf('docNumber', plan.plan.docNumbers),
          limit: plan.plan.docNumbers.length * 5,
          fields: ['id', 'title', 'docNumber'],
        })
      : undefined;
    // Awaited at the end; kept from going unhandled if the clause search fails first.
    owners?.catch(() => undefined);
    numbered?.catch(() => undefined);
    return { owners, numbered };
  };

  return {
    async search(q: SearchQuery, marks?: SnippetMarks): Promise<SearchResponse> {
      const registry = await registryNow();
      const searchPlan = await planSearch(q.q, { exact: q.exact, segmenter, registry, lexicon: deps.lexicon, typedFirst: deps.typedFirst });
      const { plan } = searchPlan;
      // Punctuation, a lone quote, an emoji: nothing to match. An empty search would match every clause, which
      // answers a question nobody asked; say so instead (200, so a search box shows a message, not an error).
      if (plan.words.length === 0 && plan.phrases.length === 0) return nothingSearchable(q, plan, searchPlan);
      const { owners, numbered } = sideLookups(searchPlan);
      const { unfiltered, filter, asOf } = clauseFilters(q, registry);
      const sort = SORTS[q.sort];
      const facets = q.facets ? Object.values(FACET_FIELDS) : undefined;
      const fields = facets ? HIT_FIELDS_WITH_FACETS : HIT_FIELDS;

      // Direct hits only reorder a relevance ranking; a date order is kept as asked.
      const direct = await leadingHits(ctx, plan, searchPlan, filter, fields, !!sort);
      const rest = and(filter, direct.length > 0 && `NOT (${anyOf('id', direct.map((h) => h.id))})`);
      const params: SearchParams = { filter: rest, sort, attributesToRetrieve: fields, matchingStrategy: 'all' };
      // The list is direct hits, then the rest: a page may start inside either part.
      const fromDirect = direct.slice(q.offset, q.offset + q.limit);
      const restOffset = Math.max(0, q.offset - direct.length);
      const restLimit = Math.max(1, q.limit - fromDirect.length);
      const ranked = plan.phrases.length
        ? await searchPhrases(ctx, plan, params, restOffset, restLimit, !!facets)
        : await searchWords(ctx, plan, params, restOffset, restLimit, facets);
      const hits: ClauseHit[] = [...fromDirect, ...ranked.hits].slice(0, q.limit);

      const totalAllWords = ranked.totalAllWords + direct.length;
      const notices = searchNotices(plan, numbered ? (await numbered).hits : [], ranked.strategy === 'relaxed' ? { totalAllWords } : undefined);
      let facetCounts = ranked.facets;
      if (facetCounts && direct.length) facetCounts = mergeFacets(facetCounts, countFacets(direct));
      if (facetCounts) facetCounts = { ...facetCounts, role: rolesOf(facetCounts.role ?? {}, q.department ? registry?.lookup(q.department)?.name ?? q.department : undefined) };
      // Status depends on asOf: counted by one small request per status (every-word matches), not stored.
      if (facetCounts) facetCounts = { ...facetCounts, status: await countStatuses((f) => countAllWords(ctx, plan, f), unfiltered, asOf) };

      const documents: Record<string, string> = {};
      for (const h of hits) documents[h.docId] = h.docTitle;
      const mark = createHighlighter(plan.highlightTerms, { fold: segmenter.fold, cropChars: SNIPPET_CHARS, ...marks });
      return {
        query: q.q,
        words: displayWords(plan.words),
        dropped: plan.dropped,
        phrases: plan.phrases,
        departments: plan.departments,
        matchingStrategy: ranked.strategy,
        notices,
        total: ranked.total + direct.length,
        totalIsExact: ranked.totalIsExact,
        totalAllWords,
        limit: q.limit,
        offset: q.offset,
        hits: hits.map((h) => toHit(h, mark, asOf)),
        ...(facetCounts ? { facets: facetCounts } : {}),
        asOf: isoOfDay(asOf),
        documents,
        plan: { exact: searchPlan.exact, ...(searchPlan.intent ? { intent: searchPlan.intent } : {}), rewrites: searchPlan.rewrites },
        ...(owners ? { owners: await owners } : {}),
        processingTimeMs: ranked.processingTimeMs,
      };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
