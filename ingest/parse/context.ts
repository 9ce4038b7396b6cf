import type { TextMessage } from '../../core/model/messages.js';
import type { Draft, Span } from './draft.js';
import { draft } from './draft.js';
import type { ParseLine } from './lines.js';

/** What every builder gets: the lines, the contents lists found up front, and a way to report. */
export interface BuildContext {
  lines: ParseLine[];
  /** Start line index → end line index (exclusive) of each contents list. */
  contents: Map<number, number>;
  /** Reports a problem in the text at an offset of the slice text. */
  report: (severity: TextMessage['severity'], rule: string, message: string, at: number) => void;
}

export function spanOf(line: ParseLine): Span {
  return { start: line.start, end: line.end };
}

/** An unnumbered paragraph. */
export function blockOf(line: ParseLine, role?: string): Draft {
  return draft('block', {
    prefix: 'blk',
    own: [spanOf(line)],
    at: line.start,
    // `clean` lets later rules read the line (a title? a responsibility note?); finalize drops it.
    data: { clean: line.clean, ...(role ? { role } : {}) },
  });
}

/** The lines of a contents list, kept together as one block. */
export function contentsBlock(lines: ParseLine[], start: number, end: number): Draft {
  return draft('block', {
    prefix: 'blk',
    own: lines.slice(start, end).map(spanOf),
    at: lines[start]!.start,
    data: { role: 'toc' },
  });
}

/** Offset in the slice text where `rest` (a suffix of the line's clean form) starts. */
export function restStart(line: ParseLine, rest: string): number {
  return Math.max(line.start, line.end - rest.length);
}
