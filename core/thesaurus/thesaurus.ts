import { z } from 'zod';
import everydayData from './everyday-terms.json' with { type: 'json' };
import confusionData from './confusions.json' with { type: 'json' };
import { encodeSearchWord } from '../segment/search-field.js';
import { foldText } from '../segment/fold.js';
import { INTENT_RULES, type IntentKind } from './intents.js';

/**
 * The policy thesaurus's reviewed part: everyday wordings → the wordings the
 * texts use (出境 → 境外提供 / 跨境提供), each with its reason, and the intents'
 * cue words. Both reach Meilisearch as synonym groups under MARKER words: a
 * marker is a word no text contains, whose synonyms are the alternatives. The
 * query stage sends the marker instead of the word when it expands, and the
 * plain word when the user asked for an exact search (`?exact=true`) — so the
 * expansion is switchable per query, which synonyms keyed by the word itself
 * could not be. Multi-word alternatives match as phrases (measured on 1.21).
 */
export const EverydayTerm = z.object({
  everyday: z.string().min(1),
  /** Query words as the segmenter splits them, space-separated; the first is usually the everyday word itself. */
  alternatives: z.array(z.string().min(1)).min(2).max(8),
  reason: z.string().min(10),
});
export type EverydayTerm = z.infer<typeof EverydayTerm>;

const EverydayFile = z.object({ $comment: z.string().optional(), terms: z.array(EverydayTerm) });
const ConfusionFile = z.object({ $comment: z.string().optional(), pairs: z.array(z.tuple([z.string().length(1), z.string().length(1)])) });

export const EVERYDAY_TERMS: readonly EverydayTerm[] = EverydayFile.parse(everydayData).terms.map((t) => ({
  ...t,
  everyday: foldText(t.everyday),
  alternatives: t.alternatives.map(foldText),
}));

/** Character → characters commonly typed for it (both ways). */
export const CONFUSIONS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [a, b] of ConfusionFile.parse(confusionData).pairs) {
    out.set(a, [...(out.get(a) ?? []), b]);
    out.set(b, [...(out.get(b) ?? []), a]);
  }
  return out;
})();

/** A private-use character: no text or query contains it after folding, so a marker matches nothing itself. */
const MARK = '\ue000';

/** The query word that stands for a thesaurus entry's alternatives. */
export function synonymMarker(everyday: string): string {
  return `${MARK}${everyday}`;
}
/** The query word that stands for an intent's cue words. */
export function intentMarker(kind: IntentKind): string {
  return `${MARK}#${kind}`;
}
/** True for an intent's marker. */
export function isIntentMarker(word: string): boolean {
  return word.startsWith(`${MARK}#`);
}
/** True for a marker word (never shown to users as a word). */
export function isMarker(word: string): boolean {
  return word.startsWith(MARK);
}

/** Marker → alternatives (query words; a phrase as space-separated words), as written for the settings. */
export function markerGroups(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of EVERYDAY_TERMS) out[synonymMarker(t.everyday)] = t.alternatives;
  for (const r of INTENT_RULES) out[intentMarker(r.kind)] = r.cues;
  return out;
}

/** The marker groups as Meilisearch words, for the `synonyms` setting (one-way: marker → alternatives). */
export function encodedMarkerSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [marker, alts] of Object.entries(markerGroups())) {
    out[encodeSearchWord(marker)] = alts.map((a) => a.split(' ').map(encodeSearchWord).join(' '));
  }
  return out;
}
