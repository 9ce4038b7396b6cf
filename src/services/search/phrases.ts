/** The phrases strategy: a query with quoted phrases, checked verbatim here over Meilisearch's all-words candidates. */
import type { SearchParams } from 'meilisearch';
import { INDEX } from '../../../core/index/index-names.js';
import { containsPhrases, type QueryPlan } from '../search-query.js';
import { PHRASE_CANDIDATES } from './constants.js';
import type { ClauseHit, Ranked, SearchContext } from './context.js';
import { countFacets } from './facets.js';

/** Quoted phrases: Meilisearch narrows (all words), the phrase is checked here, totals count verified hits. */
export async function searchPhrases(ctx: SearchContext, plan: QueryPlan, params: SearchParams, offset: number, limit: number, facets: boolean): Promise<Ranked> {
  const res = await ctx.reader.search<ClauseHit>(INDEX.clauses, ctx.encode(plan.words), { ...params, page: 1, hitsPerPage: PHRASE_CANDIDATES });
  const verified = res.hits.filter((h) => containsPhrases(h.text, plan.phrases, ctx.segmenter.fold));
  return {
    hits: verified.slice(offset, offset + limit),
    total: verified.length,
    totalIsExact: (res.totalHits ?? 0) <= PHRASE_CANDIDATES,
    totalAllWords: verified.length,
    strategy: 'all',
    ...(facets ? { facets: countFacets(verified) } : {}),
    processingTimeMs: res.processingTimeMs,
  };
}
