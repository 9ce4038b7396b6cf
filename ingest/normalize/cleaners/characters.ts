/**
 * Character-level hygiene: byte-order marks, line breaks, control characters.
 * None of these are counted as artifacts — they are encodings of the same
 * text, not damage to it.
 */
import { editsFromRegex, type Cleaner } from '../cleaner.js';

/** BOM (also stray U+FEFF inside the text, left by concatenated files) and zero-width characters → removed. */
export const stripInvisibles: Cleaner = {
  name: 'strip-invisibles',
  clean: (text) => ({ edits: editsFromRegex(text, /[\ufeff\u200b-\u200d\u2060]+/g, () => '') }),
};

/**
 * CRLF, CR, U+2028/2029, NEL → LF. A form feed or vertical tab (a page break
 * in extracted text) becomes a line break, so a page boundary looks like any
 * other break and the rejoin step can decide about it.
 */
export const unifyLineBreaks: Cleaner = {
  name: 'unify-line-breaks',
  clean: (text) => ({ edits: editsFromRegex(text, /\r\n|[\r\u2028\u2029\u0085\f\v]/g, () => '\n') }),
};

/** Other C0/C1 controls → removed (they carry nothing in a policy text); no-break spaces → space. */
export const dropControlChars: Cleaner = {
  name: 'drop-control-chars',
  clean: (text) => ({
    edits: editsFromRegex(text, /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]+|[\u00a0\u2007\u202f]/g, (m) =>
      m[0] === '\u00a0' || m[0] === '\u2007' || m[0] === '\u202f' ? ' ' : '',
    ),
  }),
};
