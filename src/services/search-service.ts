import type { SearchParams } from 'meilisearch';
import type { Segmenter } from '../../ingest/enrich/segment/index.js';
import type { DepartmentRegistry } from '../../ingest/departments/index.js';
import type { ClauseDoc } from '../../ingest/to-index/schemas.js';
import { INDEX } from '../../ingest/to-index/index-names.js';
import { ApiError } from '../errors.js';
import type { SearchHit, SearchNotice, SearchQuery, SearchResponse } from '../schemas/search.js';
import { and, eq } from './filter.js';
import { highlight } from './highlight.js';
import type { IndexReader } from './index-reader.js';
import { containsPhrases, planQuery, type QueryPlan } from './search-query.js';

/** Facets offered, by the query parameter that filters on them → the index field counted. */
const FACET_FIELDS = { docId: 'docId', kind: 'kind', issuer: 'issuer', year: 'year', department: 'departments' } as const;
type FacetName = keyof typeof FACET_FIELDS;

const HIT_FIELDS = ['id', 'docId', 'docTitle', 'kind', 'label', 'heading', 'path', 'text', 'citation', 'owners', 'issuer', 'year', 'date', 'departments'];

/**
 * Candidates fetched for a query with quoted phrases, which Meilisearch cannot
 * check verbatim over segmented text: its matches are a superset, the phrase
 * is checked here, and totals count only verified hits. Above this many
 * candidates the total is a lower bound (`totalIsExact: false`).
 */
export const PHRASE_CANDIDATES = 1000;

/** Characters in a snippet (default 120): about two lines of a results page. */
export const SNIPPET_CHARS = 120;

export function breadcrumb(doc: Pick<ClauseDoc, 'docTitle' | 'path' | 'label' | 'heading'>): string {
  const parts = [`《${doc.docTitle}》`];
  for (const p of doc.path.slice(1)) parts.push([p.label, p.heading].filter(Boolean).join(' '));
  parts.push([doc.label, doc.heading].filter(Boolean).join(' '));
  return parts.filter(Boolean).join(' › ');
}

export function clauseUrl(id: string): string {
  return `/v1/clauses/${id}`;
}

/**
 * Meilisearch's page mode counts hits exhaustively; offset/limit mode only
 * estimates. For any offset and limit, finds the smallest page size whose one
 * page covers [offset, offset + limit), so totals are exact; undefined when
 * that page would be unreasonably large (then the estimate is used).
 */
export function pageWindow(offset: number, limit: number, maxPage = 1000): { page: number; hitsPerPage: number; skip: number } | undefined {
  for (let size = limit; size <= Math.min(maxPage, offset + limit); size++) {
    const page = Math.floor(offset / size);
    if (Math.floor((offset + limit - 1) / size) === page) return { page: page + 1, hitsPerPage: size, skip: offset - page * size };
  }
  return undefined;
}

export interface SearchServiceDeps {
  reader: IndexReader;
  segmenter: Segmenter;
  /** Department names and aliases, for the department filter and department names in queries. Default: none. */
  registry?: Pick<DepartmentRegistry, 'lookup' | 'closest'>;
}

type ClauseHit = ClauseDoc & Record<string, unknown>;

/**
 * Clause search: the query is planned (segmented exactly like indexed text,
 * departments resolved, kept within Meilisearch's word limit), filters are
 * built with escaped values, quoted phrases are checked verbatim, and
 * snippets are cropped and highlighted in characters over the normalized text.
 */
export function createSearchService(deps: SearchServiceDeps) {
  const { reader, segmenter, registry } = deps;

  const departmentFilter = (q: SearchQuery): string | undefined => {
    if (!q.department) return undefined;
    const found = registry?.lookup(q.department);
    if (registry && !found) {
      throw new ApiError('DEPARTMENT_NOT_FOUND', `No department is called ${q.department}.`, {
        department: q.department,
        suggestions: registry.closest(q.department, 5),
      });
    }
    const name = found?.name ?? q.department;
    return q.role ? eq('departmentRoles', `${name}:${q.role}`) : eq('departments', name);
  };

  const toHit = (h: ClauseHit, plan: QueryPlan): SearchHit => {
    const { snippet, matches } = highlight(h.text, plan.highlightTerms, { fold: segmenter.fold, cropChars: SNIPPET_CHARS });
    return {
      id: h.id,
      docId: h.docId,
      docTitle: h.docTitle,
      kind: h.kind,
      ...(h.label ? { label: h.label } : {}),
      ...(h.heading ? { heading: h.heading } : {}),
      path: h.path,
      breadcrumb: breadcrumb(h),
      text: h.text,
      snippet,
      matches,
      citation: h.citation,
      owners: h.owners ?? [],
      url: clauseUrl(h.id),
      partial: isPartial(h),
    };
  };

  return {
    async search(q: SearchQuery): Promise<SearchResponse> {
      const plan = planQuery(q.q, { segmenter, registry });
      const filter = and(
        q.kind ? eq('kind', q.kind) : eq('isUnit', true),
        q.docId && eq('docId', q.docId),
        q.docKind && eq('docKind', q.docKind),
        q.issuer && eq('issuer', q.issuer),
        q.year !== undefined && eq('year', q.year),
        departmentFilter(q),
      );
      const sort = q.sort === 'newest' ? ['date:desc', 'year:desc', 'order:asc'] : q.sort === 'oldest' ? ['date:asc', 'year:asc', 'order:asc'] : undefined;
      const facets = q.facets ? Object.values(FACET_FIELDS) : undefined;
      const base: SearchParams = { filter, sort, attributesToRetrieve: HIT_FIELDS, locales: ['cmn'], matchingStrategy: 'all' };
      const notices: SearchNotice[] = plan.unknownDepartments.map((u) => ({
        code: 'unknown-department' as const,
        message: `“${u.asWritten}” is not a known department; only clauses naming it exactly are shown.`,
        suggestions: u.suggestions,
      }));
      const query = plan.words.join(' ');
      let hits: ClauseHit[];
      let total: number;
      let totalIsExact = true;
      let facetCounts: Record<string, Record<string, number>> | undefined;
      let strategy: 'all' | 'frequency' = 'all';
      let totalAllWords = 0;
      let processingTimeMs: number;

      if (plan.phrases.length) {
        const res = await reader.search<ClauseHit>(INDEX.clauses, query, { ...base, page: 1, hitsPerPage: PHRASE_CANDIDATES });
        const verified = res.hits.filter((h) => containsPhrases(h.text, plan.phrases, segmenter.fold));
        totalIsExact = (res.totalHits ?? 0) <= PHRASE_CANDIDATES;
        total = verified.length;
        totalAllWords = total;
        hits = verified.slice(q.offset, q.offset + q.limit);
        if (facets) facetCounts = countFacets(verified);
        processingTimeMs = res.processingTimeMs;
      } else {
        const window = pageWindow(q.offset, q.limit);
        const run = (matchingStrategy: 'all' | 'frequency') =>
          reader.search<ClauseHit>(INDEX.clauses, query, {
            ...base,
            matchingStrategy,
            facets,
            showRankingScoreDetails: matchingStrategy !== 'all',
            ...(window ? { page: window.page, hitsPerPage: window.hitsPerPage } : { offset: q.offset, limit: q.limit }),
          });
        const count = (r: { totalHits?: number; estimatedTotalHits?: number; hits: unknown[] }) => r.totalHits ?? r.estimatedTotalHits ?? r.hits.length;
        let res = await run('all');
        totalAllWords = count(res);
        // Clauses with every word come first. When they do not fill this page, the page goes on with
        // clauses holding the rarest words (Meilisearch's 'frequency' strategy ranks every-word clauses
        // first, in the same order), each marked partial — never passed off as a full match.
        if (plan.words.length > 1 && q.offset + q.limit > totalAllWords) {
          const relaxed = await run('frequency');
          if (count(relaxed) > totalAllWords) {
            res = relaxed;
            strategy = 'frequency';
            notices.push({
              code: 'relaxed',
              message: `${totalAllWords} clauses contain every word; the ones after them contain only some (marked partial).`,
            });
          }
        }
        total = count(res);
        totalIsExact = res.totalHits !== undefined;
        hits = window ? res.hits.slice(window.skip, window.skip + q.limit) : res.hits;
        if (facets) facetCounts = renameFacets(res.facetDistribution ?? {});
        processingTimeMs = res.processingTimeMs;
      }

      const documents: Record<string, string> = {};
      for (const h of hits) documents[h.docId] = h.docTitle;
      return {
        query: q.q,
        words: plan.words,
        dropped: plan.dropped,
        phrases: plan.phrases,
        departments: plan.departments,
        matchingStrategy: strategy,
        notices,
        total,
        totalIsExact,
        totalAllWords,
        limit: q.limit,
        offset: q.offset,
        hits: hits.map((h) => toHit(h, plan)),
        ...(facetCounts ? { facets: facetCounts } : {}),
        documents,
        processingTimeMs,
      };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;

/** True when Meilisearch matched fewer words in the hit than the query has (a relaxed match). */
function isPartial(h: Record<string, unknown>): boolean {
  const words = (h._rankingScoreDetails as { words?: { matchingWords: number; maxMatchingWords: number } } | undefined)?.words;
  return !!words && words.matchingWords < words.maxMatchingWords;
}

/** Meilisearch's facet distribution under the names of the query parameters. */
function renameFacets(dist: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, field] of Object.entries(FACET_FIELDS) as Array<[FacetName, string]>) out[name] = dist[field] ?? {};
  return out;
}

/** Facet counts over hits already in hand (phrase queries, whose totals are counted here). */
export function countFacets(hits: Array<Partial<ClauseDoc>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    const bucket = (out[name] ??= {});
    bucket[String(value)] = (bucket[String(value)] ?? 0) + 1;
  };
  for (const name of Object.keys(FACET_FIELDS)) out[name] = {};
  for (const h of hits) {
    add('docId', h.docId);
    add('kind', h.kind);
    add('issuer', h.issuer);
    add('year', h.year);
    for (const d of new Set(h.departments ?? [])) add('department', d);
  }
  return out;
}
