export interface Match {
  /** JavaScript string offsets into the hit's `text`. */
  start: number;
  end: number;
}

export interface Highlight {
  /** A crop of the text of about `cropChars` characters, centred on the densest matches, matches wrapped. */
  snippet: string;
  matches: Match[];
}

export interface HighlightOptions {
  /** UTF-16 code units in the snippet, markup and ellipses aside (default 120). */
  cropChars?: number;
  /** Written before a match (default '<em>'). */
  pre?: string;
  /** Written after a match (default '</em>'). */
  post?: string;
  /**
   * Maps text to the form terms are written in (traditional → simplified).
   * Must map each character on its own, keeping the length, as `foldText`
   * does: it is applied once to every character, into a lookup table.
   */
  fold?: (s: string) => string;
}

/**
 * Finds the query terms in the text and crops a readable snippet. Done here
 * rather than by Meilisearch because Meilisearch matches the segmented field,
 * counts its crop in words (≈ 1.8 characters each for Chinese) and reports
 * offsets in UTF-8 bytes; readers want characters.
 */
export function highlight(text: string, terms: string[], opts: HighlightOptions = {}): Highlight {
  return createHighlighter(terms, opts)(text);
}

/** Per fold function, each UTF-16 code unit folded and lower-cased (see compareTable). */
const tables = new WeakMap<(s: string) => string, Uint16Array>();
let lowerOnly: Uint16Array | undefined;

/**
 * The form every code unit is compared in: folded, then lower-cased when that
 * keeps it one unit. Built once per fold function (~10 ms), so matching a
 * text reads a table instead of building folded and lower-cased copies of
 * it, which cost most of the highlighting time (measured: bench/README.md).
 * A fold that does not keep the length is ignored rather than trusted, as
 * offsets are shared.
 */
function compareTable(fold: ((s: string) => string) | undefined): Uint16Array {
  const cached = fold ? tables.get(fold) : lowerOnly;
  if (cached) return cached;
  const units: string[] = [];
  for (let c = 0; c < 0x10000; c += 0x1000) {
    units.push(String.fromCharCode(...Array.from({ length: 0x1000 }, (_, i) => c + i)));
  }
  const all = units.join('');
  const folded = fold ? fold(all) : all;
  const source = folded.length === all.length ? folded : all;
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = source.charCodeAt(c);
    const lower = String.fromCharCode(f).toLowerCase();
    table[c] = lower.length === 1 ? lower.charCodeAt(0) : f;
  }
  if (fold) tables.set(fold, table);
  else lowerOnly = table;
  return table;
}

/** Where the matches of a text lie (see createHighlighter); one buffer reused for every text, as matching is synchronous. */
let cover = new Int32Array(4096);

/**
 * The same, with the terms prepared once for every hit of a page.
 * @param opts.cropChars defaults to 120; `pre`/`post` to `<em>`/`</em>`; `fold` to none
 */
export function createHighlighter(terms: string[], opts: HighlightOptions = {}): (text: string) => Highlight {
  const crop = opts.cropChars ?? 120;
  const pre = opts.pre ?? '<em>';
  const post = opts.post ?? '</em>';
  const table = compareTable(opts.fold);
  const inTableForm = (t: string) => {
    let out = '';
    for (let i = 0; i < t.length; i++) out += String.fromCharCode(table[t.charCodeAt(i)]!);
    return out;
  };
  // Longest terms first, so 数据安全 wins over 数据 at the same place.
  const uniq = [...new Set(terms.map(inTableForm).filter((t) => t.trim().length > 0))].sort((a, b) => b.length - a.length);
  // The terms that may start at a character, by its compared form: one pass over a text finds every
  // occurrence. A 512-bit filter (64 bytes, so V8 keeps it on its heap: cheap to allocate) on the low
  // bits of the character spares most characters the map lookup.
  const byFirst = new Map<number, number[]>();
  const maybeFirst = new Uint32Array(16);
  uniq.forEach((t, k) => {
    const first = t.charCodeAt(0);
    maybeFirst[(first >>> 5) & 15]! |= 1 << (first & 31);
    const list = byFirst.get(first);
    if (list) list.push(k);
    else byFirst.set(first, [k]);
  });
  return (text) => {
    const n = text.length;
    // Where each term occurs, overlapping occurrences included.
    const occurrences: Array<number[] | undefined> = [];
    for (let i = 0; i < n; i++) {
      const c = table[text.charCodeAt(i)]!;
      if ((maybeFirst[(c >>> 5) & 15]! & (1 << (c & 31))) === 0) continue;
      const candidates = byFirst.get(c);
      if (candidates === undefined) continue;
      for (const k of candidates) {
        const term = uniq[k]!;
        if (i + term.length > n) continue;
        let j = 1;
        while (j < term.length && table[text.charCodeAt(i + j)] === term.charCodeAt(j)) j++;
        if (j === term.length) (occurrences[k] ??= []).push(i);
      }
    }
    // Longest term first; a term's occurrences left to right without overlapping each other, each kept
    // only where no longer term was already marked: `cover` holds a kept match's end at its start, −1
    // inside it, and is then read in text order (no sort).
    if (cover.length < n) cover = new Int32Array(Math.max(n, cover.length * 2));
    cover.fill(0, 0, n);
    let kept = 0;
    for (let k = 0; k < uniq.length; k++) {
      const found = occurrences[k];
      if (!found) continue;
      const len = uniq[k]!.length;
      let next = 0;
      for (const i of found) {
        if (i < next) continue;
        next = i + len;
        let free = true;
        for (let c = i; c < next; c++) if (cover[c] !== 0) free = false;
        if (!free) continue;
        cover.fill(-1, i + 1, next);
        cover[i] = next;
        kept++;
      }
    }
    const matches: Match[] = [];
    for (let i = 0; kept > 0 && i < n; i++) {
      const end = cover[i]!;
      if (end > 0) {
        matches.push({ start: i, end });
        kept--;
        i = end - 1;
      }
    }

    let from = 0;
    if (text.length > crop && matches.length) {
      // The window of `crop` characters starting at a match that holds the most matched characters
      // (two pointers over the sorted matches), then centred on the matches it holds.
      let best = -1;
      let bestFirst = 0;
      let bestLast = 0;
      let covered = 0;
      let j = 0;
      for (let i = 0; i < matches.length; i++) {
        if (i > 0) covered -= matches[i - 1]!.end - matches[i - 1]!.start;
        if (j < i) {
          j = i;
          covered = 0;
        }
        while (j < matches.length && matches[j]!.end <= matches[i]!.start + crop) {
          covered += matches[j]!.end - matches[j]!.start;
          j++;
        }
        if (covered > best) {
          best = covered;
          bestFirst = i;
          bestLast = Math.max(i, j - 1);
        }
      }
      const start = matches[bestFirst]!.start;
      const span = matches[bestLast]!.end - start;
      from = Math.max(0, Math.min(text.length - crop, start - Math.floor((crop - span) / 2)));
    }
    let to = Math.min(text.length, from + crop);
    // Never cut a character written as a surrogate pair (rare CJK extension characters) in half.
    if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
    if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
    let snippet = from > 0 ? '…' : '';
    let at = from;
    for (const m of matches) {
      if (m.start < from || m.end > to) continue;
      snippet += text.slice(at, m.start) + pre + text.slice(m.start, m.end) + post;
      at = m.end;
    }
    snippet += text.slice(at, to) + (to < text.length ? '…' : '');
    return { snippet, matches };
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
