/**
 * A table of contents (目录) repeats the headings of the body. Left in place it
 * would create every chapter or heading twice, so it is found first and kept
 * as one block.
 */
import type { ParseLine } from './lines.js';
import { contentsKey, isContentsEntry, isContentsMarker } from './line-patterns.js';

/** Line index ranges [start, end) of the contents lists in a document, marker line included. */
export function findContents(lines: ParseLine[]): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const clean = lines[i]!.clean;
    // Chapters listed in a row on the marker's own line: "目录 第一章 总则 第二章 …".
    if (/^目[ \u3000]*录[ \u3000:：]*第/.test(clean)) {
      ranges.push({ start: i, end: i + 1 });
      continue;
    }
    if (!isContentsMarker(clean)) continue;
    const first = lines[i + 1];
    if (!first || !looksLikeEntry(first)) continue;
    const firstKey = contentsKey(first.clean);
    let j = i + 2;
    // The list runs until the body repeats its first entry, or a line that is
    // no heading (prose) shows the body has started without repeating it.
    while (j < lines.length && looksLikeEntry(lines[j]!) && contentsKey(lines[j]!.clean) !== firstKey) j++;
    ranges.push({ start: i, end: j });
    i = j - 1;
  }
  return ranges;
}

function looksLikeEntry(line: ParseLine): boolean {
  const c = line.cells ? line.cells.filter(Boolean).join(' ') : line.clean;
  if (isContentsEntry(line.cells ? line.cells.join('\t') : c)) return true;
  return c.length <= 40 && !/[。；！？]/.test(c);
}
