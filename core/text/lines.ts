/**
 * Lines of a file with their offsets. Splitting works line by line, but always
 * reports offsets into the text it was given, so slices can be cut exactly.
 */
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

/** Splits text into lines with offsets (LF or CRLF). */
export function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const rawEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    const raw = text.slice(start, rawEnd);
    lines.push({ start, end: rawEnd, raw, clean: cleanLine(raw) });
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

/** Removes Markdown markup and surrounding (also full-width) whitespace. */
export function cleanLine(raw: string): string {
  return raw
    .replace(/\*\*|__/g, '')
    .replace(/^[\s\u3000]*#{1,6}[\s\u3000]+/, '')
    .replace(/^[\s\u3000]*[-*+][\s\u3000]+/, '')
    .replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, '');
}

/** Full-width digits → ASCII, so numbers in raw PDF text read like normalized ones. */
export function foldDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

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
