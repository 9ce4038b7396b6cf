import { createRequire } from 'node:module';
import { foldText } from './fold.js';
import { findLocators } from './numbering-terms.js';

/**
 * Chinese word segmentation, applied identically to indexed text and to
 * queries. nodejieba keeps global state (one dictionary per process), so it is
 * wrapped here once and passed around as a Segmenter.
 *
 * The contract that makes search exact (measured, see README.md): every query
 * word is either a dictionary word, a single Han character, a Latin/digit run
 * or a locator (第十二条); and the indexed token stream of a text holds EVERY
 * dictionary word occurring in it (jieba full mode), every single Han
 * character, every Latin/digit run and every locator. So a query word that
 * occurs in a text as a substring is a token of that text — 处理 in 待处理,
 * 信息化 in 省工业和信息化厅, 个人信息 in 个人信息处理者 — which neither
 * Meilisearch's own segmentation nor jieba's search mode guarantees.
 */
export interface Segmenter {
  /**
   * Dictionary words of `text`, overlapping ones included (个人信息处理者 →
   * 个人, 个人信息, 信息, 信息处理, 处理, 处理者), without the single
   * characters: the terms worth highlighting.
   */
  words(text: string): string[];
  /**
   * Every token indexed for `text`: first the text as exact-mode words (with
   * its punctuation, so positions and proximity stay true), then STREAM_BREAK,
   * then the other tokens a query word may be (overlapping words, single
   * characters, locators) in text order. `{ extra: false }`: the first stream
   * alone — for a heading, which should match a query by its own words only.
   */
  indexTokens(text: string, opts?: { extra?: boolean }): string[];
  /**
   * The words of a query: jieba's exact mode without HMM guesses (so each is a
   * dictionary word or a character, both always indexed), Latin/digit runs
   * whole, locators canonical (第12条 → 第十二条), folded like indexed text.
   */
  queryWords(text: string): string[];
  /** Traditional → simplified and full-width → half-width, keeping the length (數據 → 数据). */
  fold(text: string): string;
  /**
   * How informative a query word is (jieba's IDF; Latin/digit runs and
   * locators rank high, unknown words higher than common ones). Used to keep
   * the rarest words when a query has more than Meilisearch reads.
   */
  weight(word: string): number;
}

export interface SegmenterOptions {
  /** Words that must stay single tokens (department names, policy terms). Default none. */
  userWords?: Iterable<string>;
  /** Index every Han character as a token too (default true; false only for measurements). */
  singleChars?: boolean;
  /** Index every dictionary word inside the text, jieba full mode (default true; false only for measurements). */
  fullMode?: boolean;
  /** Interleave both token streams in text order instead of coarse-then-extra (default false; true only for measurements). */
  interleave?: boolean;
}

const require = createRequire(import.meta.url);

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
  cutAll(text: string): string[];
  insertWord(word: string, tag?: string): boolean;
  extract(text: string, topN: number): Array<{ word: string; weight: number }>;
}
let jieba: Jieba | undefined;
const inserted = new Set<string>();

/**
 * Runs of Latin letters and digits (5G, IPv6, 2025, 11.2, 200G) are kept
 * whole: jieba would split 5G into 5 and G, and Meilisearch splits a number
 * touching Han characters into single digits (2025年 → 2 0 2 5 年).
 */
const LATIN_RUN = /[A-Za-z0-9]+(?:[.+][A-Za-z0-9]+)*\+?/g;
const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const PUNCT_OR_SPACE = /^[\s\p{P}\p{S}]+$/u;
/**
 * Between the two token streams of an indexed text: a hard separator, which
 * Meilisearch counts as eight positions — beyond its proximity range — so no
 * word of one stream is ever "near" a word of the other.
 */
export const STREAM_BREAK = '。';

interface Token {
  word: string;
  start: number;
}

/**
 * Offsets of jieba's output words in `chunk`, duplicates included. Exact and
 * full mode list words by where they start (`ordered`); search mode lists
 * each length in turn, so there only repeats of one word are in order.
 */
function locate(chunk: string, words: string[], base: number, ordered = true): Token[] {
  const out: Token[] = [];
  const lastAt = new Map<string, number>();
  let from = 0;
  for (const w of words) {
    const at = chunk.indexOf(w, Math.max(ordered ? from : 0, (lastAt.get(w) ?? -1) + 1));
    if (at === -1) continue;
    lastAt.set(w, at);
    from = at;
    out.push({ word: w, start: base + at });
  }
  return out;
}

/** Creates the project's segmenter. Loads nodejieba on first use; user words are added to its global dictionary. */
export function createSegmenter(opts: SegmenterOptions = {}): Segmenter {
  jieba ??= require('nodejieba') as Jieba;
  const j = jieba;
  for (const w of opts.userWords ?? []) {
    const word = foldText(w.trim());
    if (word.length > 1 && !inserted.has(word)) {
      j.insertWord(word);
      inserted.add(word);
    }
  }
  const singleChars = opts.singleChars ?? true;
  const fullMode = opts.fullMode ?? true;

  /** Splits folded text into Latin runs (kept) and the stretches between them (given to `han`). */
  const scan = (folded: string, han: (chunk: string, base: number) => void, latin: (run: string, start: number) => void) => {
    let last = 0;
    for (const m of folded.matchAll(LATIN_RUN)) {
      if (m.index > last) han(folded.slice(last, m.index), last);
      latin(m[0], m.index);
      last = m.index + m[0].length;
    }
    if (last < folded.length) han(folded.slice(last), last);
  };

  /**
   * The tokens of a text in two streams. `coarse`: the text as a reader
   * would split it (exact mode, no HMM guesses — the same words a query gets),
   * punctuation kept as Meilisearch separators, so positions and proximity
   * mean what they say. `extra`: everything else a query word may be —
   * overlapping dictionary words, HMM words, single characters, locators —
   * in text order.
   */
  const streamsOf = (text: string, withChars: boolean, withLocators: boolean): { coarse: Token[]; extra: Token[] } => {
    const folded = foldText(text);
    const coarse: Token[] = [];
    const extra: Token[] = [];
    scan(
      folded,
      (chunk, base) => {
        const exact = locate(chunk, j.cut(chunk, false), base);
        coarse.push(...exact);
        extra.push(...locate(chunk, j.cut(chunk, true), base));
        if (fullMode) extra.push(...locate(chunk, j.cutAll(chunk), base));
        // Search mode only splits each coarse word further (the first version, kept for measurements).
        else for (const c of exact) extra.push(...locate(c.word, j.cutForSearch(c.word, true).filter((w) => w !== c.word), c.start, false));
        if (withChars) {
          for (let i = 0; i < chunk.length; i++) if (HAN_CHAR.test(chunk[i]!)) extra.push({ word: chunk[i]!, start: base + i });
        }
      },
      (run, start) => coarse.push({ word: run, start }),
    );
    if (withLocators) for (const l of findLocators(folded)) extra.push({ word: l.term, start: l.start });
    const seen = new Set<string>();
    const keep = (t: Token) => {
      const key = `${t.start}:${t.word}`;
      if (seen.has(key) || /^\s+$/.test(t.word)) return false;
      seen.add(key);
      return true;
    };
    const inCoarse = coarse.filter(keep);
    // Text order, longest first at one place; each (place, word) once, punctuation only in the coarse stream.
    extra.sort((a, b) => a.start - b.start || b.word.length - a.word.length);
    return { coarse: inCoarse, extra: extra.filter((t) => !PUNCT_OR_SPACE.test(t.word) && keep(t)) };
  };

  const words = (text: string) => {
    const { coarse, extra } = streamsOf(text, false, false);
    return [...coarse, ...extra]
      .sort((a, b) => a.start - b.start || b.word.length - a.word.length)
      .filter((t) => !PUNCT_OR_SPACE.test(t.word) && (t.word.length > 1 || !HAN_CHAR.test(t.word)))
      .map((t) => t.word);
  };
  const indexTokens = (text: string, o: { extra?: boolean } = {}) => {
    const { coarse, extra } = streamsOf(text, singleChars, true);
    if (o.extra === false) return coarse.map((t) => t.word);
    if (opts.interleave) {
      return [...coarse, ...extra].sort((a, b) => a.start - b.start || b.word.length - a.word.length).map((t) => t.word);
    }
    return [...coarse.map((t) => t.word), ...(extra.length ? [STREAM_BREAK] : []), ...extra.map((t) => t.word)];
  };

  const queryWords = (text: string): string[] => {
    const folded = foldText(text);
    const out: string[] = [];
    // Locators become one canonical word; the text around them is segmented as usual.
    let last = 0;
    const plain = (s: string) =>
      scan(
        s,
        (chunk) => {
          for (const w of j.cut(chunk, false)) if (!PUNCT_OR_SPACE.test(w)) out.push(w);
        },
        (run) => out.push(run),
      );
    for (const l of findLocators(folded)) {
      plain(folded.slice(last, l.start));
      out.push(l.term);
      last = l.end;
    }
    plain(folded.slice(last));
    return out;
  };

  const weights = new Map<string, number>();
  const weight = (word: string): number => {
    const w = foldText(word);
    if (!HAN_CHAR.test(w)) return 20;
    if (/^第.+[编章节条款项目]$/.test(w)) return 20;
    let v = weights.get(w);
    if (v === undefined) {
      // extract() scores a one-word text by the word's IDF; stop words and unknowns come back empty.
      v = j.extract(w, 1).find((e) => e.word === w)?.weight ?? (w.length > 1 ? 12 : 2);
      if (weights.size < 10_000) weights.set(w, v);
    }
    return v;
  };

  return {
    words,
    indexTokens,
    queryWords,
    fold: foldText,
    weight,
  };
}
