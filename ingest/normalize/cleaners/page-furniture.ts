/**
 * Page furniture left in the text by PDF extraction: page numbers on lines of
 * their own ("12", "- 12 -", "— 12 —", "第 3 页", "3/10", "-- 3 of 10 --").
 */
import { foldDigits } from '../../../core/patterns/numbering.js';
import { dropLines, type Cleaner } from '../cleaner.js';

const PAGE_NUMBER_LINE = new RegExp(
  [
    '^[ \\u3000]*(?:[-—–－~～·•]+[ \\u3000]*)?\\d{1,4}(?:[ \\u3000]*[-—–－~～·•]+)?[ \\u3000]*$',
    '^[ \\u3000]*第[ \\u3000]*\\d{1,4}[ \\u3000]*页(?:[ \\u3000]*[,，/／]?[ \\u3000]*共[ \\u3000]*\\d{1,4}[ \\u3000]*页)?[ \\u3000]*$',
    '^[ \\u3000]*\\d{1,4}[ \\u3000]*[/／][ \\u3000]*\\d{1,4}[ \\u3000]*$',
    '^[ \\u3000]*--[ \\u3000]*\\d{1,4}[ \\u3000]*of[ \\u3000]*\\d{1,4}[ \\u3000]*--[ \\u3000]*$',
  ].join('|'),
);
const BARE_NUMBER = /^[ \u3000]*\d+(?:\.\d+)?[ \u3000]*$/;

/** Whether a line is only a page number (in one of the usual decorations; digits may be full-width). */
export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER_LINE.test(foldDigits(line));
}

/**
 * Drops page-number lines. A number between other bare numbers is a column of
 * a table extracted cell by cell, not a page number, and stays.
 */
export const dropPageNumbers: Cleaner = {
  name: 'drop-page-numbers',
  clean: (text) => ({
    edits: dropLines(text, (line, i, spans) => {
      if (!isPageNumberLine(line)) return false;
      const neighbour = (step: number): string | undefined => {
        for (let k = i + step; k >= 0 && k < spans.length; k += step) {
          const s = text.slice(spans[k]!.start, spans[k]!.end);
          if (s.trim() !== '') return foldDigits(s);
        }
        return undefined;
      };
      const before = neighbour(-1);
      const after = neighbour(1);
      return !(before !== undefined && BARE_NUMBER.test(before)) && !(after !== undefined && BARE_NUMBER.test(after));
    }),
  }),
};
