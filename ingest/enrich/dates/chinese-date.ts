import { chineseNumeralToNumber } from '../../../core/patterns/numbering.js';

/**
 * Dates as Chinese official documents write them: 2017年6月1日 (spaces allowed,
 * as PDF extraction leaves them), 二〇一六年十一月七日, 2016.11.07, 2023年11月.
 */
const NUM = '(?:\\d{1,4}|[〇零一二三四五六七八九十]{1,4})';
/** A full or month-precision date, as a regex source with three groups (year, month, day?). */
export const DATE_SOURCE = `(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*(${NUM})\\s*月(?:\\s*(${NUM})\\s*日)?`;
export const DATE = new RegExp(DATE_SOURCE);
const DOTTED = /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The ISO form of the three captured parts, or undefined when they are not a real date. */
export function isoFromParts(y: string, m: string, d?: string): string | undefined {
  const year = chineseNumeralToNumber(y);
  const month = chineseNumeralToNumber(m);
  const day = d === undefined ? undefined : chineseNumeralToNumber(d);
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12)) return undefined;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (!(day >= 1 && day <= 31)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Reads one date written alone (2017年6月1日, 2016.11.07); undefined otherwise. */
export function parseChineseDate(text: string): string | undefined {
  const t = text.trim();
  const dotted = t.match(DOTTED);
  if (dotted) return isoFromParts(dotted[1]!, dotted[2]!, dotted[3]!);
  const m = t.match(new RegExp(`^${DATE_SOURCE}$`));
  return m ? isoFromParts(m[1]!, m[2]!, m[3]) : undefined;
}
