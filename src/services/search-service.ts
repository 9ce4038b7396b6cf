import { clauseHead } from './clause-head.js';
import type { SearchParams } from 'meilisearch';
import type { Segmenter } from '../../core/segment/segmenter.js';
import { toSearchQuery } from '../../core/segment/search-field.js';
import type { DepartmentRegistry } from '../../core/departments/index.js';
import type { ClauseDoc } from '../../core/index/schemas.js';
import { INDEX } from '../../core/index/index-names.js';
import { ApiError } from '../errors.js';
import type { SearchHit, SearchNotice, SearchQuery, SearchResponse } from '../schemas/search.js';
import { and, anyOf, eq } from './filter.js';
import { createHighlighter } from './highlight.js';
import type { IndexReader } from './index-reader.js';
import { clausePage, clauseUrl, documentPage, documentUrl } from './urls.js';
import { containsPhrases, type QueryPlan } from './search-query.js';
import { asOfDay, countStatuses, STATUS_FIELDS, statusOf } from './effect-status.js';
import { statusFilter } from './filter.js';
import { isoOfDay } from '../../core/model/dates.js';
import { displayWords, planSearch, type LexiconSource } from './query/index.js';
import { TASK_FIELDS } from './department-service.js';
import { ownersAnswer } from './query/owners-answer.js';

/**
 * Facets offered, by the query parameter that filters on them → the index field counted.
 * `role` counts `name:role` pairs; the answer keeps only the filtered department's, under the role alone.
 */
const FACET_FIELDS = {
  docId: 'docId',
  kind: 'kind',
  docKind: 'docKind',
  issuer: 'issuer',
  year: 'year',
  department: 'departments',
  role: 'departmentRoles',
} as const;
type FacetName = keyof typeof FACET_FIELDS;

/** Sort orders by the `sort` parameter; relevance is Meilisearch's own ranking. */
const SORTS: Record<SearchQuery['sort'], string[] | undefined> = {
  relevance: undefined,
  newest: ['date:desc', 'year:desc', 'order:asc'],
  oldest: ['date:asc', 'year:asc', 'order:asc'],
  effective: ['effectiveOn:desc', 'date:desc', 'order:asc'],
};

/** What a hit needs from the index: its fields in the response. */
const HIT_FIELDS = ['id', 'docId', 'docTitle', 'kind', 'label', 'heading', 'path', 'text', 'citation', 'owners', 'year', 'date', 'effectiveFrom', ...STATUS_FIELDS];
/** Plus what counting facets over hits in hand needs (phrase queries, direct hits): fetched only when facets are asked. */
const HIT_FIELDS_WITH_FACETS = [...HIT_FIELDS, 'issuer', 'docKind', 'departments', 'departmentRoles'];

/**
 * Candidates fetched for a query with quoted phrases, which Meilisearch cannot
 * check verbatim over segmented text: its matches are a superset, the phrase
 * is checked here, and totals count only verified hits. Above this many
 * candidates the total is a lower bound (`totalIsExact: false`).
 */
export const PHRASE_CANDIDATES = 1000;

/** Clauses labelled with an article number named in the query, put first (see directHits). */
export const DIRECT_HITS = 5;
const LOCATOR_WORD = /^第[零〇一二两三四五六七八九十百千]+[编章节条款项目]$/;

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

/** A clause's place as one line: 《title》 › 第三章 网络运行安全 › 第二十一条. */
export function breadcrumb(doc: Pick<ClauseDoc, 'docTitle' | 'path' | 'label' | 'heading'>): string {
  let line = `《${doc.docTitle}》`;
  for (let i = 1; i < doc.path.length; i++) line = withPart(line, doc.path[i]!);
  return withPart(line, doc);
}

/** `line › label heading`, leaving out what a level lacks (built without arrays: it runs for every hit). */
function withPart(line: string, { label, heading }: { label?: string; heading?: string }): string {
  const part = label && heading ? `${label} ${heading}` : label || heading;
  return part ? `${line} › ${part}` : line;
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
  /**
   * Department names and aliases, for the department filter and department names in queries: a registry, or (the
   * API) the live index generation's registry, read per search. Default: none.
   */
  registry?: RegistryLike | (() => Promise<RegistryLike | undefined>);
  /** How query words are written for Meilisearch (default toSearchQuery, matching the index; other values only for measurements). */
  encodeQuery?: (words: string[]) => string;
  /** Which words a relaxed match gives up first: the last typed after pinned ones (default) or the least informative (measurements only). */
  relaxOrder?: 'typed' | 'informative';
  /** The index's vocabulary for query understanding (typos, abbreviations). Default: none (those rewrites are skipped). */
  lexicon?: LexiconSource;
}

type ClauseHit = ClauseDoc & Record<string, unknown>;
type RegistryLike = Pick<DepartmentRegistry, 'lookup' | 'closest'>;

/**
 * Clause search: the query is planned (segmented exactly like indexed text,
 * departments resolved, kept within Meilisearch's word limit), filters are
 * built with escaped values, quoted phrases are checked verbatim, and
 * snippets are cropped and highlighted in characters over the normalized text.
 */
/** How matches are marked in snippets (default `<em>`…`</em>`); the web pages pass markers they escape around. */
export interface SnippetMarks {
  pre: string;
  post: string;
}

export function createSearchService(deps: SearchServiceDeps) {
  const { reader, segmenter } = deps;
  const registryNow = async (): Promise<RegistryLike | undefined> => (typeof deps.registry === 'function' ? deps.registry() : deps.registry);
  const encode = deps.encodeQuery ?? toSearchQuery;
  const relaxOrder = deps.relaxOrder ?? 'typed';
  /** Least informative last (a measured alternative to `plan.wordsByNeed`). */
  const byWeight = (plan: QueryPlan) => [...plan.wordsByNeed].sort((a, b) => segmenter.weight(b) - segmenter.weight(a));

  const departmentFilter = (q: SearchQuery, registry: RegistryLike | undefined): string | undefined => {
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

  const toHit = (h: ClauseHit, mark: (text: string) => { snippet: string; matches: SearchHit['matches'] }, asOf: number): SearchHit => {
    const { snippet, matches } = mark(h.text);
    return {
      ...clauseHead(h),
      ...(h.year ? { year: h.year } : {}),
      ...(h.date ? { date: h.date } : {}),
      status: statusOf(h, asOf),
      ...(h.effectiveFrom ? { effectiveFrom: h.effectiveFrom } : {}),
      path: h.path,
      breadcrumb: breadcrumb(h),
      text: h.text,
      snippet,
      matches,
      citation: h.citation,
      owners: h.owners ?? [],
      url: clauseUrl(h.id),
      page: clausePage(h.id),
      partial: isPartial(h),
    };
  };

  /** One ranked list of clauses for the plan: the page asked for, its total and how it was matched. */
  interface Ranked {
    hits: ClauseHit[];
    total: number;
    totalIsExact: boolean;
    totalAllWords: number;
    strategy: 'all' | 'relaxed';
    facets?: Record<string, Record<string, number>>;
    processingTimeMs: number;
  }

  /** Quoted phrases: Meilisearch narrows (all words), the phrase is checked here, totals count verified hits. */
  const searchPhrases = async (plan: QueryPlan, params: SearchParams, offset: number, limit: number, facets: boolean): Promise<Ranked> => {
    const res = await reader.search<ClauseHit>(INDEX.clauses, encode(plan.words), { ...params, page: 1, hitsPerPage: PHRASE_CANDIDATES });
    const verified = res.hits.filter((h) => containsPhrases(h.text, plan.phrases, segmenter.fold));
    return {
      hits: verified.slice(offset, offset + limit),
      total: verified.length,
      totalIsExact: (res.totalHits ?? 0) <= PHRASE_CANDIDATES,
      totalAllWords: verified.length,
      strategy: 'all',
      ...(facets ? { facets: countFacets(verified) } : {}),
      processingTimeMs: res.processingTimeMs,
    };
  };

  /**
   * Clauses with every word first, ranked as an all-words query ranks them.
   * When they do not fill the page, the page goes on with clauses missing
   * some words, each marked partial — never passed off as a full match.
   * Meilisearch's `frequency` strategy only ever returns its best level
   * (measured), so the partial matches come from `last`, which gives up the
   * last word, then the last two… (see QueryPlan.wordsByNeed for the order).
   * That list also starts with the every-word clauses, so its partial part
   * begins at index `totalAllWords`.
   */
  const searchWords = async (plan: QueryPlan, params: SearchParams, offset: number, limit: number, facets: string[] | undefined): Promise<Ranked> => {
    const count = (r: { totalHits?: number; estimatedTotalHits?: number; hits: unknown[] }) => r.totalHits ?? r.estimatedTotalHits ?? r.hits.length;
    const window = pageWindow(offset, limit);
    const full = await reader.search<ClauseHit>(INDEX.clauses, encode(plan.words), {
      ...params,
      facets,
      ...(window ? { page: window.page, hitsPerPage: window.hitsPerPage } : { offset, limit }),
    });
    const totalAllWords = count(full);
    const fullHits = window ? full.hits.slice(window.skip, window.skip + limit) : full.hits;
    const ranked: Ranked = {
      hits: fullHits,
      total: totalAllWords,
      totalIsExact: full.totalHits !== undefined,
      totalAllWords,
      strategy: 'all',
      ...(facets ? { facets: renameFacets(full.facetDistribution ?? {}) } : {}),
      processingTimeMs: full.processingTimeMs,
    };
    if (offset + limit <= totalAllWords) return ranked;
    // Granularity: a word longer than the text's words (数据共享 vs 政务数据…共享类型) is searched by its parts,
    // the clauses with every word excluded (all of them are on this page when it starts at 0).
    const fine = offset === 0 && totalAllWords < PARTS_BELOW ? (plan as { fineWords?: () => string[] | undefined }).fineWords?.() : undefined;
    if (fine) return searchByParts(fine, ranked, fullHits, params, limit, facets);
    if (plan.words.length < 2) return ranked;

    const from = Math.max(offset, totalAllWords);
    const relaxed = await reader.search<ClauseHit>(INDEX.clauses, encode(relaxOrder === 'typed' ? plan.wordsByNeed : byWeight(plan)), {
      ...params,
      matchingStrategy: 'last',
      facets,
      showRankingScoreDetails: true,
      offset: from,
      limit: offset + limit - from,
    });
    const partial = relaxed.hits.filter(isPartial);
    if (!partial.length) return ranked;
    return {
      ...ranked,
      hits: [...fullHits, ...partial].slice(0, limit),
      // Counted over all levels; an estimate past the page Meilisearch counts exactly.
      total: Math.max(count(relaxed), totalAllWords + partial.length),
      totalIsExact: false,
      strategy: 'relaxed',
      ...(facets ? { facets: renameFacets(relaxed.facetDistribution ?? {}) } : {}),
      processingTimeMs: full.processingTimeMs + relaxed.processingTimeMs,
    };
  };

  /** The relaxed list over the words' parts ('last' strategy), after the clauses with every word; every such hit is partial. */
  const searchByParts = async (fine: string[], ranked: Ranked, fullHits: ClauseHit[], params: SearchParams, limit: number, facets: string[] | undefined): Promise<Ranked> => {
    const seen = fullHits.map((h) => h.id);
    const res = await reader.search<ClauseHit>(INDEX.clauses, encode(fine), {
      ...params,
      filter: and(params.filter as string | undefined, seen.length > 0 && `NOT (${anyOf('id', seen)})`),
      matchingStrategy: 'last',
      facets,
      offset: 0,
      limit: limit - fullHits.length,
    });
    if (!res.hits.length) return ranked;
    for (const h of res.hits) (h as Record<string, unknown>)._byParts = true;
    return {
      ...ranked,
      hits: [...fullHits, ...res.hits].slice(0, limit),
      total: ranked.totalAllWords + (res.totalHits ?? res.estimatedTotalHits ?? res.hits.length),
      totalIsExact: false,
      strategy: 'relaxed',
      ...(facets ? { facets: renameFacets(res.facetDistribution ?? {}) } : {}),
      processingTimeMs: ranked.processingTimeMs + res.processingTimeMs,
    };
  };

  /**
   * A query naming an article (某某法 第二十一条, 第13条) wants that article
   * first, though a clause citing it (除本法第二十一条的规定外…) may rank higher
   * on words alone: clauses LABELLED with the locator, among those matching
   * the other words, lead the list. Returns them (at most DIRECT_HITS).
   */
  const directHits = async (plan: QueryPlan, filter: string | undefined, fields: string[]): Promise<ClauseHit[]> => {
    const locators = plan.words.filter((w) => LOCATOR_WORD.test(w));
    if (locators.length !== 1 || plan.phrases.length) return [];
    const others = encode(plan.words.filter((w) => w !== locators[0]));
    const res = await reader.search<ClauseHit>(INDEX.clauses, others, {
      filter: and(filter, eq('label', locators[0]!)),
      attributesToRetrieve: fields,
      matchingStrategy: 'all',
      limit: DIRECT_HITS,
    });
    return res.hits;
  };

  /** How many clauses contain every word of the plan under `filter` (no hits fetched). */
  const countAllWords = async (plan: QueryPlan, filter: string | undefined): Promise<number> => {
    const res = await reader.search(INDEX.clauses, encode(plan.words), { filter, matchingStrategy: 'all', page: 1, hitsPerPage: 0 });
    return res.totalHits ?? res.estimatedTotalHits ?? 0;
  };

  /** The clauses that define a term asked about (within the filters), in the order given. */
  const clausesById = async (ids: string[], filter: string | undefined, fields: string[]): Promise<ClauseHit[]> => {
    const res = await reader.search<ClauseHit>(INDEX.clauses, '', { filter: and(filter, anyOf('id', ids)), attributesToRetrieve: fields, limit: DIRECT_HITS });
    return ids.flatMap((id) => res.hits.filter((h) => h.id === id));
  };

  /** A query naming a document (数据安全法 分类分级): its clauses with every other word lead (at most SCOPED_HITS). */
  const scopedHits = async (plan: QueryPlan, docIds: string[], filter: string | undefined, fields: string[]): Promise<ClauseHit[]> => {
    if (!plan.words.length || plan.phrases.length) return [];
    const params = { filter: and(filter, anyOf('docId', docIds)), attributesToRetrieve: fields, limit: SCOPED_HITS };
    const res = await reader.search<ClauseHit>(INDEX.clauses, encode(plan.words), { ...params, matchingStrategy: 'all' });
    if (res.hits.length || plan.words.length < 2) return res.hits;
    // Nothing in that document has every word: its clauses with most of them, marked partial.
    const relaxed = await reader.search<ClauseHit>(INDEX.clauses, encode(plan.wordsByNeed), { ...params, matchingStrategy: 'last', showRankingScoreDetails: true });
    return relaxed.hits;
  };

  return {
    async search(q: SearchQuery, marks?: SnippetMarks): Promise<SearchResponse> {
      const registry = await registryNow();
      const searchPlan = await planSearch(q.q, { exact: q.exact, segmenter, registry, lexicon: deps.lexicon });
      const { plan } = searchPlan;
      // Punctuation, a lone quote, an emoji: nothing to match. An empty search would match every clause, which
      // answers a question nobody asked; say so instead (200, so a search box shows a message, not an error).
      if (plan.words.length === 0 && plan.phrases.length === 0) return nothingSearchable(q, plan, searchPlan);
      // A question about who is responsible is also asked of the tasks index, beside the clause search.
      const owners = searchPlan.intent === 'who' ? ownersAnswer(reader, encode(plan.words), TASK_FIELDS) : undefined;
      owners?.catch(() => undefined);
      // A 文号 may be the number of a corpus document: looked up beside the clause search, for a notice.
      const numbered = plan.docNumbers.length
        ? reader.list<{ id: string; title: string; docNumber: string }>(INDEX.documents, {
            filter: anyOf('docNumber', plan.docNumbers),
            limit: plan.docNumbers.length * 5,
            fields: ['id', 'title', 'docNumber'],
          })
        : undefined;
      // Awaited below; the handler only keeps it from going unhandled if the clause search fails first.
      numbered?.catch(() => undefined);
      const unfiltered = and(
        q.kind ? eq('kind', q.kind) : eq('isUnit', true),
        q.docId && eq('docId', q.docId),
        q.docKind && eq('docKind', q.docKind),
        q.issuer && eq('issuer', q.issuer),
        q.year !== undefined && eq('year', q.year),
        departmentFilter(q, registry),
      );
      const asOf = asOfDay(q.asOf);
      const filter = and(unfiltered, q.status && statusFilter(q.status, asOf));
      const sort = SORTS[q.sort];
      const facets = q.facets ? Object.values(FACET_FIELDS) : undefined;
      const fields = facets ? HIT_FIELDS_WITH_FACETS : HIT_FIELDS;

      // Direct hits only reorder a relevance ranking; a date order is kept as asked.
      const direct = sort
        ? []
        : searchPlan.definitions
          ? await clausesById(searchPlan.definitions, filter, fields)
          : searchPlan.scope
            ? await scopedHits(plan, searchPlan.scope.docIds, filter, fields)
            : await directHits(plan, filter, fields);
      const rest = and(filter, direct.length > 0 && `NOT (${anyOf('id', direct.map((h) => h.id))})`);
      const params: SearchParams = { filter: rest, sort, attributesToRetrieve: fields, matchingStrategy: 'all' };
      // The list is direct hits, then the rest: a page may start inside either part.
      const fromDirect = direct.slice(q.offset, q.offset + q.limit);
      const restOffset = Math.max(0, q.offset - direct.length);
      const restLimit = Math.max(1, q.limit - fromDirect.length);
      const ranked = plan.phrases.length
        ? await searchPhrases(plan, params, restOffset, restLimit, !!facets)
        : await searchWords(plan, params, restOffset, restLimit, facets);
      const hits = [...fromDirect, ...ranked.hits].slice(0, q.limit);

      const notices: SearchNotice[] = plan.unknownDepartments.map((u) => ({
        code: 'unknown-department' as const,
        message: `“${u.asWritten}” is not a known department; only clauses naming it exactly are shown.`,
        asWritten: u.asWritten,
        suggestions: u.suggestions,
      }));
      for (const d of numbered ? (await numbered).hits : []) {
        notices.push({
          code: 'document-number',
          message: `${d.docNumber} is the number of 《${d.title}》; the hits are the clauses that cite it.`,
          document: { id: d.id, title: d.title, docNumber: d.docNumber, url: documentUrl(d.id), page: documentPage(d.id) },
        });
      }
      const totalAllWords = ranked.totalAllWords + direct.length;
      if (ranked.strategy === 'relaxed') {
        notices.push({
          code: 'relaxed',
          message: `${totalAllWords} clauses contain every word; the ones after them contain only some (marked partial).`,
        });
      }
      let facetCounts = ranked.facets;
      if (facetCounts && direct.length) facetCounts = mergeFacets(facetCounts, countFacets(direct));
      if (facetCounts) facetCounts = { ...facetCounts, role: rolesOf(facetCounts.role ?? {}, q.department ? registry?.lookup(q.department)?.name ?? q.department : undefined) };
      // Status depends on asOf: counted by one small request per status (every-word matches), not stored.
      if (facetCounts) facetCounts = { ...facetCounts, status: await countStatuses((f) => countAllWords(plan, f), unfiltered, asOf) };

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

/** The answer to a query with no word to search: no hits and a notice that says why. */
function nothingSearchable(q: SearchQuery, plan: QueryPlan, searchPlan: { exact: boolean; rewrites: SearchResponse['plan']['rewrites'] }): SearchResponse {
  const message = plan.dropped.length
    ? `“${q.q}” holds only words too common to search by (${plan.dropped.join('、')}); type a topic, a title, a department or a 文号.`
    : `“${q.q}” holds nothing searchable (no Chinese word, letter or number); type a topic, a title, a department or a 文号.`;
  return {
    query: q.q,
    words: [],
    dropped: plan.dropped,
    phrases: [],
    departments: plan.departments,
    matchingStrategy: 'all',
    notices: [{ code: 'nothing-searchable', message }],
    total: 0,
    totalIsExact: true,
    totalAllWords: 0,
    limit: q.limit,
    offset: q.offset,
    hits: [],
    asOf: isoOfDay(asOfDay(q.asOf)),
    documents: {},
    plan: { exact: searchPlan.exact, rewrites: searchPlan.rewrites },
    processingTimeMs: 0,
  };
}

/** True when Meilisearch matched fewer words in the hit than the query has (a relaxed match). */
function isPartial(h: Record<string, unknown>): boolean {
  if (h._byParts === true) return true;
  const words = (h._rankingScoreDetails as { words?: { matchingWords: number; maxMatchingWords: number } } | undefined)?.words;
  return !!words && words.matchingWords < words.maxMatchingWords;
}

/** Meilisearch's facet distribution under the names of the query parameters. */
function renameFacets(dist: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, field] of Object.entries(FACET_FIELDS) as Array<[FacetName, string]>) out[name] = dist[field] ?? {};
  return out;
}

/** The `name:role` counts of one department, keyed by role; none without a department filter (a role alone filters nothing). */
function rolesOf(pairs: Record<string, number>, department: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (!department) return out;
  for (const [pair, n] of Object.entries(pairs)) {
    const cut = pair.lastIndexOf(':');
    if (pair.slice(0, cut) === department) out[pair.slice(cut + 1)] = n;
  }
  return out;
}

/** Adds two sets of facet counts. */
function mergeFacets(a: Record<string, Record<string, number>>, b: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const bucket: Record<string, number> = { ...(a[name] ?? {}) };
    for (const [v, n] of Object.entries(b[name] ?? {})) bucket[v] = (bucket[v] ?? 0) + n;
    out[name] = bucket;
  }
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
    add('docKind', h.docKind);
    add('issuer', h.issuer);
    add('year', h.year);
    for (const d of new Set(h.departments ?? [])) add('department', d);
    for (const r of new Set(h.departmentRoles ?? [])) add('role', r);
  }
  return out;
}
