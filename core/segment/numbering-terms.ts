import { chineseNumeralToNumber, numberToChineseNumeral } from '../patterns/numbering.js';

/**
 * A legislative locator written in either numeral system: 第12条, 第十二条,
 * 第 3 章. Laws print Chinese numerals; readers type Arabic ones.
 */
const LOCATOR = /第[ \u3000]*([0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,8})[ \u3000]*(编|章|节|条|款|项|目)/g;

export interface LocatorTerm {
  /** The locator as one token in Chinese numerals: 第十二条. */
  term: string;
  /** Where it is written in the text (JavaScript string offsets). */
  start: number;
  end: number;
}

/**
 * Every locator in `text`, each with its canonical token. One token whatever
 * the numerals, because Meilisearch would split 第12条 into 第 / 1 / 2 / 条
 * (digits touching Chinese) and jieba splits 第一百零三条 into 第 / 一百零三 / 条,
 * so neither form would match the other. Canonicalising both sides is exact,
 * where a synonym list (第12条 ↔ 第十二条) would need one pair per number.
 */
export function findLocators(text: string): LocatorTerm[] {
  const out: LocatorTerm[] = [];
  for (const m of text.matchAll(LOCATOR)) {
    const n = chineseNumeralToNumber(m[1]!);
    if (!Number.isInteger(n) || n < 1 || n > 9999) continue;
    out.push({ term: `第${numberToChineseNumeral(n)}${m[2]}`, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The other spellings of a canonical locator, for highlighting: 第十二条 → [第12条]. */
export function locatorSpellings(term: string): string[] {
  const m = /^第([零〇一二两三四五六七八九十百千]+)(编|章|节|条|款|项|目)$/.exec(term);
  if (!m) return [];
  const n = chineseNumeralToNumber(m[1]!);
  return Number.isInteger(n) ? [`第${n}${m[2]}`] : [];
}
