/**
 * CJK-aware whitespace. Extraction scatters spaces through Chinese text
 * ("数 控 化 率", "到 2025 年", "5G 网络"); between two Latin words a space is
 * a real word gap. Tabs separate table cells and newlines separate blocks, so
 * both stay.
 */
import { CN_NUMERAL_CHARS } from '../../../core/patterns/numbering.js';
import { HAN, isCjkish, isHan } from '../../../core/patterns/characters.js';
import type { Edit } from '../offset-map.js';
import { editsFromRegex, lineSpans, type Cleaner } from '../cleaner.js';

/**
 * A structural label at a line start whose following space is the typeset
 * separator between label and title, kept as one space: 第一章 总则,
 * 第三条 …, 专栏3 数字政府…, 附件2 ….
 */
const LABEL = new RegExp(
  `^[ \\u3000]*(?:第[ \\u3000]*[${CN_NUMERAL_CHARS}\\d]+(?:[ \\u3000]+[${CN_NUMERAL_CHARS}\\d]+)*[ \\u3000]*[编章节条]|[${HAN}]{0,4}?专栏[ \\u3000]*(?:\\d{1,3}|[${CN_NUMERAL_CHARS}]+)|附[件表][ \\u3000]*\\d{1,3})(?=[ \\u3000]+[^ \\u3000\\t])`,
);

function hanRunBefore(line: string, at: number): number {
  let k = at;
  while (k > 0 && isHan(line[k - 1])) k--;
  return at - k;
}

function hanRunAfter(line: string, from: number): number {
  let k = from;
  while (k < line.length && isHan(line[k])) k++;
  return k - from;
}

/**
 * Per line: indentation and trailing spaces removed; a run of spaces next to a
 * full-width character (ideograph, CJK punctuation, curly quote) or a tab
 * removed; the space after a structural label kept as one space; other runs
 * (between Latin words or numbers) collapsed to one space. In a table row a
 * space between two Chinese words (both of two characters or more) separates
 * items in a cell and stays. A run between two
 * full-width characters counts as an artifact; spacing between Chinese and
 * Latin ("5G 网络") is a typesetting style, not damage, and does not.
 */
export const tidyWhitespace: Cleaner = {
  name: 'tidy-whitespace',
  clean: (text) => {
    const edits: Edit[] = [];
    for (const span of lineSpans(text)) {
      const line = text.slice(span.start, span.end);
      if (!/[ \u3000]/.test(line)) continue;
      const inTable = line.includes('\t');
      const label = LABEL.exec(line);
      const labelEnd = label ? label[0].length : -1;
      for (const m of line.matchAll(/[ \u3000]+/g)) {
        const at = m.index;
        const end = at + m[0].length;
        const start = span.start + at;
        if (at === 0 || end === line.length) {
          edits.push({ start, end: span.start + end, text: '' });
          continue;
        }
        const prev = line[at - 1]!;
        const next = line[end]!;
        if (at === labelEnd) {
          if (m[0] !== ' ') edits.push({ start, end: span.start + end, text: ' ' });
        } else if (prev === '\t' || next === '\t') {
          edits.push({ start, end: span.start + end, text: '' });
        } else if (inTable && isHan(prev) && isHan(next) && hanRunBefore(line, at) >= 2 && hanRunAfter(line, end) >= 2) {
          // In a table cell a space between two words separates list items
          // (省发展改革委 省大数据局); a space between single characters (指 标) does not.
          if (m[0] !== ' ') edits.push({ start, end: span.start + end, text: ' ' });
        } else if (isCjkish(prev) || isCjkish(next)) {
          edits.push({ start, end: span.start + end, text: '', artifact: isCjkish(prev) && isCjkish(next) });
        } else if (m[0] !== ' ') {
          edits.push({ start, end: span.start + end, text: ' ' });
        }
      }
    }
    return { edits };
  },
};

/** Runs of blank lines → one blank line; blank lines at the start and end of the file → removed. */
export const collapseBlankLines: Cleaner = {
  name: 'collapse-blank-lines',
  clean: (text) => ({
    edits: editsFromRegex(text, /^\n+|\n{3,}|\n+$/g, (m) => (m.index === 0 || m.index + m[0].length === text.length ? '' : '\n\n')),
  }),
};
