/**
 * Reading the original line behind a normalized one — for facts normalization
 * removes from the text but a parser may still want, such as the level of a
 * Markdown heading.
 */
import type { NormalizedFile } from '../stages.js';
import { toOriginalOffset } from './offset-map.js';

/** The original line (without its newline) that holds the character at `normOffset`. */
export function originalLineAt(file: Pick<NormalizedFile, 'source' | 'map'>, normOffset: number): string {
  const text = file.source.text;
  const at = Math.min(toOriginalOffset(file.map, normOffset), text.length);
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return text.slice(start, nl === -1 ? text.length : nl).replace(/\r$/, '');
}

/**
 * The Markdown heading level (1–6) of the original line behind `normOffset`,
 * or 0 when that line was not a # heading.
 */
export function markdownHeadingDepth(file: Pick<NormalizedFile, 'source' | 'map'>, normOffset: number): number {
  const m = /^[ \u3000\ufeff]*(#{1,6})(?:[ \u3000]|$)/.exec(originalLineAt(file, normOffset));
  return m ? m[1]!.length : 0;
}
