/**
 * How a line of a Chinese official document announces its place in the
 * structure. Every rule keys on the conventions of the genre — GB/T 9704 plan
 * numbering (一、 （一） 1. （1）), the legislative hierarchy (第N编/章/节/条), 专栏
 * boxes, 附件 markers, a 目录 — never on a particular document.
 *
 * All functions take a line's `clean` form (see lines.ts): Markdown removed,
 * full-width digits folded. Raw-ish variants are accepted on purpose: (一) and
 * （一）, 1. 1、 1．, 第 3 条.
 */
import { parseNumeral } from '../../core/patterns/numbering.js';
import { squeezeCjkSpaces } from './lines.js';

const CN = '零〇一二两三四五六七八九十百千';

// ── Legal texts ─────────────────────────────────────────────────────────────

export type LegalUnit = 'part' | 'chapter' | 'section' | 'article';
const LEGAL_UNIT: Record<string, LegalUnit> = { 编: 'part', 章: 'chapter', 节: 'section', 条: 'article' };

export interface LegalMatch {
  unit: LegalUnit;
  number: number;
  /** 之一 of an article inserted by amendment (第十条之一), 0 otherwise. */
  sub: number;
  /** The numbering normalized: 第三十四条, 第十条之一, 第3条. */
  label: string;
  /** Length of the numbering in `clean`, blanks after it included. */
  length: number;
  /** Length of the numbering alone. */
  labelLength: number;
  /** Whether a blank separates the numbering from the text after it. */
  spaced: boolean;
  /** What follows the numbering. */
  rest: string;
}

const LEGAL_RE = new RegExp(
  `^第[ \\u3000]*([${CN}]+|\\d+)[ \\u3000]*(编|章|节|条)(?:之([一二三四五六七八九十]+))?([ \\u3000\\t]*)`,
);

/**
 * 第N编 / 第N章 / 第N节 / 第N条 at the start of a line. A part, chapter or section
 * line must look like a heading (short, no sentence punctuation), so a
 * paragraph that opens by citing "第三章规定的…" is not taken for one. Whether
 * an article line really opens an article is decided by the legal builder,
 * which knows the expected number.
 */
export function matchLegal(clean: string): LegalMatch | undefined {
  const m = clean.match(LEGAL_RE);
  if (!m) return undefined;
  const number = parseNumeral(m[1]!);
  if (number === undefined || number <= 0) return undefined;
  const unit = LEGAL_UNIT[m[2]!]!;
  const rest = clean.slice(m[0].length);
  if (unit !== 'article') {
    if (rest.length > 40 || /[。；，：！？]/.test(rest)) return undefined;
  }
  const sub = m[3] ? (parseNumeral(m[3]) ?? Number.NaN) : 0;
  return {
    unit,
    number,
    sub,
    label: `第${m[1]}${m[2]}${m[3] ? `之${m[3]}` : ''}`,
    length: m[0].length,
    labelLength: m[0].length - m[4]!.length,
    spaced: m[4]!.length > 0,
    rest,
  };
}

// ── Plan numbering ──────────────────────────────────────────────────────────

/** Numbering styles of plans, opinions, notices (GB/T 9704 and common variants). */
export type PlanStyle = '一、' | '（一）' | '1.' | '（1）' | '①' | '一是';

export interface PlanMatch {
  style: PlanStyle;
  number: number;
  /** Normalized label: 一、 （一） 3. （1） ① 一是. */
  label: string;
  /** The label as it stands in a citation path: 一 （一） 3 （1） ① 一是. */
  short: string;
  /** Length of the numbering in `clean`, blanks after it included. */
  length: number;
  rest: string;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PLAN_RES: Array<[PlanStyle, RegExp]> = [
  ['（一）', /^[（(][ \u3000]*([一二三四五六七八九十百]+)[ \u3000]*[）)][ \u3000]*/],
  ['（1）', /^[（(][ \u3000]*(\d{1,3})[ \u3000]*[）)][ \u3000]*/],
  // 一、 (also 一． in some extractions); 一是 is handled separately below.
  ['一、', /^([一二三四五六七八九十百]+)[ \u3000]*[、．][ \u3000]*/],
  // 1. 1、 1． — but not a decimal (1.25) or a date (2025.10).
  ['1.', /^(\d{1,3})[ \u3000]*[.．、](?![\d])[ \u3000]*/],
  ['①', new RegExp(`^([${CIRCLED}])[ \\u3000]*`)],
  ['一是', /^([一二三四五六七八九十]+)是(?![否非])[ \u3000]*/],
];

/**
 * A plan numbering at the start of a line, or undefined. A line must have text
 * after the numbering ("（一）" alone is not an item).
 */
export function matchPlanNumbering(clean: string): PlanMatch | undefined {
  for (const [style, re] of PLAN_RES) {
    const m = clean.match(re);
    if (!m) continue;
    const rest = clean.slice(m[0].length);
    if (!rest.trim()) return undefined;
    const raw = m[1]!;
    const number = style === '①' ? CIRCLED.indexOf(raw) + 1 : parseNumeral(raw);
    if (number === undefined || number <= 0) return undefined;
    // "一是" must be followed by prose, not be the word 一是 inside a title.
    if (style === '一是' && rest.length < 4) return undefined;
    return { style, number, label: planLabel(style, raw), short: planShort(style, raw), length: m[0].length, rest };
  }
  return undefined;
}

function planLabel(style: PlanStyle, raw: string): string {
  switch (style) {
    case '一、':
      return `${raw}、`;
    case '（一）':
    case '（1）':
      return `（${raw}）`;
    case '1.':
      return `${raw}.`;
    case '①':
      return raw;
    case '一是':
      return `${raw}是`;
  }
}

function planShort(style: PlanStyle, raw: string): string {
  return style === '（一）' || style === '（1）' ? `（${raw}）` : style === '一是' ? `${raw}是` : raw;
}

// ── Boxes, attachments, contents, speeches ──────────────────────────────────

export interface BoxMatch {
  /** Printed number (专栏 3 → 3), undefined when the box is unnumbered. */
  number?: number;
  /** The box's title after its number. */
  title: string;
}

const BOX_RE = /^([\u4e00-\u9fa5]{0,4}?)专栏[ \u3000]*(\d+|[一二三四五六七八九十]+)?[ \u3000]*[:：]?[ \u3000]*(.*)$/;

/** "专栏1 …", "工程专栏 1 …", "专栏三：…" — a 专栏 box title line. */
export function matchBox(clean: string): BoxMatch | undefined {
  if (clean.length > 50 || /[。；！？]/.test(clean)) return undefined;
  const m = clean.match(BOX_RE);
  if (!m) return undefined;
  // A prose line that merely starts with a word ending in 专栏 has no number and no separator.
  if (!m[2] && !/^专栏[ \u3000:：]/.test(clean.slice(m[1]!.length))) return undefined;
  const number = m[2] ? parseNumeral(m[2]) : undefined;
  return { ...(number !== undefined ? { number } : {}), title: squeezeCjkSpaces(m[3] ?? '') };
}

export interface AttachmentMatch {
  number?: number;
  /** Text after the marker: a title ("附件2 XX清单") or a list ("附件：1.XX"). */
  rest: string;
  /** "附件：…" with a colon lists a notice's attachments; "附件2" marks where one starts. */
  list: boolean;
}

const ATTACHMENT_RE = /^附[ \u3000]*件[ \u3000]*(\d+|[一二三四五六七八九十]+)?[ \u3000]*([:：])?[ \u3000]*(.*)$/;

/** 附件 / 附件2 / 附件：1.… at the start of a line. */
export function matchAttachment(clean: string): AttachmentMatch | undefined {
  const m = clean.match(ATTACHMENT_RE);
  if (!m) return undefined;
  const rest = m[3]!.trim();
  const list = !!m[2] && rest.length > 0;
  // Without a colon, a marker is alone on its line or followed by a short title.
  if (!list && (rest.length > 40 || /[。；，]/.test(rest))) return undefined;
  const number = m[1] ? parseNumeral(m[1]) : undefined;
  return { ...(number !== undefined ? { number } : {}), rest, list };
}

/** "目录" / "目 录" / "目次" on its own line. */
export function isContentsMarker(clean: string): boolean {
  return /^(目录|目次)$/.test(clean.replace(/[ \u3000\t]/g, ''));
}

/** A contents entry with leader dots and/or a page number: "二、《X》.....\t42", "一、《X》 129". */
export function isContentsEntry(clean: string): boolean {
  return /(?:\.{3,}|…{2,}|·{3,}|-{3,}|－{3,})[ \t]*\d*[ \t]*$/.test(clean) || /[^\d][ \t]+\d{1,4}$/.test(clean);
}

/** A contents entry with its leader dots and page number removed, blanks squeezed — to compare with body lines. */
export function contentsKey(clean: string): string {
  return squeezeCjkSpaces(
    clean
      .replace(/(?:\.{3,}|…{2,}|·{3,}|-{3,}|－{3,})[ \t]*\d*[ \t]*$/, '')
      .replace(/[ \t]+\d{1,4}$/, '')
      .replace(/\(/g, '（')
      .replace(/\)/g, '）'),
  )
    .replace(/[。．.、，\s]/g, '')
    .replace(/^[（]/, '（');
}

export interface YearMatch {
  year: number;
}

/** A year heading of a collection of speech excerpts: "2014 年", "2014年度", "一、2014 年度重要论述". */
export function matchYearHeading(clean: string): YearMatch | undefined {
  const m = clean.match(/^(?:[一二三四五六七八九十]+[、.．][ \u3000]*)?((?:19|20)\d{2})[ \u3000]*年(?:度[\u4e00-\u9fa5]{0,8})?$/);
  return m ? { year: Number(m[1]) } : undefined;
}

export interface AttributionMatch {
  /** The attribution without its dash: "2014年2月27日在…上的讲话". */
  text: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM) when the attribution starts with one. */
  date?: string;
}

/** "——2014 年 2 月 27 日在…上的讲话": the line that closes a speech excerpt. */
export function matchAttribution(clean: string): AttributionMatch | undefined {
  const m = clean.match(/^[—－-]{1,2}[ \u3000]*(.+)$/);
  if (!m || !clean.startsWith('—')) return undefined;
  const text = squeezeCjkSpaces(m[1]!);
  const d = text.match(/^((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?/);
  const date = d ? [d[1], d[2]!.padStart(2, '0'), ...(d[3] ? [d[3].padStart(2, '0')] : [])].join('-') : undefined;
  return { text, ...(date ? { date } : {}) };
}

/**
 * Splits the text after a numbering into an opening title sentence and the
 * body: "加快5G商用。优化5G基站布局…" → { heading: "加快5G商用" }.
 * - `titleOnly`: the line is only a short title, a phrase with no clause list
 *   ("建设泛在连接的信息通信网络。"); its heading is the title without the stop.
 * - `titleSentence`: the line is one short sentence and nothing else
 *   ("强化经济运行大数据监测分析，提升经济调节能力。") — a heading when
 *   paragraphs follow it, a short task when nothing does.
 */
export function splitTitle(
  rest: string,
  maxTitle = 30,
): { heading?: string; titleOnly: boolean; titleSentence: boolean } {
  const text = rest.trim();
  const bare = text.replace(/[。；：:]$/, '');
  const oneSentence = !/[。；！？]/.test(bare);
  if (bare.length <= maxTitle && oneSentence && !/[，,]/.test(bare)) {
    return { heading: squeezeCjkSpaces(bare), titleOnly: true, titleSentence: true };
  }
  if (bare.length <= maxTitle + 10 && oneSentence) {
    return { heading: squeezeCjkSpaces(bare), titleOnly: false, titleSentence: true };
  }
  const stop = text.search(/[。：:]/);
  if (stop > 0 && stop <= maxTitle && text.slice(stop + 1).trim()) {
    const title = text.slice(0, stop);
    if (!/[；！？]/.test(title)) return { heading: squeezeCjkSpaces(title), titleOnly: false, titleSentence: false };
  }
  return { titleOnly: false, titleSentence: false };
}
