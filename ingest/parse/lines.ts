/**
 * The parser reads a document line by line. A `ParseLine` keeps offsets into
 * the slice text so every node can point back at its words, and a `clean` form
 * (Markdown markers and surrounding blanks removed) used only to recognize the
 * line — never to cut text. That makes the parser work the same on normalized
 * text and on raw-ish text (a .md file, a PDF extraction) in case normalization
 * missed something.
 */

import { foldDigits, lineSpans } from '../../core/text/lines.js';

export interface ParseLine {
  /** Offset of the first meaningful character (after indentation and Markdown markers). */
  start: number;
  /** Offset just past the last meaningful character. */
  end: number;
  /** The line's recognizable form: no Markdown markers, no surrounding blanks, full-width digits folded. */
  clean: string;
  /** For a table row (TAB-separated): its cells, empty ones included. */
  cells?: string[];
}

// Spaces, ideographic spaces, NBSP, BOM — but not TAB, which separates table cells.
const BLANK = '[ \\u3000\\u00a0\\ufeff\\r]';
const LEADING_BLANK = new RegExp(`^${BLANK}+`);
const TRAILING_BLANK = new RegExp(`${BLANK}+$`);
// Markdown a converter leaves in front of a line: "### ", "- ", "* ", "> ".
const LEADING_MARKUP = /^(?:#{1,6}[ \u3000]+|[-*+>][ \u3000]+)/;

/**
 * Splits a slice's text into its non-blank lines with offsets. A line holding a
 * TAB between cells keeps its cells (leading empty cells included: a table's
 * continuation row starts with one).
 */
export function toParseLines(text: string): ParseLine[] {
  const lines: ParseLine[] = [];
  for (const span of lineSpans(text)) {
    const line = toParseLine(span.raw, span.start);
    if (line) lines.push(line);
  }
  return lines;
}

function toParseLine(raw: string, offset: number): ParseLine | undefined {
  let start = raw.match(LEADING_BLANK)?.[0].length ?? 0;
  let end = raw.length - (raw.slice(start).match(TRAILING_BLANK)?.[0].length ?? 0);
  let body = raw.slice(start, end);
  const cells = body.split('\t');
  const filled = cells.filter((c) => c.trim()).length;
  // Two filled cells make a row; one filled cell followed by empty ones is a
  // table's title or group row (the table builder decides from its neighbours).
  // A single leading TAB before text is only indentation.
  const isRow = cells.length >= 2 && (filled >= 2 || (filled === 1 && cells.length >= 3));
  if (!isRow) {
    const lead = body.match(/^\t+/)?.[0].length ?? 0;
    const trail = body.slice(lead).match(/\t+$/)?.[0].length ?? 0;
    start += lead;
    end -= trail;
    body = raw.slice(start, end);
    const markup = body.match(LEADING_MARKUP);
    if (markup) {
      start += markup[0].length;
      body = body.slice(markup[0].length);
    }
  }
  if (!body.replace(/[\t*_# \u3000]/g, '')) return undefined;
  const line: ParseLine = { start: offset + start, end: offset + end, clean: tidy(body) };
  if (isRow) line.cells = cells.map(tidy);
  return line;
}

function tidy(s: string): string {
  return foldDigits(s.replace(/\*\*|__/g, '')).replace(/^[ \u3000]+|[ \u3000]+$/g, '');
}

/** Removes blanks between CJK characters and around them ("第一章 总 则" → "第一章总则"), keeping Latin word spaces. */
export function squeezeCjkSpaces(s: string): string {
  const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef“”‘’《》';
  return s
    .replace(new RegExp(`[ \\u3000\\u00a0]+(?=[${CJK}])`, 'g'), '')
    .replace(new RegExp(`(?<=[${CJK}])[ \\u3000\\u00a0]+`, 'g'), '')
    .replace(/[ \u00a0]{2,}/g, ' ')
    .trim();
}
