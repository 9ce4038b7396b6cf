/** The fixed choices of clause search: facets, sorts, fields fetched and the sizes of each strategy's lists. */
import type { SearchQuery } from '../../schemas/search.js';
import { STATUS_FIELDS } from '../effect-status.js';

/**
 * Facets offered, by the query parameter that filters on them → the index field counted.
 * `role` counts `name:role` pairs; the answer keeps only the filtered department's, under the role alone.
 */
export const FACET_FIELDS = {
  docId: 'docId',
  kind: 'kind',
  docKind: 'docKind',
  issuer: 'issuer',
  year: 'year',
  department: 'departments',
  role: 'departmentRoles',
} as const;
export type FacetName = keyof typeof FACET_FIELDS;

/** Sort orders by the `sort` parameter; relevance is Meilisearch's own ranking. */
export const SORTS: Record<SearchQuery['sort'], string[] | undefined> = {
  relevance: undefined,
  newest: ['date:desc', 'year:desc', 'order:asc'],
  oldest: ['date:asc', 'year:asc', 'order:asc'],
  effective: ['effectiveOn:desc', 'date:desc', 'order:asc'],
};

/** What a hit needs from the index: its fields in the response. */
export const HIT_FIELDS = ['id', 'docId', 'docTitle', 'kind', 'label', 'heading', 'path', 'text', 'citation', 'owners', 'year', 'date', 'effectiveFrom', ...STATUS_FIELDS];
/** Plus what counting facets over hits in hand needs (phrase queries, direct hits): fetched only when facets are asked. */
export const HIT_FIELDS_WITH_FACETS = [...HIT_FIELDS, 'issuer', 'docKind', 'departments', 'departmentRoles'];

/**
 * Candidates fetched for a query with quoted phrases, which Meilisearch cannot
 * check verbatim over segmented text: its matches are a superset, the phrase
 * is checked here, and totals count only verified hits. Above this many
 * candidates the total is a lower bound (`totalIsExact: false`).
 */
export const PHRASE_CANDIDATES = 1000;

/** Clauses labelled with an article number named in the query, put first (see directHits). */
export const DIRECT_HITS = 5;
export const LOCATOR_WORD = /^第[零〇一二两三四五六七八九十百千]+[编章节条款项目]$/;

/**
 * The words' parts replace dropping words as the relaxed match when the
 * words as segmented find fewer clauses than this — a page's worth
 * (measured on the 90-query evaluation: 3 → 10 raised granularity queries
 * 0.64 → 0.71 nDCG@10 and overall 0.815 → 0.819; long questions lost 0.02).
 */
export const PARTS_BELOW = 10;

/** Clauses of a document named in the query, put first (see scopedHits). */
export const SCOPED_HITS = 10;

/** Characters in a snippet (default 120): about two lines of a results page. */
export const SNIPPET_CHARS = 120;
