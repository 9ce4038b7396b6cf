/**
 * Character classes of Chinese official texts, as regex source fragments (for
 * use inside `[...]`) and small predicates. Shared by normalization and parsing.
 */

/** CJK ideographs: Extension A, the basic block, compatibility ideographs. */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

/**
 * Everything that is typeset full-width next to Chinese text: ideographs, CJK
 * punctuation (、。〈〉《》「」【】〔〕), full-width forms (，；：！？（）％),
 * curly quotes, the em dash and ellipsis, the middle dot and circled numbers.
 * A space next to one of these is an extraction artifact, never a word gap.
 */
export const CJKISH = `${HAN}\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7\\u2460-\\u24ff`;

const HAN_RE = new RegExp(`[${HAN}]`);
const CJKISH_RE = new RegExp(`[${CJKISH}]`);

/** Whether `ch` (one UTF-16 unit) is a CJK ideograph. */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && HAN_RE.test(ch);
}

/** Whether `ch` is typeset full-width in Chinese text (ideograph, CJK punctuation, full-width form…). */
export function isCjkish(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && CJKISH_RE.test(ch);
}

/** Whether `ch` is an ASCII letter or digit. */
export function isAsciiAlnum(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether `ch` is an ASCII digit. */
export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && ch >= '0' && ch <= '9';
}

/**
 * Width of a line as printed, in full-width character cells: ASCII counts one
 * half, everything else one. Used to compare a line with the page's line width.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a surrogate pair
    w += c < 0x80 ? 0.5 : 1;
  }
  return w;
}
