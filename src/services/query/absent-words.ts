import type { Segmenter } from '../../../core/segment/index.js';
import { EVERYDAY_TERMS } from '../../../core/thesaurus/thesaurus.js';
import type { QueryPlan } from '../search-query.js';
import type { Lexicon } from './lexicon.js';
import { coverParts, type Rewrite } from './understand.js';

const THESAURUS_WORDS = new Set(EVERYDAY_TERMS.map((t) => t.everyday));
const HAN_ONLY = /^[\u3400-\u9fff]+$/;

/**
 * Words no indexed text holds. A query word outside the index's vocabulary can match nothing — the thesaurus and
 * typo correction, which run before, found it no other wording — so kept, it only sinks the query: no clause has
 * every word, and a relaxed match then gives up the words the texts do use (小区门口装摄像头: no clause writes
 * 门口). Such a word is searched by its parts when they are indexed words (黑客攻击 → 黑客 + 攻击), else left out;
 * each change is reported. Never a pinned word (a department, a phrase), never every word of the query, and nothing
 * without a lexicon (an index built before lexicons says nothing about which words are absent). Pure.
 */
export function withoutAbsentWords(plan: QueryPlan, lexicon: Lexicon, segmenter: Segmenter, maxWords: number): { plan: QueryPlan; rewrites: Rewrite[] } {
  const unchanged = { plan, rewrites: [] };
  if (!lexicon.size) return unchanged;
  const pinned = new Set(plan.pinned);
  const isAbsent = (w: string) => w.length >= 2 && HAN_ONLY.test(w) && !pinned.has(w) && !THESAURUS_WORDS.has(w) && lexicon.count(w) === 0;
  const replaced = new Map<string, string[]>();
  for (const w of plan.words) {
    if (!isAbsent(w)) continue;
    replaced.set(
      w,
      coverParts(w, segmenter).filter((p) => p.length >= 2 && (lexicon.count(p) > 0 || THESAURUS_WORDS.has(p))),
    );
  }
  if (!replaced.size) return unchanged;
  const rewrite = (words: string[]) => [...new Set(words.flatMap((w) => replaced.get(w) ?? [w]))].slice(0, maxWords);
  const words = rewrite(plan.words);
  if (!words.length) return unchanged;
  const rewrites: Rewrite[] = [...replaced].map(([from, to]) => ({
    kind: 'absent',
    from,
    to,
    reason: to.length ? `no indexed text writes ${from}: searched for ${to.join(' + ')}` : `no indexed text writes ${from}: left out`,
  }));
  const left = [...replaced].filter(([, to]) => !to.length).map(([w]) => w);
  return { plan: { ...plan, words, wordsByNeed: rewrite(plan.wordsByNeed), dropped: [...plan.dropped, ...left] }, rewrites };
}
