/**
 * How our tokens reach Meilisearch without being cut again.
 *
 * Measured on Meilisearch 1.21 (bench/measure-tokenizer.ts): whatever we
 * pre-segment, its Chinese tokenizer re-splits every word it sees into pieces
 * of one or two characters (数据交易 → 数据 / 交易, 第二十一条 → 第二 / 十一 / 条,
 * 省工业和信息化厅 → 省 / 工业 / 和 / 信息化 / 厅), with or without a
 * `localizedAttributes` locale; only words listed in its `dictionary` setting
 * stay whole. A query word then matches any clause holding its pieces near
 * each other, the ten-word query limit counts pieces, and `last`/`frequency`
 * matching drops pieces of a word.
 *
 * So each token is written as an opaque lower-case Latin word — four letters
 * a–z per UTF-16 unit of its (lower-cased) text — which Meilisearch indexes as
 * one word and never splits: one of our words is one Meilisearch word, in the
 * index and in the query alike. The code keeps prefixes (a prefix of a word
 * encodes to a prefix of its code), so prefix search still works for
 * type-ahead. Punctuation passes through unencoded: Meilisearch reads it as
 * separators, which keeps sentence boundaries out of proximity.
 */

const A = 'a'.charCodeAt(0);
const PUNCT_OR_SPACE = /^[\s\p{P}\p{S}]+$/u;

/** The Meilisearch word for one of our tokens (lower-cased first, like Meilisearch does for Latin). */
export function encodeSearchWord(word: string): string {
  const w = word.toLowerCase();
  let out = '';
  for (let i = 0; i < w.length; i++) {
    let n = w.charCodeAt(i);
    let code = '';
    for (let k = 0; k < 4; k++) {
      code = String.fromCharCode(A + (n % 26)) + code;
      n = Math.floor(n / 26);
    }
    out += code;
  }
  return out;
}

/** The text of an encoded word (for debugging and tests). Throws on anything that is not a code. */
export function decodeSearchWord(code: string): string {
  if (!/^(?:[a-z]{4})+$/.test(code)) throw new TypeError(`not an encoded search word: ${code}`);
  let out = '';
  for (let i = 0; i < code.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) n = n * 26 + (code.charCodeAt(i + k) - A);
    out += String.fromCharCode(n);
  }
  return out;
}

/** A `*Seg` field: the tokens encoded, punctuation (separators) kept, joined by spaces. */
export function toSearchField(tokens: string[]): string {
  return tokens.map((t) => (PUNCT_OR_SPACE.test(t) ? t : encodeSearchWord(t))).join(' ');
}

/** The `q` sent to Meilisearch for query words. */
export function toSearchQuery(words: string[]): string {
  return words.filter((w) => !PUNCT_OR_SPACE.test(w)).map(encodeSearchWord).join(' ');
}
