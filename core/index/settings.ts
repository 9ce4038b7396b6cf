import type { Settings } from 'meilisearch';
import { INDEX, type IndexName } from './index-names.js';
import { SEARCH_VOCABULARY } from '../segment/vocabulary.js';
import { encodedMarkerSynonyms } from '../thesaurus/thesaurus.js';

/**
 * Meilisearch settings for every index, as data. Reviewed like code: a change
 * here changes what users find. Search matches the `*Seg` fields, which hold
 * text pre-segmented by nodejieba (see core/segment), so Meilisearch's
 * own CJK segmentation only ever sees single words.
 */

/** Large enough to page through every task of a department or every clause of a document. */
const PAGINATION = { maxTotalHits: 100_000 };

/**
 * Clause, task and document search (measured: bench/measure-tokenizer.ts and tests/eval; see bench/README.md).
 * - The `*Seg` fields hold our nodejieba tokens encoded as opaque Latin words
 *   (core/segment/search-field.ts): Meilisearch re-splits Chinese words
 *   into one- and two-character pieces, so it must never see them as Chinese.
 *   Hence no `dictionary` and no `localizedAttributes`: nothing Chinese is left to segment.
 * - Typos off: Chinese has no edit-distance typos (with them, measured, 省工业和信息化局
 *   matched 省工业和信息化厅), and the Latin terms here are codes (5G, IPv6, 2025).
 * - `synonyms`: every form of a department (工信厅 ↔ 省工业和信息化厅), encoded like the tokens; and the
 *   thesaurus's marker groups (core/thesaurus: everyday wordings, question intents), which only a query
 *   that asks for them (not `exact`) reaches.
 * - `sort` first: asking for newest/oldest gives a strict date order; without a
 *   sort parameter the rule does nothing. Then the order the evaluation chose.
 */
const CLAUSE_RANKING = ['sort', 'words', 'proximity', 'attribute', 'exactness'];
const NO_TYPOS = { enabled: false } as const;
/**
 * The document's dates as YYYYMMDD numbers (core/model/dates.ts) and its normalized maker:
 * the status as of any day is built from comparisons on these at query time (src/services/filter.ts).
 */
const DATE_FILTERS = ['maker', 'effectiveOn', 'inForceOn', 'periodEnd', 'repealedOn', 'supersededOn'];
const SYNONYMS = { ...SEARCH_VOCABULARY.encodedSynonyms, ...encodedMarkerSynonyms() };

export const INDEX_SETTINGS: Record<IndexName, Settings> = {
  [INDEX.clauses]: {
    searchableAttributes: ['headingSeg', 'textSeg', 'pathSeg'],
    filterableAttributes: [
      'id',
      'docId',
      'docTitle',
      'docKind',
      'kind',
      'label',
      'issuer',
      'year',
      'isUnit',
      'departments',
      'departmentRoles',
      'years',
      'parentId',
      ...DATE_FILTERS,
    ],
    sortableAttributes: ['date', 'year', 'order', 'effectiveOn'],
    rankingRules: CLAUSE_RANKING,
    typoTolerance: NO_TYPOS,
    synonyms: SYNONYMS,
    pagination: PAGINATION,
    faceting: { maxValuesPerFacet: 200 },
    facetSearch: false,
  },
  [INDEX.documents]: {
    searchableAttributes: ['titleSeg'],
    filterableAttributes: ['kind', 'issuer', 'year', 'partOf', 'attachmentOf', 'docNumber', ...DATE_FILTERS],
    sortableAttributes: ['year', 'order', 'date', 'effectiveOn'],
    pagination: PAGINATION,
    typoTolerance: NO_TYPOS,
    facetSearch: false,
  },
  [INDEX.tasks]: {
    // Search matches the segmented title and text, encoded exactly like the clauses' (same reasons);
    // filters serve /v1/departments/:name/tasks and /v1/tasks.
    searchableAttributes: ['titleSeg', 'textSeg'],
    filterableAttributes: ['departments', 'departmentRoles', 'docId', 'years', 'roles', 'form'],
    sortableAttributes: ['order'],
    rankingRules: CLAUSE_RANKING,
    typoTolerance: NO_TYPOS,
    synonyms: SYNONYMS,
    pagination: PAGINATION,
    // Counted by /v1/departments/:name: past the cap, the most frequent values are the ones kept.
    faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
  },
  [INDEX.departments]: {
    // The API reads the registry from here: `names = "工信厅"` finds a body by any of its names.
    searchableAttributes: ['names'],
    filterableAttributes: ['name', 'names', 'level', 'known'],
    sortableAttributes: ['order', 'name', 'counts.total'],
    pagination: PAGINATION,
  },
  [INDEX.references]: {
    // Looked up by clause and document in both directions; `edge` counts the citation graph as a facet.
    searchableAttributes: ['text', 'normalized', 'toTitle'],
    filterableAttributes: ['fromDocId', 'fromClauseId', 'fromPath', 'toDocId', 'toClauseId', 'toPath', 'catalogueId', 'status', 'relation', 'anchor', 'edge', 'target'],
    sortableAttributes: ['fromClauseId', 'start'],
    pagination: PAGINATION,
    faceting: { maxValuesPerFacet: 1000 },
  },
  [INDEX.targets]: {
    // Listed by indicator, document and clause (a clause's targets, an indicator's points); never searched by words.
    searchableAttributes: ['asWritten', 'indicator'],
    filterableAttributes: ['indicatorId', 'docId', 'clauseId', 'year', 'form', 'binding'],
    sortableAttributes: ['year', 'order'],
    pagination: PAGINATION,
  },
  [INDEX.indicators]: {
    // ?q= matches any name of the indicator, segmented and encoded like clause text.
    searchableAttributes: ['namesSeg'],
    filterableAttributes: ['id', 'units', 'years'],
    sortableAttributes: ['order', 'name'],
    typoTolerance: NO_TYPOS,
    pagination: PAGINATION,
  },
  [INDEX.catalogue]: {
    searchableAttributes: ['title'],
    filterableAttributes: ['number', 'issuer', 'year', 'docId'],
    sortableAttributes: ['number'],
    pagination: PAGINATION,
  },
  // The lexicon document holds the index vocabulary as arrays: stored for the query stage, never searched.
  [INDEX.meta]: { searchableAttributes: ['id'] },
};
