/**
 * The shape of one cleaning step. A cleaner is a pure function from text to a
 * list of edits on that text (and, optionally, messages about it); the runner
 * applies the edits and composes the offset map, so every step keeps offsets
 * back to the original without doing any bookkeeping itself.
 */
import type { TextMessage } from '../../core/model/messages.js';
import type { SourceFile } from '../stages.js';
import type { Edit } from './offset-map.js';

export interface CleanerContext {
  path: string;
  format: SourceFile['format'];
}

export interface CleanerResult {
  edits: Edit[];
  /** Problems noticed; `offset` is in the cleaner's input text (the runner maps it to the original). */
  messages?: TextMessage[];
}

export interface Cleaner {
  /** Stable name, used in reports and tests. */
  name: string;
  clean(text: string, ctx: CleanerContext): CleanerResult;
}

/** A line of text: [start, end) excludes the newline. */
export interface LineSpan {
  start: number;
  end: number;
}

/** Splits text into line spans on '\n'. */
export function lineSpans(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) {
      out.push({ start, end: text.length });
      return out;
    }
    out.push({ start, end: nl });
    start = nl + 1;
  }
}

/**
 * Edits from a global regex: `replace` returns the replacement for a match, or
 * undefined to leave it alone.
 */
export function editsFromRegex(
  text: string,
  re: RegExp,
  replace: (m: RegExpExecArray) => string | undefined,
  artifact = false,
): Edit[] {
  if (!re.global) throw new Error(`editsFromRegex needs a global regex: ${re}`);
  const edits: Edit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    const r = replace(m);
    if (r !== undefined && r !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, text: r, artifact });
  }
  return edits;
}

/** Removes whole lines (with their newline); `drop` sees each line's text and index. */
export function dropLines(
  text: string,
  drop: (line: string, index: number, lines: LineSpan[]) => boolean,
  artifact = true,
): Edit[] {
  const spans = lineSpans(text);
  const edits: Edit[] = [];
  spans.forEach((span, i) => {
    if (!drop(text.slice(span.start, span.end), i, spans)) return;
    // Take the newline after the line (or, for the last line, the one before it).
    const end = span.end < text.length ? span.end + 1 : span.end;
    const start = end === span.end && span.start > 0 ? span.start - 1 : span.start;
    const prev = edits.at(-1);
    if (prev && start < prev.end) edits.push({ start: prev.end, end, text: '', artifact });
    else edits.push({ start, end, text: '', artifact });
  });
  return edits.filter((e) => e.end > e.start || e.artifact);
}
