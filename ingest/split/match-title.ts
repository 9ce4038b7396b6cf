import { normalizeTitle } from '../../core/ids/document-id.js';
import type { Line } from '../../core/text/lines.js';
import { nextNonBlank } from './head.js';
import { isTitleShaped } from '../../core/text/title.js';

/**
 * Finding a title line in a body of text, given the title as a table of
 * contents or a notice quotes it. The two rarely agree to the character:
 * spaces, 《》, quotes, a version on its own line, a label ("附表") on the line
 * above, a missing 的.
 */

/** A comparison key: {@link normalizeTitle} with every punctuation mark and symbol removed. */
export function matchKey(s: string): string {
  return normalizeTitle(s).replace(/[\p{P}\p{S}\s]/gu, '');
}

/** Longest common subsequence ratio 2·LCS/(|a|+|b|), 1 for equal strings. */
export function lcsRatio(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const x = [...a];
  const y = [...b];
  let prev = new Array<number>(y.length + 1).fill(0);
  let cur = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return (2 * prev[y.length]!) / (x.length + y.length);
}

/** A title line found: its first line and the index after its last line. */
export interface TitleMatch {
  line: number;
  next: number;
  /** 1 for an exact match of keys, lower for a fuzzy one. */
  score: number;
}

const TRAILING_BRACKET = /[（(][^（）()]*[）)]\s*$/u;

/**
 * The keys under which the title lines starting at i can be matched, with the
 * index after the lines they use: the line itself, the line without a trailing
 * bracket (a date or version glued to it), and the line joined with the next
 * (a title over two lines, "附表" above its title).
 */
function candidateKeys(lines: Line[], i: number, to: number): { key: string; next: number }[] {
  const cached = keyCache.get(lines[i]!);
  if (cached && cached.to === to) return cached.keys;
  const keys = computeKeys(lines, i, to);
  keyCache.set(lines[i]!, { to, keys });
  return keys;
}

/** Keys are asked for again for every TOC entry; a line's keys only depend on it and the range end. */
const keyCache = new WeakMap<Line, { to: number; keys: { key: string; next: number }[] }>();

function computeKeys(lines: Line[], i: number, to: number): { key: string; next: number }[] {
  const line = lines[i]!.clean;
  if (!isTitleShaped(line, 100)) return [];
  const out = [{ key: matchKey(line), next: i + 1 }];
  if (TRAILING_BRACKET.test(line)) out.push({ key: matchKey(line.replace(TRAILING_BRACKET, '')), next: i + 1 });
  const j = nextNonBlank(lines, i + 1, to);
  if (j < to && j - i <= 3 && isTitleShaped(lines[j]!.clean, 60)) {
    out.push({ key: matchKey(line + lines[j]!.clean), next: j + 1 });
  }
  return out.filter((c) => c.key !== '');
}

/**
 * The first line in [from, to) whose title reads exactly as one of `titles`
 * (compared by {@link matchKey}).
 */
export function findTitleExact(lines: Line[], from: number, to: number, titles: string[]): TitleMatch | undefined {
  const keys = new Set(titles.map(matchKey).filter((k) => k !== ''));
  for (let i = from; i < to; i++) {
    if (lines[i]!.clean === '') continue;
    for (const c of candidateKeys(lines, i, to)) if (keys.has(c.key)) return { line: i, next: c.next, score: 1 };
  }
  return undefined;
}

/**
 * The title-shaped line in [from, to) most like `title` (LCS ratio of keys),
 * if at least `minScore`. Ties go to the earlier line.
 *
 * @param minScore default 0.8: tolerates a missing 的 or a changed word in a
 *   long title, not a different document ("…条例" vs "…办法" in a short title).
 */
export function findTitleFuzzy(lines: Line[], from: number, to: number, title: string, minScore = 0.8): TitleMatch | undefined {
  const target = matchKey(title);
  if (target.length < 4) return undefined;
  let best: TitleMatch | undefined;
  for (let i = from; i < to; i++) {
    if (lines[i]!.clean === '') continue;
    for (const c of candidateKeys(lines, i, to)) {
      if (c.key.length < target.length / 2 || c.key.length > target.length * 2) continue;
      const score = lcsRatio(c.key, target);
      if (score >= minScore && (!best || score > best.score)) best = { line: i, next: c.next, score };
    }
  }
  return best;
}
