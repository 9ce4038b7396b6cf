/**
 * Clauses put before the ranked list, by what the query names: the clause that defines a term asked about, the
 * clauses of a document named in the query, or the article a locator names (某某法 第二十一条).
 */
import { INDEX } from '../../../core/index/index-names.js';
import { and, anyOf, eq } from '../filter.js';
import type { QueryPlan } from '../search-query.js';
import { DIRECT_HITS, LOCATOR_WORD, SCOPED_HITS } from './constants.js';
import type { ClauseHit, SearchContext } from './context.js';

/**
 * A query naming an article (某某法 第二十一条, 第13条) wants that article
 * first, though a clause citing it (除本法第二十一条的规定外…) may rank higher
 * on words alone: clauses LABELLED with the locator, among those matching
 * the other words, lead the list. Returns them (at most DIRECT_HITS).
 */
export async function directHits(ctx: SearchContext, plan: QueryPlan, filter: string | undefined, fields: string[]): Promise<ClauseHit[]> {
  const locators = plan.words.filter((w) => LOCATOR_WORD.test(w));
  if (locators.length !== 1 || plan.phrases.length) return [];
  const others = ctx.encode(plan.words.filter((w) => w !== locators[0]));
  const res = await ctx.reader.search<ClauseHit>(INDEX.clauses, others, {
    filter: and(filter, eq('label', locators[0]!)),
    attributesToRetrieve: fields,
    matchingStrategy: 'all',
    limit: DIRECT_HITS,
  });
  return res.hits;
}

/** The clauses that define a term asked about (within the filters), in the order given. */
export async function clausesById(ctx: SearchContext, ids: string[], filter: string | undefined, fields: string[]): Promise<ClauseHit[]> {
  const res = await ctx.reader.search<ClauseHit>(INDEX.clauses, '', { filter: and(filter, anyOf('id', ids)), attributesToRetrieve: fields, limit: DIRECT_HITS });
  return ids.flatMap((id) => res.hits.filter((h) => h.id === id));
}

/** A query naming a document (数据安全法 分类分级): its clauses with every other word lead (at most SCOPED_HITS). */
export async function scopedHits(ctx: SearchContext, plan: QueryPlan, docIds: string[], filter: string | undefined, fields: string[]): Promise<ClauseHit[]> {
  if (!plan.words.length || plan.phrases.length) return [];
  const params = { filter: and(filter, anyOf('docId', docIds)), attributesToRetrieve: fields, limit: SCOPED_HITS };
  const res = await ctx.reader.search<ClauseHit>(INDEX.clauses, ctx.encode(plan.words), { ...params, matchingStrategy: 'all' });
  if (res.hits.length || plan.words.length < 2) return res.hits;
  // Nothing in that document has every word: its clauses with most of them, marked partial.
  const relaxed = await ctx.reader.search<ClauseHit>(INDEX.clauses, ctx.encode(plan.wordsByNeed), { ...params, matchingStrategy: 'last', showRankingScoreDetails: true });
  return relaxed.hits;
}

/** The leading clauses of a search: none under a date order (kept as asked), else by what the query names. */
export function leadingHits(
  ctx: SearchContext,
  plan: QueryPlan,
  named: { definitions?: string[]; scope?: { docIds: string[] } },
  filter: string | undefined,
  fields: string[],
  sorted: boolean,
): Promise<ClauseHit[]> {
  if (sorted) return Promise.resolve([]);
  if (named.definitions) return clausesById(ctx, named.definitions, filter, fields);
  if (named.scope) return scopedHits(ctx, plan, named.scope.docIds, filter, fields);
  return directHits(ctx, plan, filter, fields);
}
