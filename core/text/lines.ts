/**
 * Lines of a file with their offsets. Splitting works line by line, but always
 * reports offsets into the text it was given, so slices can be cut exactly.
 */
import { foldDigits } from '../patterns/numbering.js';

export interface Line {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character (before the newline). */
  end: number;
  /** The line as written. */
  raw: string;
  /**
   * The line with Markdown markup (#-headings, **bold**, bullets) and surrounding
   * whitespace removed — for recognizing a line, never for cutting text. Works
   * the same on raw and normalized input, so splitting does not depend on
   * whether normalization ran.
   */
  clean: string;
}

/**
 * Every line of a text (LF or CRLF) as its offsets and its raw characters, without the line break: the one line
 * splitter that both the splitter (`toLines`) and the parser (`ingest/parse/lines.ts`) read lines with.
 */
export function lineSpans(text: string): Array<{ start: number; end: number; raw: string }> {
  const spans: Array<{ start: number; end: number; raw: string }> = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const rawEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    spans.push({ start, end: rawEnd, raw: text.slice(start, rawEnd) });
    if (end === text.length) break;
    start = end + 1;
  }
  return spans;
}

/** Splits text into lines with offsets (LF or CRLF). */
export function toLines(text: string): Line[] {
  return lineSpans(text).map((span) => ({ ...span, clean: cleanLine(span.raw) }));
}

/** Removes Markdown markup and surrounding (also full-width) whitespace. */
export function cleanLine(raw: string): string {
  return raw
    .replace(/\*\*|__/g, '')
    .replace(/^[\s\u3000]*#{1,6}[\s\u3000]+/, '')
    .replace(/^[\s\u3000]*[-*+][\s\u3000]+/, '')
    .replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, '');
}

/** Full-width digits → ASCII, so numbers in raw PDF text read like normalized ones (one folding for core). */
export { foldDigits };

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_OR_FULL = `${CJK}\\u3000-\\u303f\\uff00-\\uffef“”‘’《》`;
const SPACE_AROUND_CJK = new RegExp(`[ \\t\\u3000]+(?=[${CJK_OR_FULL}])|(?<=[${CJK_OR_FULL}])[ \\t\\u3000]+`, 'g');

/**
 * A display form of a title found in raw or normalized text: markup removed,
 * spaces next to CJK characters removed (PDF extraction puts them inside
 * titles: "大数据领域 法律法规"), ASCII parentheses → （）, 《》 around the whole
 * title removed. Spaces between two Latin words are kept.
 */
export function tidyTitle(s: string): string {
  let t = cleanLine(foldDigits(s))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(SPACE_AROUND_CJK, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  if (/^《[^《》]+》$/.test(t)) t = t.slice(1, -1);
  return t;
}

/** Whether a character is a CJK ideograph. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && /[\u3400-\u9fff\uf900-\ufaff]/.test(ch);
}
