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
  /** Characters in the snippet (default 120). */
  cropChars?: number;
  pre?: string;
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
  const crop = opts.cropChars ?? 120;
  const pre = opts.pre ?? '<em>';
  const post = opts.post ?? '</em>';
  const folded = opts.fold ? opts.fold(text) : text;
  const haystack = folded.length === text.length ? folded.toLowerCase() : text.toLowerCase();
  // Longest terms first, so 数据安全 wins over 数据 at the same place.
  const uniq = [...new Set(terms.map((t) => t.toLowerCase()).filter((t) => t.trim().length > 0))].sort((a, b) => b.length - a.length);
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
    // The window of `crop` characters holding the most matched characters, then centred on them.
    let best = 0;
    let bestStart = matches[0]!.start;
    for (const m of matches) {
      let covered = 0;
      for (const n of matches) if (n.start >= m.start && n.end <= m.start + crop) covered += n.end - n.start;
      if (covered > best) {
        best = covered;
        bestStart = m.start;
      }
    }
    const inWindow = matches.filter((n) => n.start >= bestStart && n.end <= bestStart + crop);
    const span = inWindow.at(-1)!.end - bestStart;
    from = Math.max(0, Math.min(text.length - crop, bestStart - Math.floor((crop - span) / 2)));
  }
  const to = Math.min(text.length, from + crop);
  let snippet = from > 0 ? '…' : '';
  let at = from;
  for (const m of matches) {
    if (m.start < from || m.end > to) continue;
    snippet += text.slice(at, m.start) + pre + text.slice(m.start, m.end) + post;
    at = m.end;
  }
  snippet += text.slice(at, to) + (to < text.length ? '…' : '');
  return { snippet, matches };
}
