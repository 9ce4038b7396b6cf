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
  /** Maps text to the form terms are written in (traditional → simplified); must keep length. */
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

/**
 * The same, with the terms prepared once for every hit of a page.
 * @param opts.cropChars defaults to 120; `pre`/`post` to `<em>`/`</em>`; `fold` to none
 */
export function createHighlighter(terms: string[], opts: HighlightOptions = {}): (text: string) => Highlight {
  const crop = opts.cropChars ?? 120;
  const pre = opts.pre ?? '<em>';
  const post = opts.post ?? '</em>';
  // Longest terms first, so 数据安全 wins over 数据 at the same place.
  const uniq = [...new Set(terms.map((t) => t.toLowerCase()).filter((t) => t.trim().length > 0))].sort((a, b) => b.length - a.length);
  return (text) => {
    const folded = opts.fold ? opts.fold(text) : text;
    // Folds must keep the length (offsets are shared); one that did not is ignored rather than trusted.
    const haystack = folded.length === text.length ? folded.toLowerCase() : text.toLowerCase();
    const taken = new Uint8Array(text.length);
    const matches: Match[] = [];
    for (const term of uniq) {
      for (let i = haystack.indexOf(term); i !== -1; i = haystack.indexOf(term, i + term.length)) {
        let free = true;
        for (let k = i; k < i + term.length; k++) if (taken[k]) free = false;
        if (!free) continue;
        taken.fill(1, i, i + term.length);
        matches.push({ start: i, end: i + term.length });
      }
    }
    matches.sort((a, b) => a.start - b.start);

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
