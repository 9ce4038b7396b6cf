/**
 * Text similarity for deciding that two copies are the same document. Both
 * copies went through normalization, but from different extractions: one may
 * have lost its decimal points (５１４％ for 51.4%), full-width digits, spaces,
 * another punctuation. Comparing only letters and digits makes those
 * differences vanish; character shingles make the measure robust to the rest.
 */

/** Letters and digits only, widths folded (NFKC). */
export function comparableText(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The set of character k-grams of the comparable text.
 *
 * @param k default 5: long enough that two unrelated Chinese texts on the same
 *   topic share few shingles, short enough to survive a changed character.
 */
export function shingles(text: string, k = 5): Set<string> {
  const s = comparableText(text);
  const out = new Set<string>();
  if (s.length < k) {
    if (s) out.add(s);
    return out;
  }
  for (let i = 0; i + k <= s.length; i++) out.add(s.slice(i, i + k));
  return out;
}

function intersectionSize(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** |A∩B| / |A∪B|: 1 for the same text, near 0 for unrelated texts. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const inter = intersectionSize(a, b);
  return inter / (a.size + b.size - inter);
}

/** |A∩B| / min(|A|,|B|): 1 when one text is contained in the other (a copy with an extra 目录). */
export function containment(a: Set<string>, b: Set<string>): number {
  const min = Math.min(a.size, b.size);
  return min === 0 ? 0 : intersectionSize(a, b) / min;
}
