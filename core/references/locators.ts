import { NUMERAL, formatNumeral, parseNumeral } from './numerals.js';
import type { Locator } from './reference.js';

/**
 * Article-level citations as Chinese legal drafting writes them (《立法技术规范》):
 * 第N条, 第N条第M款, 第N条第M款第K项 (第（K）项), chained into lists with 、 和 及
 * 或者 (第二十二条第一款、第二款和第四十八条第一款) and ranges with 至
 * (第四十一条至第四十三条). A later element inherits the levels it leaves out from
 * the element before it: 第二款 after 第二十二条第一款 is 第二十二条第二款.
 */

const SP = '[ \\t\\u3000]*';
const ART = `第${SP}(${NUMERAL})${SP}条`;
const PARA = `第${SP}(${NUMERAL})${SP}款`;
const ITEM = `第${SP}[（(]?${SP}(${NUMERAL})${SP}[）)]?${SP}项`;
/** One element: an article with optional paragraph and item, or a paragraph with optional item, or an item. */
const ELEMENT = new RegExp(
  `(?:${ART}(?:${SP}${PARA})?(?:${SP}${ITEM})?|${PARA}(?:${SP}${ITEM})?|${ITEM})`,
  'uy',
);
const LIST_JOIN = new RegExp(`${SP}(?:、|以及|和|及|或者|或|与)${SP}`, 'uy');
const RANGE_JOIN = new RegExp(`${SP}(?:至|到|[—－~～-])${SP}`, 'uy');

/** Ranges longer than this are read as their two ends only (a typo, not 300 articles). */
const MAX_RANGE = 60;

interface Element {
  start: number;
  end: number;
  /** What the element itself names. */
  own: Locator;
}

function readElement(text: string, at: number): Element | undefined {
  ELEMENT.lastIndex = at;
  const m = ELEMENT.exec(text);
  if (!m || m[0].length === 0) return undefined;
  const n = (s: string | undefined) => (s === undefined ? undefined : parseNumeral(s));
  const own: Locator = {};
  if (m[1] !== undefined) {
    own.article = n(m[1]);
    if (m[2] !== undefined) own.paragraph = n(m[2]);
    if (m[3] !== undefined) own.item = n(m[3]);
  } else if (m[4] !== undefined) {
    own.paragraph = n(m[4]);
    if (m[5] !== undefined) own.item = n(m[5]);
  } else {
    own.item = n(m[6]);
  }
  if (Object.values(own).some((v) => v === undefined || v <= 0)) return undefined;
  return { start: at, end: at + m[0].length, own };
}

/** Completes what an element leaves out from the locator before it (or the base). */
function inherit(own: Locator, prev: Locator): Locator {
  if (own.article !== undefined) return own;
  if (own.paragraph !== undefined) return dropUndefined({ article: prev.article, paragraph: own.paragraph, item: own.item });
  return dropUndefined({ article: prev.article, paragraph: prev.paragraph, item: own.item });
}

function dropUndefined(l: Locator): Locator {
  const out: Locator = {};
  if (l.article !== undefined) out.article = l.article;
  if (l.paragraph !== undefined) out.paragraph = l.paragraph;
  if (l.item !== undefined) out.item = l.item;
  return out;
}

/** The locators a range covers, at the deepest level its end names. */
function expandRange(from: Locator, to: Locator): Locator[] {
  const level = to.item !== undefined ? 'item' : to.paragraph !== undefined ? 'paragraph' : 'article';
  const a = from[level];
  const b = to[level];
  if (a === undefined || b === undefined || b < a || b - a > MAX_RANGE) return [from, to];
  const out: Locator[] = [];
  for (let k = a; k <= b; k++) out.push({ ...from, [level]: k });
  return out;
}

/** One entry of a citation list: a single element or a range, with its span. */
export interface LocatorListEntry {
  start: number;
  end: number;
  locators: Locator[];
}

/**
 * Reads a list of article/paragraph/item elements starting exactly at `at`
 * (after optional spaces). `base` supplies the levels the first element leaves
 * out (for 前款第二项 the base is the previous paragraph). Returns undefined
 * when no element starts there.
 */
export function readLocatorList(text: string, at: number, base: Locator = {}): { entries: LocatorListEntry[]; end: number } | undefined {
  const lead = new RegExp(SP, 'uy');
  lead.lastIndex = at;
  lead.exec(text);
  let pos = lead.lastIndex || at;
  const first = readElement(text, pos);
  if (!first) return undefined;
  const entries: LocatorListEntry[] = [];
  let prev = base;
  let el: Element | undefined = first;
  while (el) {
    const from = inherit(el.own, prev);
    let entry: LocatorListEntry = { start: el.start, end: el.end, locators: [from] };
    pos = el.end;
    RANGE_JOIN.lastIndex = pos;
    if (RANGE_JOIN.exec(text)) {
      const to = readElement(text, RANGE_JOIN.lastIndex);
      if (to) {
        const toLoc = inherit(to.own, from);
        entry = { start: el.start, end: to.end, locators: expandRange(from, toLoc) };
        pos = to.end;
      }
    }
    entries.push(entry);
    prev = entry.locators[entry.locators.length - 1]!;
    LIST_JOIN.lastIndex = pos;
    el = undefined;
    if (LIST_JOIN.exec(text)) {
      el = readElement(text, LIST_JOIN.lastIndex);
    }
  }
  return { entries, end: pos };
}

/** 第二十二条第三款第（一）项 — the canonical way to write a locator. */
export function formatLocator(l: Locator | undefined): string {
  if (!l) return '';
  let s = '';
  if (l.article !== undefined) s += `第${formatNumeral(l.article)}条`;
  if (l.paragraph !== undefined) s += `第${formatNumeral(l.paragraph)}款`;
  if (l.item !== undefined) s += `第（${formatNumeral(l.item)}）项`;
  return s;
}
