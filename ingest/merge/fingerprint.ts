import { shingles } from './similarity.js';

/**
 * A fixed-size summary of a text's shingles, so duplicate detection can
 * compare every pair of candidate copies without keeping their texts: the
 * exact number of distinct shingles and the smallest {@link SKETCH_SIZE}
 * shingle hashes (a bottom-k sketch). For texts with fewer shingles the sketch
 * holds all of them and the estimates below are exact.
 */
export interface TextFingerprint {
  /** Distinct 5-character shingles of the comparable text. */
  size: number;
  /** The smallest shingle hashes, ascending, distinct. */
  sketch: number[];
}

/**
 * Sketch length. The estimate's standard error is about √(J(1−J)/k): ±0.03 at
 * k = 256, far inside the gap the thresholds sit in (copies ≈ 0.98, different
 * texts < 0.1; see SAME_TEXT).
 */
export const SKETCH_SIZE = 256;

/** FNV-1a over UTF-16 code units, then murmur3's finalizer so low values are spread evenly. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function fingerprint(text: string): TextFingerprint {
  const set = shingles(text);
  const hashes = [...new Set([...set].map(hash32))].sort((a, b) => a - b);
  return { size: set.size, sketch: hashes.slice(0, SKETCH_SIZE) };
}

/**
 * Estimated |A∩B| / |A∪B|: among the k smallest hashes of the union (taken from
 * both sketches), the share present in both.
 */
export function estimateJaccard(a: TextFingerprint, b: TextFingerprint): number {
  if (a.size === 0 && b.size === 0) return 1;
  const k = Math.min(SKETCH_SIZE, new Set([...a.sketch, ...b.sketch]).size);
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  while (taken < k) {
    const x = a.sketch[i];
    const y = b.sketch[j];
    if (x !== undefined && x === y) {
      both++;
      i++;
      j++;
    } else if (y === undefined || (x !== undefined && x < y)) i++;
    else j++;
    taken++;
  }
  return k === 0 ? 0 : both / k;
}

/** Estimated |A∩B| / min(|A|,|B|), from the Jaccard estimate and the exact sizes. */
export function estimateContainment(a: TextFingerprint, b: TextFingerprint): number {
  const min = Math.min(a.size, b.size);
  if (min === 0) return 0;
  const j = estimateJaccard(a, b);
  const intersection = (j * (a.size + b.size)) / (1 + j);
  return Math.min(1, intersection / min);
}
