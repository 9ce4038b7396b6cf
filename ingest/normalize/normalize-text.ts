/**
 * The normalize stage: an explicit, ordered list of small cleaners (like
 * eyecite's cleaners), each a pure text → edits function; the runner applies
 * them and composes the offset map back to the original text.
 */
import type { TextMessage } from '../../core/model/messages.js';
import type { NormalizedFile, SourceFile } from '../stages.js';
import type { Cleaner, CleanerContext } from './cleaner.js';
import { applyEdits, buildOffsetMap, toNormalizedOffset, trackText } from './offset-map.js';
import { dropControlChars, stripInvisibles, unifyLineBreaks } from './cleaners/characters.js';
import { foldWidth, unifyTitleMarks } from './cleaners/width.js';
import { toChineseFullStops, toChinesePunctuation, toFullWidthParentheses } from './cleaners/punctuation.js';
import { dropPageNumbers } from './cleaners/page-furniture.js';
import { dropRepeatedTableHeaders, tabulateSpaceAlignedRows, untabLabelGaps } from './cleaners/tables.js';
import { rejoinBrokenLines } from './cleaners/rejoin.js';
import { tabulateCellLines } from './cleaners/cell-lines.js';
import { stripMarkdown } from './cleaners/markdown.js';
import { collapseBlankLines, tidyWhitespace } from './cleaners/whitespace.js';
import { flagLostDecimals } from './cleaners/decimals.js';

/**
 * The cleaners, in order. The order matters where one step reads what another
 * wrote:
 * - title marks before width folding (＜＜ must not become << first);
 * - a table extracted one cell per line becomes tab rows before page numbers
 *   are dropped (its row numbers stand alone on their lines);
 * - punctuation before rejoining, so '.' / ',' typed after Chinese already read
 *   as 。 / ， when the rejoiner asks whether a line ends a sentence;
 * - space-aligned rows become tab rows, a tab after a bare label (第一条→tab)
 *   becomes a space, and page numbers and repeated table headers go, before
 *   rejoining — so rows are never glued to a paragraph and labels never kept apart;
 * - rejoining before Markdown is stripped (a # heading never continues) and
 *   before whitespace is tidied (the spaces around a break are then inner
 *   spaces: "到 2025" + "年" → "到 2025年" → "到2025年").
 */
export const CLEANERS: readonly Cleaner[] = [
  stripInvisibles,
  unifyLineBreaks,
  dropControlChars,
  unifyTitleMarks,
  foldWidth,
  toChinesePunctuation,
  toFullWidthParentheses,
  toChineseFullStops,
  tabulateCellLines,
  dropPageNumbers,
  untabLabelGaps,
  tabulateSpaceAlignedRows,
  dropRepeatedTableHeaders,
  rejoinBrokenLines,
  stripMarkdown,
  tidyWhitespace,
  collapseBlankLines,
  flagLostDecimals,
];

/** What one cleaner did to a file. */
export interface CleanerReport {
  name: string;
  /** Edits applied. */
  edits: number;
  /** Of which repaired artifacts. */
  artifacts: number;
}

/**
 * Normalizes a file and reports what each cleaner did (for diagnostics and the
 * corpus report). `cleaners` defaults to `CLEANERS`.
 */
export function normalizeTextWithReport(
  source: SourceFile,
  cleaners: readonly Cleaner[] = CLEANERS,
): { file: NormalizedFile; report: CleanerReport[] } {
  const ctx: CleanerContext = { path: source.path, format: source.format };
  const messages: TextMessage[] = [];
  const report: CleanerReport[] = [];
  let tracked = trackText(source.text);
  for (const cleaner of cleaners) {
    const result = cleaner.clean(tracked.text, ctx);
    for (const m of result.messages ?? []) {
      // Offsets arrive in the cleaner's input; report them in the original.
      const at = m.offset;
      const offset = at === undefined ? undefined : at < tracked.text.length ? tracked.start[at]! : source.text.length;
      messages.push({ ...m, path: m.path ?? source.path, ...(offset === undefined ? {} : { offset }) });
    }
    tracked = applyEdits(tracked, result.edits);
    report.push({ name: cleaner.name, edits: result.edits.length, artifacts: result.edits.filter((e) => e.artifact).length });
  }
  const map = buildOffsetMap(tracked);
  const artifactOffsets = tracked.artifacts.map((o) => toNormalizedOffset(map, o)).sort((a, b) => a - b);
  return {
    file: { source, text: tracked.text, map, artifacts: artifactOffsets.length, artifactOffsets, messages },
    report,
  };
}

/**
 * The normalize stage: cleans a decoded file into one paragraph per line (table
 * rows one per line, at most one blank line between blocks), with an offset map
 * back to the original and a count of repaired extraction artifacts.
 */
export function normalizeText(source: SourceFile): NormalizedFile {
  return normalizeTextWithReport(source).file;
}
