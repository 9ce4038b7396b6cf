import { findDocNumbers } from '../../core/patterns/doc-number.js';
import { foldDigits } from '../../core/text/lines.js';

/**
 * Reading the metadata of Chinese official documents from their lines: dates,
 * 文号 (GB/T 9704 发文字号) and issuing organs. Pure functions over strings.
 */

const CN_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 十一 → 11, 二十三 → 23, 9 → 9; undefined when not a small number. */
function smallNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  if (!m[2]) {
    const digit = m[1] ?? m[3];
    return m[1] && m[3] ? undefined : digit ? CN_DIGIT[digit] : undefined;
  }
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0);
}

/** 2023 → 2023, 二〇二三 → 2023 (GB/T 9704 dates were once written in Chinese numerals). */
function yearNumber(s: string): number | undefined {
  if (/^\d{4}$/.test(s)) return Number(s);
  if (!/^[〇零一二三四五六七八九ＯO]{4}$/.test(s)) return undefined;
  return Number([...s].map((c) => CN_DIGIT[c]).join(''));
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number | undefined, m?: number, d?: number): string | undefined {
  if (y === undefined || y < 1949 || y > 2100) return undefined;
  if (m === undefined) return String(y);
  if (m < 1 || m > 12) return undefined;
  if (d === undefined) return `${y}-${pad(m)}`;
  if (d < 1 || d > 31) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const CN_DATE =
  /(\d{4}|[〇零一二三四五六七八九ＯO]{4})\s*年\s*(\d{1,2}|[一二三]?十?[一二三四五六七八九]?)\s*月(?:\s*(\d{1,2}|[一二三]?十?[一二三四五六七八九]?)\s*日)?/u;
const DOT_DATE = /(?<!\d)(\d{4})\s*[.．\-/／]\s*(\d{1,2})\s*[.．\-/／]\s*(\d{1,2})(?!\d)/u;

/** The first date written in a string, with its place: 2023年11月14日, 二〇二三年十一月十四日, 2016.11.07. */
export function findDate(text: string): { date: string; index: number; length: number } | undefined {
  const s = foldDigits(text);
  const cn = CN_DATE.exec(s);
  const dot = DOT_DATE.exec(s);
  const candidates: { date: string; index: number; length: number }[] = [];
  if (cn) {
    const date = isoDate(yearNumber(cn[1]!), smallNumber(cn[2]!), cn[3] ? smallNumber(cn[3]) : undefined);
    if (date && cn[2] !== '') candidates.push({ date, index: cn.index, length: cn[0].length });
  }
  if (dot) {
    const date = isoDate(Number(dot[1]), Number(dot[2]), Number(dot[3]));
    if (date) candidates.push({ date, index: dot.index, length: dot[0].length });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0];
}

/** Parses a date written in any of the usual forms to ISO (YYYY-MM-DD, YYYY-MM or YYYY). */
export function parseDate(text: string): string | undefined {
  const found = findDate(text);
  if (found) return found.date;
  const y = /^\s*(\d{4})\s*年?\s*$/.exec(foldDigits(text));
  return y ? isoDate(Number(y[1])) : undefined;
}

/**
 * A line that is only a date, possibly in brackets: "2023年11月14日",
 * "（2021 年 9 月）", "(2015年9月)". Returns the ISO date.
 */
export function dateLine(line: string): string | undefined {
  const inner = line.trim().replace(/^[（(［\[]\s*/, '').replace(/\s*[）)］\]]$/, '');
  const found = findDate(inner);
  if (!found) return undefined;
  const rest = (inner.slice(0, found.index) + inner.slice(found.index + found.length)).replace(/[\s\u3000]+/g, '');
  return /^(?:印发|发布|制定)?$/.test(rest) ? found.date : undefined;
}

/**
 * A line recording adoption or promulgation, as laws print under their title:
 * "（2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议通过）".
 * Returns its date and, when named, the organ ("第十二届全国人民代表大会常务委员会").
 */
export function adoptionLine(line: string): { date: string; issuer?: string } | undefined {
  const t = line.trim();
  if (!/^[（(]/.test(t) || !/(通过|公布|发布|施行|修订|修正|印发)/.test(t)) return undefined;
  const found = findDate(t);
  if (!found || found.index > 3) return undefined;
  const after = t.slice(found.index + found.length).replace(/\s+/g, '');
  const organ = /^(.+?)(?:第[一二三四五六七八九十百\d]+次(?:全体)?会议|会议)/.exec(after)?.[1];
  return { date: found.date, ...(organ && organ.length >= 2 ? { issuer: organ } : {}) };
}

/** Finds and normalizes a 文号: "鲁政办字【2020】34号" → "鲁政办字〔2020〕34号" (see core/patterns/doc-number.ts). */
export function findDocNumber(text: string): string | undefined {
  return findDocNumbers(foldDigits(text))[0]?.docNumber;
}

/** A line that is a 文号 (optionally with 签发人 or inside brackets), as in a document's header. */
export function docNumberLine(line: string): string | undefined {
  const t = foldDigits(line.trim())
    .replace(/签发人[:：].*$/, '')
    .replace(/^[（(]\s*/, '')
    .replace(/\s*[）)]$/, '')
    .trim();
  const found = findDocNumbers(t);
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === t.length ? found[0]!.docNumber : undefined;
}

/** Endings of names of organs that issue documents (government, party, NPC, agencies). */
const ORGAN_END =
  /(人民政府|政府|办公厅|办公室|委员会|常委会|常务委员会|人大|领导小组|小组|总局|局|厅|部|署|院|委|办|中心|党组|协会|联合会|法院|检察院|银行|会议|国务院|中央)$/u;

const LEADING_VERB = /^(加快|加强|推进|推动|建设|建立|完善|健全|提升|促进|深化|强化|构建|打造|实施|开展|优化|支持|发展|做好|全面|积极|持续|统筹|培育|坚持|落实|关于)/u;

/**
 * Whether a short line reads as the name of an issuing organ (a signature line,
 * a compiler under a compilation's title). Several organs separated by 、 or
 * spaces count too ("中共中央办公厅 国务院办公厅").
 */
export function isOrganName(line: string): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > 40 || /[。，；：！？,;:!?《》]/.test(t)) return false;
  // A heading like "加快建设数字政府" ends like an organ but opens with a verb.
  if (LEADING_VERB.test(t)) return false;
  return t.split(/[、\s]+/).every((part) => part.length >= 2 && ORGAN_END.test(part));
}

/** The organ heading a GB/T 9704 header, "某省人民政府办公厅文件" → "某省人民政府办公厅". */
export function organHeader(line: string): string | undefined {
  const m = /^(.{2,40}?)\s*文件$/u.exec(line.trim());
  return m && isOrganName(m[1]!) ? m[1] : undefined;
}

/**
 * Of two dates for one document, the one to keep: the first, unless the second
 * says the same more precisely ("2021-09" and "2021-09-30" → "2021-09-30").
 * Disagreeing dates keep the first.
 */
export function preciserDate(first: string | undefined, second: string | undefined): string | undefined {
  if (first === undefined) return second;
  if (second !== undefined && second.length > first.length && second.startsWith(first)) return second;
  return first;
}
