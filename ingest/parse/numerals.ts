/**
 * Numeral conversions for the parser, delegating to the shared patterns
 * module; kept as a seam so the builders never throw on odd input: a value
 * that cannot be read is NaN, a number out of range is written in Arabic digits.
 */
import { chineseNumeralToNumber, numberToChineseNumeral } from '../../core/patterns/numbering.js';

/** The value of a numeral: Chinese (十一, 一百零一), positional (二〇二三), Arabic or full-width digits; NaN otherwise. */
export function parseNumeral(raw: string): number {
  return chineseNumeralToNumber(raw);
}

/** 1..9999 as printed in laws (十一, 一百零一); other values in Arabic digits. */
export function toChineseNumeral(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 9999 ? numberToChineseNumeral(n) : String(n);
}
