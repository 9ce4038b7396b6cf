/**
 * The words strategy (retrieval for a query without quoted phrases): clauses with every word, then — when they do
 * not fill the page — the words' parts (granularity) or a relaxed match that gives up words, each such hit marked
 * partial.
 */
import type { SearchParams } from 'meilisearch';
import { INDEX } from '../../../core/index/index-names.js';
import { and, anyOf } from '../filter.js';
import type { QueryPlan } from '../search-query.js';
import { PARTS_BELOW } from './constants.js';
import { hitCount, type ClauseHit, type Ranked, type SearchContext } from './context.js';
import { mergeFacets, renameFacets } from './facets.js';
import { isIntentMarker } from '../../../core/thesaurus/thesaurus.js';
import { LEAVE_ONE_OUT_MAX_DEPTH, leaveOneOut, type LeftOut } from './leave-one-out.js';

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

/** True when Meilisearch matched fewer words in the hit than the query has (a relaxed match). */
export function isPartial(h: Record<string, unknown>): boolean {
  if (h._byParts === true || h._partial === true) return true;
  const words = (h._rankingScoreDetails as { words?: { matchingWords: number; maxMatchingWords: number } } | undefined)?.words;
  return !!words && words.matchingWords < words.maxMatchingWords;
}

/** Least informative last (a measured alternative to `plan.wordsByNeed`). */
function byWeight(ctx: SearchContext, plan: QueryPlan): string[] {
  return [...plan.wordsByNeed].sort((a, b) => ctx.segmenter.weight(b) - ctx.segmenter.weight(a));
}

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
export async function searchWords(ctx: SearchContext, plan: QueryPlan, params: SearchParams, offset: number, limit: number, facets: string[] | undefined): Promise<Ranked> {
  const window = pageWindow(offset, limit);
  const full = await ctx.reader.search<ClauseHit>(INDEX.clauses, ctx.encode(plan.words), {
    ...params,
    facets,
    ...(window ? { page: window.page, hitsPerPage: window.hitsPerPage } : { offset, limit }),
  });
  const totalAllWords = hitCount(full);
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
  const byFunction = totalAllWords <= LEAVE_ONE_OUT_MAX_DEPTH ? (plan as { byFunction?: () => QueryPlan }).byFunction?.() : undefined;
  if (byFunction) return namesFirst(ctx, ranked, plan, byFunction, params, offset, limit, facets);
  // Granularity: a word longer than the text's words (数据共享 vs 政务数据…共享类型) is searched by its parts,
  // the clauses with every word excluded (all of them are on this page when it starts at 0).
  // A query of several words gives one of them up first (leave-one-out); only a single word is split.
  const single = plan.words.filter((w) => !isIntentMarker(w)).length < 2;
  const partsFirst = single || ctx.relaxation === 'last';
  const fine = offset === 0 && totalAllWords < PARTS_BELOW && partsFirst ? (plan as { fineWords?: () => string[] | undefined }).fineWords?.() : undefined;
  if (fine) return searchByParts(ctx, fine, ranked, fullHits, params, limit, facets);
  if (plan.words.length < 2) return ranked;

  const from = Math.max(offset, totalAllWords);
  const relaxedWords = ctx.relaxOrder === 'typed' ? plan.wordsByNeed : byWeight(ctx, plan);
  const partsOf = (plan as { partsOf?: (w: string) => string[] | undefined }).partsOf;
  const lastQuery = () =>
    ctx.reader.search<ClauseHit>(INDEX.clauses, ctx.encode(relaxedWords), {
      ...params,
      matchingStrategy: 'last',
      facets,
      showRankingScoreDetails: true,
      offset: from,
      limit: offset + limit - from,
    });
  const leftOut = () => leaveOneOut(ctx, relaxedWords, params, offset + limit, partsOf, new Set(plan.pinned));
  let merged: LeftOut | undefined;
  let relaxed: Awaited<ReturnType<typeof lastQuery>> | undefined;
  if (ctx.relaxation !== 'leave-one-out') relaxed = await lastQuery();
  // With facets, `last` counts them: it runs beside the merge.
  else if (facets) [relaxed, merged] = await Promise.all([lastQuery(), leftOut()]);
  else {
    // Otherwise `last` is asked only when the merged list runs out before the page ends: one search fewer for most
    // relaxed queries (bench/relaxation-latency.ts).
    merged = await leftOut();
    if (!merged?.hits.length || (merged.exhausted && merged.hits.length < offset + limit)) relaxed = await lastQuery();
  }
  if (merged?.hits.length) {
    // The every-word clauses (as typed or a word by its parts) and the partial ones, in one ranked list.
    return {
      ...ranked,
      hits: fillAfter(merged, relaxed?.hits.filter(isPartial) ?? [], offset, limit),
      total: Math.max(relaxed ? hitCount(relaxed) : 0, merged.largest, totalAllWords),
      totalIsExact: false,
      totalAllWords: Math.max(totalAllWords, merged.full),
      strategy: 'relaxed',
      ...(facets && relaxed ? { facets: renameFacets(relaxed.facetDistribution ?? {}) } : {}),
      processingTimeMs: full.processingTimeMs + merged.processingTimeMs + (relaxed && !facets ? relaxed.processingTimeMs : 0),
    };
  }
  if (!relaxed) return ranked;
  const partial = relaxed.hits.filter(isPartial);
  if (!partial.length) return ranked;
  return {
    ...ranked,
    hits: [...fullHits, ...partial].slice(0, limit),
    // Counted over all levels; an estimate past the page Meilisearch counts exactly.
    total: Math.max(hitCount(relaxed), totalAllWords + partial.length),
    totalIsExact: false,
    strategy: 'relaxed',
    ...(facets ? { facets: renameFacets(relaxed.facetDistribution ?? {}) } : {}),
    processingTimeMs: full.processingTimeMs + relaxed.processingTimeMs,
  };
}

/**
 * The clauses naming a department by name, then the page goes on with the plan that also knows it by its function
 * (省大数据局, then 大数据工作主管部门): every-word clauses of that plan first, then its relaxed ones, the clauses
 * already shown left out. Plans name the bodies that own their tasks; laws name them by function — a staff query
 * about a body's tasks keeps its own tasks first, and a law's clause still comes when they are few.
 */
async function namesFirst(ctx: SearchContext, byName: Ranked, plan: QueryPlan, byFunction: QueryPlan, params: SearchParams, offset: number, limit: number, facets: string[] | undefined): Promise<Ranked> {
  const named = byName.totalAllWords;
  const ids = named === 0 ? [] : [...(await allWordIds(ctx, plan, params, byName.hits, offset, named))];
  const from = Math.max(offset, named);
  const rest = await searchWords(ctx, byFunction, { ...params, filter: and(params.filter as string | undefined, ids.length > 0 && `NOT (${anyOf('id', ids)})`) }, from - named, offset + limit - from, facets);
  return {
    hits: [...byName.hits, ...rest.hits].slice(0, limit),
    total: named + rest.total,
    totalIsExact: byName.totalIsExact && rest.totalIsExact,
    totalAllWords: named + rest.totalAllWords,
    strategy: rest.strategy,
    ...(facets ? { facets: mergeFacets(byName.facets ?? {}, rest.facets ?? {}) } : {}),
    processingTimeMs: byName.processingTimeMs + rest.processingTimeMs,
  };
}

/** The ids of the clauses holding every word (all of them are on the page when it starts at 0). */
async function allWordIds(ctx: SearchContext, plan: QueryPlan, params: SearchParams, fullHits: ClauseHit[], offset: number, totalAllWords: number): Promise<Set<string>> {
  if (offset === 0 || totalAllWords === 0) return new Set(fullHits.map((h) => h.id));
  const res = await ctx.reader.search<ClauseHit>(INDEX.clauses, ctx.encode(plan.words), { filter: params.filter, matchingStrategy: 'all', attributesToRetrieve: ['id'], offset: 0, limit: totalAllWords });
  return new Set(res.hits.map((h) => h.id));
}

/**
 * The partial hits [start, start + n) of the leave-one-out list; when that list is read to its end and short, it
 * goes on with `last`'s partial hits (those it did not hold), so a page is never emptier than `last` alone made it.
 */
function fillAfter(left: LeftOut, last: ClauseHit[], start: number, n: number): ClauseHit[] {
  const page = left.hits.slice(start, start + n);
  if (page.length === n || !left.exhausted) return page;
  const held = new Set(left.hits.map((h) => h.id));
  // `last` was asked for the same window of its own list; its hits fill what the merge lacks.
  return [...page, ...last.filter((h) => !held.has(h.id))].slice(0, n);
}

/** The relaxed list over the words' parts ('last' strategy), after the clauses with every word; every such hit is partial. */
export async function searchByParts(ctx: SearchContext, fine: string[], ranked: Ranked, fullHits: ClauseHit[], params: SearchParams, limit: number, facets: string[] | undefined): Promise<Ranked> {
  const seen = fullHits.map((h) => h.id);
  const res = await ctx.reader.search<ClauseHit>(INDEX.clauses, ctx.encode(fine), {
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
    total: ranked.totalAllWords + hitCount(res),
    totalIsExact: false,
    strategy: 'relaxed',
    ...(facets ? { facets: renameFacets(res.facetDistribution ?? {}) } : {}),
    processingTimeMs: ranked.processingTimeMs + res.processingTimeMs,
  };
}

/** How many clauses contain every word of the plan under `filter` (no hits fetched). */
export async function countAllWords(ctx: SearchContext, plan: QueryPlan, filter: string | undefined): Promise<number> {
  const res = await ctx.reader.search(INDEX.clauses, ctx.encode(plan.words), { filter, matchingStrategy: 'all', page: 1, hitsPerPage: 0 });
  return res.totalHits ?? res.estimatedTotalHits ?? 0;
}
