import { pinyin } from 'pinyin-pro';
import { generationOf, latestPerGeneration, type GenerationSource } from '../generation.js';
import type { LexiconDoc } from '../../../core/thesaurus/lexicon.js';
import { LEXICON_ID } from '../../../core/thesaurus/lexicon.js';
import { INDEX } from '../../../core/index/index-names.js';
import type { IndexReader } from '../index-reader.js';

/**
 * The index's vocabulary as the query stage reads it: which words occur (and
 * how often), the corpus's abbreviations of titles, its definitions, and a
 * lookup of words one character apart (for typo correction).
 */
export interface Lexicon {
  count(word: string): number;
  /** How many words the index holds (0: no lexicon, so no rule may conclude a word is absent). */
  size: number;
  /** Abbreviation → short title, longest abbreviation first. */
  abbreviations: ReadonlyMap<string, string>;
  /** Short titles of the corpus's documents → their ids, longest first. */
  titles: ReadonlyArray<[string, string[]]>;
  definitions: ReadonlyMap<string, string[]>;
  /** Index words of the same length as `word` that differ from it in exactly one character, with that position. */
  oneOff(word: string): Array<{ word: string; at: number }>;
}

const WILD = '\u0000';

/** A lexicon from its stored document. Builds the one-character-off lookup once (words of 2–4 characters). */
export function createLexicon(doc: Pick<LexiconDoc, 'words' | 'counts' | 'abbreviations' | 'definitions'> & { titles?: LexiconDoc['titles'] }): Lexicon {
  const counts = new Map<string, number>();
  doc.words.forEach((w, i) => counts.set(w, doc.counts[i] ?? 1));
  const near = new Map<string, string[]>();
  for (const w of doc.words) {
    if (w.length < 2 || w.length > 4) continue;
    for (let i = 0; i < w.length; i++) {
      const key = w.slice(0, i) + WILD + w.slice(i + 1);
      const list = near.get(key);
      if (list) list.push(w);
      else near.set(key, [w]);
    }
  }
  const definitions = new Map<string, string[]>();
  for (const [term, id] of doc.definitions) definitions.set(term, [...(definitions.get(term) ?? []), id]);
  const titles = new Map<string, string[]>();
  for (const [t, id] of doc.titles ?? []) titles.set(t, [...(titles.get(t) ?? []), id]);
  return {
    count: (w) => counts.get(w) ?? 0,
    size: counts.size,
    titles: [...titles].sort((a, b) => b[0].length - a[0].length),
    abbreviations: new Map([...doc.abbreviations].sort((a, b) => b[0].length - a[0].length)),
    definitions,
    oneOff(word) {
      const out: Array<{ word: string; at: number }> = [];
      for (let i = 0; i < word.length; i++) {
        for (const w of near.get(word.slice(0, i) + WILD + word.slice(i + 1)) ?? []) if (w !== word) out.push({ word: w, at: i });
      }
      return out;
    },
  };
}

/** An empty lexicon (nothing ingested yet, or an index built before lexicons): every rewrite that needs one is skipped. */
export const EMPTY_LEXICON: Lexicon = createLexicon({ words: [], counts: [], abbreviations: [], definitions: [] });

const readings = new Map<string, Set<string>>();
/** The toneless readings of a character (多音字 have several). */
export function readingsOf(char: string): Set<string> {
  let r = readings.get(char);
  if (!r) {
    r = new Set(pinyin(char, { toneType: 'none', multiple: true, type: 'array' }));
    if (readings.size < 20_000) readings.set(char, r);
  }
  return r;
}

/** True when two characters share a reading (建/键 jian, 户/护 hu). */
export function samePinyin(a: string, b: string): boolean {
  const ra = readingsOf(a);
  for (const x of readingsOf(b)) if (ra.has(x)) return true;
  return false;
}

/** How often the source looks whether a new index was swapped in (ms). */
const RECHECK_MS = 5000;

/**
 * The live index's lexicon, loaded once per index generation (src/services/generation.ts). A request never waits
 * for the staleness check: the generation is re-read in the background at most every few seconds, and the new
 * lexicon replaces the old when loaded.
 */
export function createLexiconSource(reader: IndexReader, now: () => number = Date.now, generation: GenerationSource = generationOf(reader)) {
  const get = latestPerGeneration(
    generation,
    async () => {
      const doc = await reader.get<LexiconDoc>(INDEX.meta, LEXICON_ID).catch(() => undefined);
      return doc?.words ? createLexicon(doc) : EMPTY_LEXICON;
    },
    { fallback: EMPTY_LEXICON, recheckMs: RECHECK_MS, now },
  );
  return { get };
}
export type LexiconSource = ReturnType<typeof createLexiconSource>;
