/**
 * The numbering of Chinese official documents, as shared regexes and small
 * predicates. Normalization uses them to know when a line opens a new block (so
 * it is never glued to the line before); the parser uses them to build the
 * clause tree. Keys only on the conventions — GB/T 9704 levels (一、 （一） 1.
 * （1）), the legislative hierarchy (第X编/章/节/条), 专栏 boxes, 附件 — never
 * on a particular document.
 */
import { HAN } from './characters.js';

/** Chinese numeral characters, including the forms used in dates and counts (〇 零 两). */
export const CN_NUMERAL_CHARS = '零〇一二三四五六七八九十百千两';
const CN = `[${CN_NUMERAL_CHARS}]`;
/** The digits 1–10 as written in list markers (一是, 第一，): no 百/千. */
const CN_SMALL = '[一二三四五六七八九十]';
const SP = '[ \\u3000]';

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Full-width digits → ASCII (０-９ → 0-9); other characters unchanged. */
export function foldDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * The value of a number as written in a label: Chinese numerals with units
 * (三十四, 一百零五, 十一, 两千), positional Chinese digits (二〇二三), or Arabic
 * digits (34, ３４). Returns NaN when `s` is not a well-formed number.
 */
export function chineseNumeralToNumber(s: string): number {
  const t = foldDigits(s.trim());
  if (/^\d+$/.test(t)) return Number(t);
  if (t === '' || !new RegExp(`^${CN}+$`).test(t)) return Number.NaN;
  // Without units, a run of digits is positional: 二〇二三 = 2023.
  if (!/[十百千]/.test(t)) {
    let v = 0;
    for (const ch of t) v = v * 10 + CN_DIGIT[ch]!;
    return v;
  }
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const ch of t) {
    const unit = CN_UNIT[ch];
    if (unit === undefined) {
      if (digit !== undefined && digit !== 0 && CN_DIGIT[ch] !== 0) return Number.NaN; // 一百二三
      digit = CN_DIGIT[ch]!;
      continue;
    }
    if (unit >= lastUnit) return Number.NaN; // units must fall: 千 → 百 → 十
    // A bare unit counts one of it: 十一 = 11 (also 百 and 千 in loose writing).
    total += (digit === undefined || digit === 0 ? 1 : digit) * unit;
    lastUnit = unit;
    digit = undefined;
  }
  return total + (digit ?? 0);
}

/**
 * The value of a numeral as documents and citations write them — Chinese (十一, 一百零五), positional (二〇二三),
 * Arabic or full-width digits — or undefined when the text is not one. The one numeral reader of every layer
 * (the parser, citations, dates); `chineseNumeralToNumber` is the same reading for callers that want NaN.
 */
export function parseNumeral(s: string): number | undefined {
  const v = chineseNumeralToNumber(s);
  return Number.isNaN(v) ? undefined : v;
}

/**
 * 0–9999 as articles are numbered (二十二, 一百零五, 十一); any other value in Arabic digits — for labels built from
 * numbers read in a text, which must never throw.
 */
export function formatNumeral(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 9999 ? numberToChineseNumeral(n) : String(n);
}

/**
 * Writes 0–9999 the way documents number chapters and articles: 十一 (not
 * 一十一), 一百一十, 一千零一. Throws a RangeError outside 0–9999 or for
 * non-integers (a programmer mistake, not a text problem).
 */
export function numberToChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`numberToChineseNumeral: ${n} is not an integer in 0–9999`);
  if (n === 0) return '零';
  const units = ['千', '百', '十', ''];
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zeroPending = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (out !== '') zeroPending = true;
      return;
    }
    if (zeroPending) out += '零';
    zeroPending = false;
    out += out === '' && i === 2 && d === 1 ? '十' : DIGIT_CHARS[d]! + units[i]!;
  });
  return out;
}

/**
 * Numbering styles. The plan levels use the strings of `NodeData.numbering`.
 * - `第X编` `第X章` `第X节` `第X条`: the legislative hierarchy
 * - `一、` `（一）` `1.` `（1）` `①`: GB/T 9704 levels (and the circled level below them)
 * - `一是` `第一，`: run-in enumerations inside a paragraph
 * - `专栏`: a box (专栏 3, 工程专栏1); `附件`: an attachment (附件2, 附表：)
 */
export type NumberingStyle =
  | '第X编'
  | '第X章'
  | '第X节'
  | '第X条'
  | '一、'
  | '（一）'
  | '1.'
  | '（1）'
  | '①'
  | '一是'
  | '第一，'
  | '专栏'
  | '附件';

export interface NumberingMatch {
  style: NumberingStyle;
  /** The label as printed, whitespace inside removed: 第三十四条, （一）, 1., 专栏3. */
  label: string;
  /** Its value (34 for 第三十四条); NaN when the label has no number (专栏, 附表). */
  value: number;
  /** The text after the label, leading whitespace removed. */
  rest: string;
  /** Whether whitespace (or the end of the line) separates the label from the text. */
  spaced: boolean;
}

/** Regexes for the labels, each anchored at the start of a line with markup and indentation removed. */
export const NUMBERING_PATTERNS: ReadonlyArray<{ style: NumberingStyle; re: RegExp }> = [
  { style: '第X编', re: new RegExp(`^第${SP}*(${CN}+|\\d{1,4})${SP}*编`) },
  { style: '第X章', re: new RegExp(`^第${SP}*(${CN}+|\\d{1,4})${SP}*章`) },
  { style: '第X节', re: new RegExp(`^第${SP}*(${CN}+|\\d{1,4})${SP}*节`) },
  { style: '第X条', re: new RegExp(`^第${SP}*(${CN}+|\\d{1,4})${SP}*条`) },
  { style: '第一，', re: new RegExp(`^第(${CN_SMALL}+)(?=[，,、])`) },
  // 一、 (also 一． / 一. in careless typing), never 一.5
  { style: '一、', re: new RegExp(`^(${CN}+)${SP}*(?:、|[.．](?![\\d.]))`) },
  { style: '（一）', re: new RegExp(`^[（(]${SP}*(${CN}+)${SP}*[）)]`) },
  // 1. 1、 1． 1﹒ — never a decimal (1.25) or a leader (1...)
  { style: '1.', re: new RegExp(`^(\\d{1,3})${SP}*(?:[.．﹒](?![\\d.．﹒])|、)`) },
  { style: '（1）', re: new RegExp(`^[（(]${SP}*(\\d{1,3})${SP}*[）)]`) },
  { style: '①', re: /^([\u2460-\u2473])/ },
  { style: '一是', re: new RegExp(`^(${CN_SMALL}+)是(?=[${HAN}])`) },
  { style: '专栏', re: new RegExp(`^[${HAN}]{0,4}?专栏(?:${SP}*(\\d{1,3}|${CN_SMALL}+)|(?=${SP}|[:：]|$))`) },
  { style: '附件', re: new RegExp(`^附[件表录](?:${SP}*(\\d{1,3}|${CN_SMALL}+))?(?=${SP}|[:：]|$)`) },
];

/**
 * After 第X条 (or 章/节/编) these words mean the line cites an article rather
 * than opening one: 第三十条规定的, 第二条至第五条, 第七条第二款.
 */
const CITATION_CONTINUES = /^(?:[的之所中和或与及至、，,。：；）)]|规定|第|款|项|目|以[上下外内]|起|前|后)/;

const MD_HEADING = new RegExp(`^${SP}*#{1,6}(?:${SP}|$)`);
const BULLET = new RegExp(`^${SP}*[-*+•]${SP}+(?=\\S)`);
const MARKUP_PREFIX = new RegExp(`^${SP}*(?:#{1,6}${SP}+|[-*+•]${SP}+)?(?:\\*\\*)?${SP}*`);

/** Removes indentation, a Markdown heading or bullet marker, and opening bold markers. */
export function stripLinePrefix(line: string): string {
  return line.replace(MARKUP_PREFIX, '');
}

/** Whether the line is a Markdown ATX heading (`## 标题`). */
export function isMarkdownHeading(line: string): boolean {
  return MD_HEADING.test(line);
}

/** Whether the line is a Markdown bullet (`- 1.积极推广…`). */
export function isBullet(line: string): boolean {
  return BULLET.test(line);
}

/** Whether the line is a table row pasted as tab-separated cells. */
export function isTableRow(line: string): boolean {
  return line.includes('\t');
}

/**
 * Recognizes the numbering label a line starts with (after indentation and
 * Markdown markup). Digits may be full-width. Returns undefined when the line
 * starts with no label.
 */
export function matchNumbering(line: string): NumberingMatch | undefined {
  const text = foldDigits(stripLinePrefix(line));
  for (const { style, re } of NUMBERING_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const after = text.slice(m[0].length);
    const rest = after.replace(/^[ \u3000]+/, '');
    const raw = m[1];
    let value = Number.NaN;
    if (raw !== undefined) value = style === '①' ? raw.charCodeAt(0) - 0x245f : chineseNumeralToNumber(raw);
    return {
      style,
      label: m[0].replace(/[ \u3000]+/g, '').replace(/^[（(]/, '（').replace(/[）)]$/, '）').replace(/[．﹒]/, '.'),
      value,
      rest,
      spaced: rest.length < after.length || after === '',
    };
  }
  return undefined;
}

/** A speech attribution or a run-in dash item: ——2014年2月27日在…上的讲话. */
const DASH_LEAD = /^(?:——|－－|--)/;

/**
 * Whether a line opens a new block, so it can never continue the line before
 * it: a Markdown heading or bullet, a table row, a numbering label (an article
 * only when its label is not the start of a citation such as 第三十条规定),
 * a 专栏 box, an attachment marker, or a dash lead (——).
 */
export function opensBlock(line: string): boolean {
  if (isTableRow(line)) return true;
  if (line.trim() === '') return false;
  if (isMarkdownHeading(line) || isBullet(line)) return true;
  const body = stripLinePrefix(line);
  if (DASH_LEAD.test(body)) return true;
  // An attachment marker (附件：1.… / 附件2) always starts a new block: text cut off
  // before it (a truncated source) must not swallow the attachment list.
  if (ATTACHMENT_MARKER.test(body)) return true;
  const m = matchNumbering(line);
  if (!m) return false;
  if (m.style.startsWith('第X')) return m.spaced || !CITATION_CONTINUES.test(m.rest);
  return true;
}

const ATTACHMENT_MARKER = /^附[ \u3000]*件[ \u3000]*(?:\d+|[一二三四五六七八九十]+)?[ \u3000]*(?:[:：]|$)/;

/**
 * The brackets an owner note is written in: full-width or ASCII parentheses,
 * 【】, 〔〕 and square brackets, half or full width, which some plans use for
 * notes (【责任单位：…】, 〔牵头单位：…〕, [责任单位：…]).
 */
export const NOTE_OPEN = '（(【〔[［';
export const NOTE_CLOSE = '）)】〕]］';

/** Opens a note naming responsible units: （责任单位：…）, （牵头单位：…）, 【责任单位：…】. */
export const RESPONSIBILITY_NOTE_START = /^[（(【〔[［][ \u3000]*(?:责任|牵头|配合|参与|主责|主办|协办|协同)(?:单位|部门|处室)/;

/**
 * Opens a note written on its own line, not in brackets: 牵头单位：…, 责任单位：…,
 * 牵头责任单位：…, 部门分工：…, or a leader line (分管领导：…) before one.
 */
export const NOTE_LINE_START =
  /^[ \u3000]*(?:(?:主要|具体)?(?:牵头|责任|配合|协同|协办|协助|参与|主责|主办)(?:责任)?(?:单位|部门)|(?:分管|牵头负责|牵头|责任|联系)?(?:[省市区县]级?)?领导|(?:部门|职责|责任|任务)分工)[:：]/;

/** A closing parenthetical naming who is responsible: （责任单位：…）, （省大数据局、各市政府分工负责）. */
const RESPONSIBILITY_NOTE_END = /[（(【〔[［][^（）()【】〔〕[\]［］]*(?:责任|牵头|配合|负责)[^（）()【】〔〕[\]［］]*[）)】〕\]］]$/;

/** Whether a line (indentation and markup removed) starts with a responsibility note. */
export function startsWithResponsibilityNote(line: string): boolean {
  return RESPONSIBILITY_NOTE_START.test(stripLinePrefix(line));
}

const AFTER_CHINESE = new RegExp(`[${HAN}”）)]$`);
const TRAILING_CLOSERS = /[”’」』】〕》\]*\s\u3000]+$/;

/**
 * Whether a line ends a sentence: 。！？；… or ：, possibly followed by
 * closing quotes (。”), an ASCII '.' right after a Chinese character (one
 * extraction style), or a closing responsibility note (（责任单位：…）).
 */
export function endsSentence(line: string): boolean {
  const t = line.replace(/[ \u3000\t]+$/, '').replace(/\*\*$/, '');
  if (RESPONSIBILITY_NOTE_END.test(t)) return true;
  const core = t.replace(TRAILING_CLOSERS, '');
  const last = core.at(-1);
  if (last === undefined) return false;
  if ('。！？；…：!?;:'.includes(last)) return true;
  return last === '.' && AFTER_CHINESE.test(core.slice(0, -1)) && !core.endsWith('..');
}
