/**
 * Keeping offsets through normalization (like eyecite's span map): while the
 * cleaners rewrite the text, every character of the working text remembers the
 * span of original characters it came from. At the end those spans are
 * compressed into the `OffsetMap` anchors of stages.ts.
 */
import type { NormalizedFile, OffsetMap } from '../stages.js';

/** One rewrite of a cleaner's input: replace [start, end) with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** Whether this repairs an extraction artifact (counted in `NormalizedFile.artifacts`). */
  artifact?: boolean;
}

/** Working text during normalization: each UTF-16 unit knows its original span [start[i], end[i]). */
export interface TrackedText {
  text: string;
  start: Int32Array;
  end: Int32Array;
  /** Original offsets of repaired artifacts, in the order found. */
  artifacts: number[];
}

/** Starts tracking: every character maps to itself. */
export function trackText(text: string): TrackedText {
  const start = new Int32Array(text.length);
  const end = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    start[i] = i;
    end[i] = i + 1;
  }
  return { text, start, end, artifacts: [] };
}

/**
 * Applies sorted, non-overlapping edits and carries the original spans along:
 * a replacement of equal length maps character to character; a shorter or
 * longer one spreads over the replaced span, its last character ending where
 * the span ends; an insertion gets a zero-width span at the next character.
 * Overlapping or unsorted edits are a programmer mistake and throw.
 */
export function applyEdits(t: TrackedText, edits: readonly Edit[]): TrackedText {
  if (edits.length === 0) return t;
  const n = t.text.length;
  let newLength = n;
  let prevEnd = 0;
  for (const e of edits) {
    if (e.start < prevEnd || e.end < e.start || e.end > n) {
      throw new Error(`applyEdits: edit [${e.start}, ${e.end}) overlaps or is out of order (text length ${n})`);
    }
    newLength += e.text.length - (e.end - e.start);
    prevEnd = e.end;
  }
  const start = new Int32Array(newLength);
  const end = new Int32Array(newLength);
  const parts: string[] = [];
  const artifacts = t.artifacts.slice();
  let pos = 0;
  let out = 0;
  const originAt = (i: number): number => (i < n ? t.start[i]! : n > 0 ? t.end[n - 1]! : 0);
  for (const e of edits) {
    if (e.start > pos) {
      parts.push(t.text.slice(pos, e.start));
      start.set(t.start.subarray(pos, e.start), out);
      end.set(t.end.subarray(pos, e.start), out);
      out += e.start - pos;
    }
    const span = e.end - e.start;
    const len = e.text.length;
    for (let j = 0; j < len; j++) {
      if (span === 0) {
        start[out] = end[out] = originAt(e.start);
      } else {
        const idx = e.start + Math.min(j, span - 1);
        start[out] = t.start[idx]!;
        end[out] = j === len - 1 ? t.end[e.end - 1]! : t.end[idx]!;
      }
      out++;
    }
    if (len > 0) parts.push(e.text);
    if (e.artifact) artifacts.push(originAt(e.start));
    pos = e.end;
  }
  if (pos < n) {
    parts.push(t.text.slice(pos));
    start.set(t.start.subarray(pos), out);
    end.set(t.end.subarray(pos), out);
  }
  return { text: parts.join(''), start, end, artifacts };
}

/**
 * Compresses per-character spans into anchors. Between anchors offsets advance
 * one to one. Where the original jumps (dropped or shrunk text) there is an
 * anchor; when the end of the previous character and the start of the next
 * differ (text dropped in between), two anchors share the normalized offset —
 * the first gives where the previous character ends, the second where the next
 * starts — so a span's end never swallows the dropped text.
 */
export function buildOffsetMap(t: TrackedText): OffsetMap {
  const n = t.text.length;
  const norm: number[] = [0];
  const orig: number[] = [n > 0 ? t.start[0]! : 0];
  if (n === 0) return { norm, orig };
  let a = 0;
  let o = orig[0]!;
  for (let k = 1; k < n; k++) {
    const predicted = o + (k - a);
    const e = t.end[k - 1]!;
    const s = t.start[k]!;
    if (e === predicted && s === predicted) continue;
    if (e !== s) {
      norm.push(k);
      orig.push(e);
    }
    norm.push(k);
    orig.push(s);
    a = k;
    o = s;
  }
  const lastEnd = t.end[n - 1]!;
  if (lastEnd !== o + (n - a)) {
    norm.push(n);
    orig.push(lastEnd);
  }
  return { norm, orig };
}

/** Index of the last anchor with norm ≤ x (0 when x precedes every anchor). */
function lastAnchorAtOrBefore(map: OffsetMap, x: number): number {
  let lo = 0;
  let hi = map.norm.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.norm[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps an offset in normalized text to the original text.
 * `bias: 'start'` (default) gives where the character at `normOffset` starts in
 * the original; `bias: 'end'` gives where the character before it ends — use it
 * for the exclusive end of a span, so dropped text after the span is not included.
 */
export function toOriginalOffset(map: OffsetMap, normOffset: number, bias: 'start' | 'end' = 'start'): number {
  const x = Math.max(0, normOffset);
  let i = lastAnchorAtOrBefore(map, x);
  if (bias === 'end') {
    while (i > 0 && map.norm[i - 1] === x) i--;
  }
  return map.orig[i]! + (x - map.norm[i]!);
}

/**
 * Maps an offset in the original text to the normalized text: the position of
 * the first normalized character that comes from at or after it (text dropped
 * by normalization maps to where the text resumes).
 */
export function toNormalizedOffset(map: OffsetMap, origOffset: number): number {
  let lo = 0;
  let hi = map.orig.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.orig[mid]! <= origOffset) lo = mid;
    else hi = mid - 1;
  }
  const candidate = map.norm[lo]! + Math.max(0, origOffset - map.orig[lo]!);
  const next = map.norm[lo + 1];
  return next !== undefined && candidate > next ? next : candidate;
}

/**
 * The original words behind a span [start, end) of the normalized text: for a
 * highlight or a citation that must show the source as written.
 */
export function originalSlice(file: Pick<NormalizedFile, 'source' | 'map'>, start: number, end: number): string {
  const s = toOriginalOffset(file.map, start, 'start');
  const e = toOriginalOffset(file.map, Math.max(start, end), 'end');
  return file.source.text.slice(s, Math.max(s, e));
}

/**
 * How many extraction artifacts were repaired inside [start, end) of the
 * normalized text — to choose the better of two copies of a document. Falls
 * back to the whole file's count when the file carries no artifact offsets.
 */
export function countArtifacts(file: Pick<NormalizedFile, 'artifacts' | 'artifactOffsets'>, start: number, end: number): number {
  const offsets = file.artifactOffsets;
  if (!offsets) return file.artifacts;
  const lowerBound = (x: number): number => {
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return lowerBound(end) - lowerBound(start);
}
