/**
 * Markdown markup some extractions produce (# headings, **bold**, "- "
 * bullets): the markers go, the text stays. The heading level can still be read
 * from the original through the offset map (`markdownHeadingDepth`).
 */
import { editsFromRegex, type Cleaner } from '../cleaner.js';

/**
 * Removes ATX heading markers (## 标题), bullet markers at a line
 * start (- * + •) and bold markers (**) anywhere. Single * (a footnote mark) and
 * __ (a blank to fill in a form) are text and stay.
 */
export const stripMarkdown: Cleaner = {
  name: 'strip-markdown',
  clean: (text) => ({
    edits: editsFromRegex(
      text,
      /^([ \u3000]*)(?:#{1,6}(?:[ \u3000]+|$)|[-*+•][ \u3000]+(?=\S))|\*\*+/gm,
      (m) => m[1] ?? '',
    ),
  }),
};
