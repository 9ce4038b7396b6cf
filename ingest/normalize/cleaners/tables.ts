/**
 * Tables in extracted text. Rows pasted with tabs are kept one per line; rows
 * whose cells were laid out with spaces get tabs; a header row the PDF
 * repeated on every page is kept once.
 */
import { matchNumbering } from '../../../core/patterns/numbering.js';
import type { Edit } from '../offset-map.js';
import { lineSpans, type Cleaner } from '../cleaner.js';

/** A cell that is a value: a number (51, 5.1, 93.8%, 7左右), a year (2020年) or a placeholder (/ —). */
const VALUE_CELL = /^(?:[-+]?\d+(?:\.\d+)?%?(?:左右|以上|以下|以内)?|\d{4}年|[/／—–-]{1,2})$/;
/** Sentence punctuation: a line that has it is prose, not a table row. */
const PROSE = /[，。；：！？,;:!?]/;

/**
 * Finds the cell separators of a row laid out with spaces, e.g.
 * "5G基站数（万个） 51 16 / 约束性": a line without sentence punctuation where
 * at least two value cells stand next to each other. Only the spaces next to a
 * value cell separate cells; other spaces belong to a cell's text.
 * Returns the separator spans in the line, or [] when it is not such a row.
 */
export function findSpaceSeparators(line: string): Array<{ start: number; end: number }> {
  if (line.includes('\t') || PROSE.test(line)) return [];
  const tokens: Array<{ start: number; end: number; value: boolean }> = [];
  for (const m of line.matchAll(/[^ \u3000]+/g)) tokens.push({ start: m.index, end: m.index + m[0].length, value: VALUE_CELL.test(m[0]) });
  if (tokens.length < 3) return [];
  let adjacentValues = 0;
  for (let k = 1; k < tokens.length; k++) if (tokens[k]!.value && tokens[k - 1]!.value) adjacentValues++;
  if (adjacentValues === 0) return [];
  const seps: Array<{ start: number; end: number }> = [];
  for (let k = 1; k < tokens.length; k++) {
    if (tokens[k]!.value || tokens[k - 1]!.value) seps.push({ start: tokens[k - 1]!.end, end: tokens[k]!.start });
  }
  return seps;
}

/** Rows laid out with spaces → tab-separated cells (one artifact per row). */
export const tabulateSpaceAlignedRows: Cleaner = {
  name: 'tabulate-space-aligned-rows',
  clean: (text) => {
    const edits: Edit[] = [];
    for (const span of lineSpans(text)) {
      const seps = findSpaceSeparators(text.slice(span.start, span.end));
      seps.forEach((s, k) => edits.push({ start: span.start + s.start, end: span.start + s.end, text: '\t', artifact: k === 0 }));
    }
    return { edits };
  },
};

const isBlank = (s: string): boolean => /^[ \u3000]*$/.test(s);
const rowKey = (s: string): string => s.replace(/[ \u3000]+/g, '').replace(/\t+$/, '');

/**
 * Within a run of tab-separated rows (blank lines between rows are page
 * breaks, not the end of the table), a row identical to the run's first row is
 * the header the PDF repeated on a new page: it is dropped, and so is the line
 * after it when that repeats the run's second row (a sub-header, e.g. the
 * years under 工作任务). The first occurrence always stays; a table after
 * other text starts a new run with its own header. The blank lines inside a
 * run are dropped too, so a table reads as one block.
 */
export const dropRepeatedTableHeaders: Cleaner = {
  name: 'drop-repeated-table-headers',
  clean: (text) => {
    const spans = lineSpans(text);
    const lines = spans.map((s) => text.slice(s.start, s.end));
    const drop = new Map<number, boolean>(); // line index → counts as an artifact
    let i = 0;
    while (i < lines.length) {
      if (!lines[i]!.includes('\t')) {
        i++;
        continue;
      }
      // Collect the run: tab rows, with blank lines allowed between them.
      const rows: number[] = [];
      const blanks: number[] = [];
      let j = i;
      let pendingBlanks: number[] = [];
      while (j < lines.length) {
        const line = lines[j]!;
        if (line.includes('\t')) {
          blanks.push(...pendingBlanks);
          pendingBlanks = [];
          rows.push(j);
        } else if (isBlank(line)) pendingBlanks.push(j);
        else break;
        j++;
      }
      const header = rowKey(lines[rows[0]!]!);
      const sub = rows[1] !== undefined ? rowKey(lines[rows[1]]!) : undefined;
      for (let k = 1; k < rows.length; k++) {
        if (rowKey(lines[rows[k]!]!) !== header || header === '') continue;
        drop.set(rows[k]!, true);
        if (k + 1 < rows.length && k !== 1 && sub !== undefined && rowKey(lines[rows[k + 1]!]!) === sub) {
          drop.set(rows[k + 1]!, true);
          k++;
        }
      }
      for (const b of blanks) drop.set(b, false);
      i = j;
    }
    const edits: Edit[] = [];
    for (const [k, artifact] of [...drop.entries()].sort((a, b) => a[0] - b[0])) {
      const span = spans[k]!;
      // Each dropped line takes its own newline; rows inside a run are never the file's last line.
      edits.push({ start: span.start, end: Math.min(span.end + 1, text.length), text: '', artifact });
    }
    return { edits };
  },
};

/**
 * PDF extraction turns the wide gap after a label (第一条　为了…) into a tab,
 * which would make the line look like a table row. A line whose only tab
 * follows a bare numbering label gets a space there instead.
 */
export const untabLabelGaps: Cleaner = {
  name: 'untab-label-gaps',
  clean: (text) => {
    const edits: Edit[] = [];
    for (const span of lineSpans(text)) {
      const line = text.slice(span.start, span.end);
      const tab = line.indexOf('\t');
      if (tab === -1 || line.indexOf('\t', tab + 1) !== -1) continue;
      const before = line.slice(0, tab).replace(/[ \u3000]+$/, '');
      const label = matchNumbering(before);
      if (!label || label.rest !== '' || line.slice(tab + 1).trim() === '') continue;
      edits.push({ start: span.start + before.length, end: span.start + tab + 1, text: ' ', artifact: true });
    }
    return { edits };
  },
};
