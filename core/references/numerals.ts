/**
 * Numbers as citations write them: 第二十二条, 第31条, 第３１条, 第一百零五条, （三）.
 * Kept here (not shared) because citation parsing needs only this small range
 * and must accept Arabic, full-width and Chinese digits alike.
 */

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The character class of a number in a citation (Arabic, full-width or Chinese). */
export const NUMERAL = '(?:[0-9０-９]+|[零〇一二两三四五六七八九十百千]+)';

/**
 * Parses 二十二, 一百零五, 十一, 31, ３１ → number; undefined when it is not a number.
 * Chinese numerals up to 9999 with units (十百千); a run of bare digits (二〇二三) is read digit by digit.
 */
export function parseNumeral(s: string): number | undefined {
  const t = s.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(t)) return undefined;
  if (!/[十百千]/.test(t)) {
    // 二〇二三 — digit by digit.
    return Number([...t].map((c) => DIGIT[c]).join(''));
  }
  let total = 0;
  let digit: number | undefined;
  for (const c of t) {
    if (c in DIGIT) {
      digit = DIGIT[c]!;
    } else {
      const unit = UNIT[c]!;
      // 十一 means 11: a unit without a digit before it counts once.
      total += (digit ?? 1) * unit;
      digit = undefined;
    }
  }
  return total + (digit ?? 0);
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 22 → 二十二, 105 → 一百零五, 11 → 十一 (the way articles are numbered in Chinese law). */
export function formatNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return CHINESE_DIGITS[n]!;
  const parts: string[] = [];
  const units = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ] as const;
  let rest = n;
  let pendingZero = false;
  for (const [value, name] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d > 0) {
      if (pendingZero) parts.push('零');
      pendingZero = false;
      // 十一, not 一十一, when the number starts with the tens.
      if (!(value === 10 && d === 1 && parts.length === 0)) parts.push(CHINESE_DIGITS[d]!);
      parts.push(name);
    } else if (parts.length > 0) {
      pendingZero = true;
    }
  }
  if (rest > 0) {
    if (pendingZero) parts.push('零');
    parts.push(CHINESE_DIGITS[rest]!);
  }
  return parts.join('');
}
