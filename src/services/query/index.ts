import type { Segmenter } from '../../../core/segment/index.js';
import type { DepartmentRegistry } from '../../../core/departments/index.js';
import { MEILI_MAX_QUERY_WORDS, planQuery, type QueryPlan } from '../search-query.js';
import { EMPTY_LEXICON, type LexiconSource } from './lexicon.js';
import { expandPlan, understandQuery, type Rewrite } from './understand.js';
import { withoutAbsentWords } from './absent-words.js';
import type { IntentKind } from '../../../core/thesaurus/intents.js';

export { createLexicon, createLexiconSource, EMPTY_LEXICON, type Lexicon, type LexiconSource } from './lexicon.js';
export { withoutAbsentWords } from './absent-words.js';
export { COMMON_WORD_WEIGHT, coverParts, correctWord, displayWords, expandPlan, removeFrames, understandQuery, type Rewrite, type RewriteKind, type Understanding } from './understand.js';

/** A search's plan: the words planned, plus what understanding changed. */
export interface SearchPlan {
  /** `fineWords`: the words' parts for the granularity fallback, when some word has parts (computed on demand). */
  plan: QueryPlan & { fineWords?: () => string[] | undefined };
  exact: boolean;
  intent?: IntentKind;
  scope?: { title: string; docIds: string[] };
  definitions?: string[];
  rewrites: Rewrite[];
}

/**
 * Plans a clause search: query understanding (unless `exact`), then the
 * word planner, then the thesaurus and intent expansion. An intent's cue
 * takes one of Meilisearch's ten words.
 */
export async function planSearch(
  q: string,
  opts: { exact: boolean; segmenter: Segmenter; registry?: Pick<DepartmentRegistry, 'lookup' | 'closest'>; lexicon?: LexiconSource; typedFirst?: boolean },
): Promise<SearchPlan> {
  const { segmenter, registry } = opts;
  if (opts.exact) return { plan: planQuery(q, { segmenter, registry }), exact: true, rewrites: [] };
  const lexicon = opts.lexicon ? await opts.lexicon.get() : EMPTY_LEXICON;
  const u = understandQuery(q, { segmenter, lexicon });
  const maxWords = MEILI_MAX_QUERY_WORDS - (u.intent ? 1 : 0);
  const base = planQuery(u.text, { segmenter, registry, rewriteChunk: u.rewriteChunk, maxWords, dropLoneVerbs: true });
  const present = withoutAbsentWords(base, lexicon, segmenter, maxWords);
  u.rewrites.push(...present.rewrites);
  const plan = expandPlan(present.plan, u, segmenter, { typedFirst: opts.typedFirst });
  return { plan, exact: false, ...(u.intent ? { intent: u.intent } : {}), ...(u.scope ? { scope: u.scope } : {}), ...(u.definitions ? { definitions: u.definitions } : {}), rewrites: u.rewrites };
}
