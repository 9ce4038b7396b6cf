import type { Segmenter } from '../segment/index.js';

/**
 * The corpus's own vocabulary and the terms its texts define, gathered while
 * the index is built and stored beside it (the meta index, document
 * `lexicon`) for the query stage: typo correction needs to know which words
 * the index holds, a law's abbreviation (网安法) is derived from the titles, and
 * a definition (本法所称…是指…) tells which clause defines a term. Generic rules
 * over any corpus, never lists of this one's words.
 */
export interface LexiconDoc extends Record<string, unknown> {
  id: 'lexicon';
  /** Every multi-character token indexed (text, headings, titles), and how often it was indexed. */
  words: string[];
  counts: number[];
  /** Abbreviation → the short title it stands for (网安法 → 网络安全法); only abbreviations no text uses as a word. */
  abbreviations: Array<[string, string]>;
  /** Short title → the documents so titled (a query naming a document searches it first). */
  titles: Array<[string, string]>;
  /** Term → the clause that defines it (本法所称数据，是指… ; （一）网络，是指…). */
  definitions: Array<[string, string]>;
}

export const LEXICON_ID = 'lexicon';

const HAN = /^[\u3400-\u9fff]+$/;
/** Kinds search returns as units (ingest/to-index/clauses.ts). */
const UNIT_KINDS = new Set(['article', 'task', 'row', 'excerpt', 'entry']);
/** Shortest short title a query is scoped by. */
const MIN_TITLE = 4;
/** What a title is a kind of: kept whole at the end of an abbreviation (网络安全法 → 网安法). */
const TITLE_TAIL = /(法|条例|办法|规定|细则|规划|纲要|意见|方案|决定)$/;
/** Who issued it or where it applies: not part of how people shorten a title. */
const TITLE_HEAD = /^(?:中华人民共和国|[\u4e00-\u9fff]{2,3}(?:省|市|自治区))/;
/** 本法所称X，是指 / 本条例所称X，是指 / an item （一）X，是指 of a definitions article. */
const DEFINITION = /(?:本(?:法|条例|办法|规定|细则|意见|方案)(?:中)?所称|^[（(][一二三四五六七八九十]+[）)]\s*)([\u4e00-\u9fff]{2,16})[，,]\s*是指/;

/** The short title people abbreviate: without issuer, place, version or parenthesised years. */
export function shortTitle(title: string): string {
  return title
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/[《》“”"]/g, '')
    .replace(TITLE_HEAD, '')
    .trim();
}

/**
 * Abbreviations of a title in the way Chinese shortens names: the first
 * character of its first word, of one or two later words, then the kind of
 * document whole (网络/安全/法 → 网安法; 个人/信息/保护/法 → 个保法, 个信法…;
 * 关键/信息/基础/设施/安全/保护/条例 → 关基条例…). The words are the finest
 * two-character dictionary words (`isWord`), which is how these abbreviations
 * are formed. Only titles of a kind with a tail (法, 条例, 规划…) qualify.
 */
export function titleAbbreviations(title: string, isWord: (w: string) => boolean): string[] {
  const short = shortTitle(title);
  const tail = short.match(TITLE_TAIL)?.[1];
  if (!tail || !HAN.test(short)) return [];
  const head = short.slice(0, -tail.length);
  const chunks: string[] = [];
  for (let i = 0; i < head.length; ) {
    const two = head.slice(i, i + 2);
    const step = two.length === 2 && isWord(two) ? 2 : 1;
    chunks.push(head.slice(i, i + step));
    i += step;
  }
  if (chunks.length < 2 || chunks.length > 8) return [];
  const first = chunks[0]![0]!;
  const out = new Set<string>();
  for (let a = 1; a < chunks.length; a++) {
    out.add(`${first}${chunks[a]![0]}${tail}`);
    for (let b = a + 1; b < chunks.length; b++) out.add(`${first}${chunks[a]![0]}${chunks[b]![0]}${tail}`);
  }
  out.delete(short);
  return [...out];
}

/** The term a clause defines, when it is a definition (本法所称X，是指…). */
export function definedTerm(text: string): string | undefined {
  return text.match(DEFINITION)?.[1];
}

export interface LexiconCollector {
  /** The segmenter to index with: the same one, counting what it indexes. */
  segmenter: Segmenter;
  /** Looks at an indexed clause for a definition. */
  clause(c: { id: string; text: string; isUnit?: boolean; path?: ReadonlyArray<{ id: string; kind: string }> }): void;
  /** The lexicon, given every document. */
  finish(documents: Iterable<{ id: string; title: string }>): LexiconDoc;
}

/** Gathers the lexicon while clauses are indexed (one pass, bounded by the vocabulary's size). */
export function createLexiconCollector(segmenter: Segmenter): LexiconCollector {
  const counts = new Map<string, number>();
  const definitions: Array<[string, string]> = [];
  const counting: Segmenter = {
    ...segmenter,
    indexTokens(text, opts) {
      const tokens = segmenter.indexTokens(text, opts);
      for (const t of tokens) if (t.length > 1 && HAN.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
      return tokens;
    },
  };
  return {
    segmenter: counting,
    clause(c) {
      // Paragraphs and items define too (（一）网络，是指…), so every node is looked at, not only units.
      const term = definedTerm(c.text);
      if (!term) return;
      // Search returns units: an item defining a term stands for the article it is in.
      const unit = c.isUnit === false ? [...(c.path ?? [])].reverse().find((p) => UNIT_KINDS.has(p.kind))?.id : c.id;
      if (unit && !definitions.some(([t, id]) => t === term && id === unit)) definitions.push([term, unit]);
    },
    finish(documents) {
      const isWord = (w: string) => counts.has(w);
      const byAbbreviation = new Map<string, Set<string>>();
      const titles: Array<[string, string]> = [];
      for (const { id, title } of documents) {
        const short = shortTitle(title);
        // Short generic titles (通知, 意见) would scope every query that uses the word.
        if (short.length >= MIN_TITLE && HAN.test(short)) titles.push([short, id]);
        for (const a of titleAbbreviations(title, isWord)) {
          if (counts.has(a)) continue;
          const set = byAbbreviation.get(a) ?? new Set<string>();
          set.add(shortTitle(title));
          byAbbreviation.set(a, set);
        }
      }
      // An abbreviation two titles share names neither.
      const abbreviations = [...byAbbreviation].filter(([, s]) => s.size === 1).map(([a, s]) => [a, [...s][0]!] as [string, string]);
      const words = [...counts.keys()].sort();
      return { id: LEXICON_ID, words, counts: words.map((w) => counts.get(w)!), abbreviations: abbreviations.sort(), titles, definitions };
    },
  };
}
