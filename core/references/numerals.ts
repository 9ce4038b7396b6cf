/**
 * Numbers as citations write them: 第二十二条, 第31条, 第３１条, 第一百零五条, （三）. The reading and writing of
 * numerals is core/patterns/numbering.ts's (one parser for the whole product); this module adds only the
 * character class a citation pattern embeds.
 */
export { parseNumeral, formatNumeral } from '../patterns/numbering.js';

/** The character class of a number in a citation (Arabic, full-width or Chinese). */
export const NUMERAL = '(?:[0-9０-９]+|[零〇一二两三四五六七八九十百千]+)';
