import { readAliasDefinition, type AliasDefinition } from './aliases.js';
import { findDocNumbers } from '../patterns/doc-number.js';
import { readLocatorList, type LocatorListEntry } from './locators.js';
import { NUMERAL, parseNumeral } from './numerals.js';
import type { Locator, RawReference, Relation } from './reference.js';
import { classifyRelation } from './relation.js';
import { findAngleTitles, findQuotedTitles, type TitleSpan } from './scan-titles.js';

/** What the extractor may know about where a text stands. Every field is optional. */
export interface ExtractContext {
  /**
   * The text belongs to a legal text (law, regulation, 办法, 规定): a bare 第N条 then
   * cites the same document (default false: in plans a bare 第N条 is left alone).
   */
  legal?: boolean;
  /** Number of the article the text sits in (for 前条, 本条第二款, a bare 第二款). */
  article?: number;
  /** Number of the paragraph the text sits in (for 前款, 前两款, a bare 第三项). */
  paragraph?: number;
  /** Short names the document defined earlier: 规划 → 数字中国建设整体布局规划. */
  aliases?: Readonly<Record<string, string>>;
  /**
   * Titles that count even without 《》 (a draft writing 安全生产法第二十一条); from
   * the reference library (linkReferences passes its titles). Default none.
   */
  bareTitles?: readonly string[];
}

const SP = '[ \\t\\u3000]*';
/** The words by which a legal text names itself. */
const SELF = '本(?:法|条例|办法|规定|细则|规则|决定)';
/** The words by which a text names the document it cited just before. */
const THAT = '该(?:法|条例|办法|规定|细则|规则|决定)';
const COUNT = '[两二三四五六七八九十]';
const HEAD = new RegExp(
  [
    `(?<self>${SELF})`,
    `(?<that>${THAT})`,
    `(?<prevPara>前(?<pn>${COUNT})?款)`,
    `(?<prevArt>前(?<an>${COUNT})?条)(?!件)`,
    `(?<thisArt>本条)(?!例)`,
    `(?<bare>第${SP}[（(]?${SP}${NUMERAL}${SP}[）)]?${SP}[条款项])`,
  ].join('|'),
  'gu',
);
/** 根本法, 基本法 contain 本法 but are not self-citations. */
const NOT_SELF_BEFORE = /[根基成资样日版副剧账范文课读脚]$/u;

interface Span {
  start: number;
  end: number;
}

type Head =
  | { kind: 'title'; start: number; end: number; title: string; innerTitles: string[]; docNumber?: string; alias?: string }
  | { kind: 'docNumber'; start: number; end: number; docNumber: string }
  | { kind: 'self' | 'that' | 'thisArt'; start: number; end: number }
  | { kind: 'prevPara' | 'prevArt'; start: number; end: number; count: number }
  | { kind: 'bare'; start: number; end: number };

const overlaps = (a: Span, spans: readonly Span[]) => spans.some((s) => a.start < s.end && s.start < a.end);

const titleSets = new WeakMap<readonly string[], Set<string>>();
const titleSet = (titles: readonly string[]) => {
  let set = titleSets.get(titles);
  if (!set) titleSets.set(titles, (set = new Set(titles)));
  return set;
};

/**
 * The titles, 文号 and short-name definitions of a text, with doc numbers that
 * follow a title in brackets — 《X》（国发〔2022〕14号） — folded into the title.
 */
function findMarkedCitations(text: string, ctx: ExtractContext) {
  const angle = findAngleTitles(text);
  const definitions: Array<AliasDefinition & { title: string }> = [];
  const titles: Array<Extract<Head, { kind: 'title' }>> = [];
  const numbers = findDocNumbers(text);
  const usedNumbers = new Set<number>();
  for (const t of angle) {
    const head: Extract<Head, { kind: 'title' }> = { kind: 'title', start: t.start, end: t.end, title: t.title, innerTitles: t.innerTitles };
    const after = text.slice(t.end, t.end + 40);
    const open = /^[ \t\u3000]*[（(][ \t\u3000]*/u.exec(after);
    if (open) {
      const nIdx = numbers.findIndex((n) => n.start === t.end + open[0].length);
      const n = numbers[nIdx];
      if (n) {
        const close = /^[ \t\u3000]*[）)]/u.exec(text.slice(n.end, n.end + 4));
        if (close) {
          head.docNumber = n.docNumber;
          head.end = n.end + close[0].length;
          usedNumbers.add(nIdx);
        }
      }
    }
    titles.push(head);
    const def = readAliasDefinition(text, head.end);
    if (def) definitions.push({ ...def, title: t.title });
  }
  // A title inside a definition (（以下简称《规划》）) is the definition, not a citation.
  const cited = titles.filter((t) => !definitions.some((d) => t.start >= d.start && t.end <= d.end));
  if (/[“"]/u.test(text)) {
    const names = new Set([...Object.keys(ctx.aliases ?? {}), ...definitions.map((d) => d.alias)]);
    const known = ctx.bareTitles ? titleSet(ctx.bareTitles) : undefined;
    const blocked: Span[] = [...angle, ...definitions];
    for (const q of findQuotedTitles(text, { has: (t: string) => names.has(t) || !!known?.has(t) })) {
      if (overlaps(q, blocked)) continue;
      cited.push({ kind: 'title', start: q.start, end: q.end, title: q.title, innerTitles: [] });
    }
  }
  const docNumbers: Head[] = numbers
    .filter((n, i) => !usedNumbers.has(i) && !overlaps(n, angle))
    .map((n) => ({ kind: 'docNumber', start: n.start, end: n.end, docNumber: n.docNumber }));
  return { titles: cited, docNumbers, definitions };
}

/** The short names a text defines: 《X》（以下简称《规划》） → { alias: 规划, title: X }. */
export function extractAliasDefinitions(text: string): Array<{ alias: string; title: string; start: number; end: number }> {
  return findMarkedCitations(text, {}).definitions.map((d) => ({ alias: d.alias, title: d.title, start: d.start, end: d.end }));
}

/** Characters after a bare title that show it is part of a longer word (安全生产法律, 安全生产法人). */
const WORD_GOES_ON = /^(?:[律人治院官典学制理务庭令则]|规(?!定))/u;

/** Bare titles shorter than this count only when followed by an article (第N条). */
const BARE_MIN_ALONE = 5;
const ARTICLE_NEXT = new RegExp(`^${SP}第${SP}${NUMERAL}${SP}条`, 'u');

interface BareIndex {
  /** Known titles by first character, longest first. */
  byFirst: Map<string, string[]>;
  /** Finds the next character that starts some title (so the scan skips the rest). */
  starts: RegExp;
}
const bareIndexes = new WeakMap<readonly string[], BareIndex>();

function bareIndex(titles: readonly string[]): BareIndex {
  let index = bareIndexes.get(titles);
  if (!index) {
    const byFirst = new Map<string, string[]>();
    for (const t of [...new Set(titles)].filter((t) => t.length >= 2).sort((a, b) => b.length - a.length)) {
      const list = byFirst.get(t[0]!) ?? [];
      list.push(t);
      byFirst.set(t[0]!, list);
    }
    const chars = [...byFirst.keys()].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
    index = { byFirst, starts: new RegExp(chars ? `[${chars}]` : '(?!)', 'gu') };
    bareIndexes.set(titles, index);
  }
  return index;
}

/** Occurrences of known titles written without marks; one pass, the longest title at each position. */
function findBareTitles(text: string, titles: readonly string[], blocked: readonly Span[]): Head[] {
  const { byFirst, starts } = bareIndex(titles);
  const out: Head[] = [];
  starts.lastIndex = 0;
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    const i = m.index;
    const candidates = byFirst.get(m[0])!;
    for (const title of candidates) {
      if (!text.startsWith(title, i)) continue;
      const span = { start: i, end: i + title.length };
      if (WORD_GOES_ON.test(text.slice(span.end, span.end + 2)) || overlaps(span, blocked)) continue;
      // A short name (刑法, 某某法) is a citation only when an article follows: alone it is too often a plain word.
      if (title.length < BARE_MIN_ALONE && !ARTICLE_NEXT.test(text.slice(span.end, span.end + 12))) continue;
      out.push({ kind: 'title', ...span, title, innerTitles: [] });
      starts.lastIndex = span.end;
      break;
    }
  }
  return out;
}

/**
 * The enacting formula of a statute — 为了……，根据宪法，制定本法 / 根据宪法和X法，
 * 制定本条例 — names its legal basis without 《》 by drafting convention, the
 * Constitution above all. In the list between 根据 and 制定本…, a bare law name
 * (宪法, 刑法, 中华人民共和国X法) is a citation whether or not the library knows it.
 */
const ENACTING = new RegExp(`根据(?<list>[^，,。；;：:\\n]{2,80}?)${SP}[，,]?${SP}制定本(?:法|条例|办法|规定|细则|规则|决定)`, 'gu');
/** Separators of the list; the 和 of 共和国 is part of a name. */
const LIST_SEPARATOR = /、|以及|及|与|和(?!国)/gu;
const BARE_LAW = /^(?:中华人民共和国)?\p{Script=Han}{0,14}法$/u;
/** Words that make a list entry something other than a law's name (本法, 有关法律, 相关法). */
const NOT_A_NAME = /^(?:本|该|上述|有关|相关|其他|其它|下列|各|其|国家|法律)/u;
/** Common words that end in 法 but name no law (科学方法, 依法, 有效做法). */
const NOT_A_LAW = /(?:[方办做想看说用手写算语]|[依合违非执司立守])法$/u;
/** 宪法, written bare, is always the Constitution: cite it by its full title. */
const CONSTITUTION = { bare: '宪法', title: '中华人民共和国宪法' };

function findEnactingBasis(text: string, blocked: readonly Span[]): Head[] {
  const out: Head[] = [];
  for (const m of text.matchAll(ENACTING)) {
    const list = m.groups!.list!;
    const base = m.index + m[0].indexOf(list);
    let last = 0;
    const entries: Span[] = [];
    for (const sep of list.matchAll(LIST_SEPARATOR)) {
      entries.push({ start: last, end: sep.index });
      last = sep.index + sep[0].length;
    }
    entries.push({ start: last, end: list.length });
    for (const e of entries) {
      const raw = list.slice(e.start, e.end);
      // The last entry may close the list: 个人信息保护法等法律.
      const name = raw.trim().replace(/等(?:法律|行政法规|法规|规定)?$/u, '');
      if (!BARE_LAW.test(name) || NOT_A_NAME.test(name) || NOT_A_LAW.test(name)) continue;
      const start = base + e.start + raw.indexOf(name);
      const span = { start, end: start + name.length };
      if (overlaps(span, blocked)) continue;
      out.push({ kind: 'title', ...span, title: name === CONSTITUTION.bare ? CONSTITUTION.title : name, innerTitles: [] });
    }
  }
  return out;
}

/**
 * Whether the match at `at` is the article's own number opening a line (第三条 国家…,
 * or 第三条国家… when extraction lost the space), not a citation: legal drafting
 * never opens an article's text with a bare citation of another article.
 */
function isArticleHeading(text: string, at: number, match: string): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /条$/u.test(match) && text.slice(lineStart, at).trim() === '';
}

function regexHeads(text: string, blocked: readonly Span[]): Head[] {
  const out: Head[] = [];
  HEAD.lastIndex = 0;
  for (let m = HEAD.exec(text); m; m = HEAD.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlaps(span, blocked)) continue;
    const g = m.groups!;
    if (g.self) {
      if (NOT_SELF_BEFORE.test(text.slice(0, m.index))) continue;
      out.push({ kind: 'self', ...span });
    } else if (g.that) out.push({ kind: 'that', ...span });
    else if (g.prevPara) out.push({ kind: 'prevPara', ...span, count: g.pn ? parseNumeral(g.pn)! : 1 });
    else if (g.prevArt) out.push({ kind: 'prevArt', ...span, count: g.an ? parseNumeral(g.an)! : 1 });
    else if (g.thisArt) out.push({ kind: 'thisArt', ...span });
    else if (!isArticleHeading(text, m.index, m[0])) out.push({ kind: 'bare', ...span });
  }
  return out;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/**
 * Finds every citation in a text: titles in 《》 (also «», nested 〈〉, and “” around
 * a title), 文号, article-level citations (《X》第N条第M款第K项, 本法第N条, lists and
 * ranges), relative ones (前款, 前两款, 前条, 本条第二款, a bare 第二款 inside an
 * article) and uses of defined short names. Lists and ranges are expanded: one
 * RawReference per cited clause, each with the span of its own list entry (the
 * first entry's span includes the title or 本法). A document naming itself without
 * an article (本法, 本条) yields nothing.
 *
 * @param text the clause text; offsets are JS string offsets into it
 * @param ctx where the text stands (see {@link ExtractContext}); default `{}`
 */
export function extractReferences(text: string, ctx: ExtractContext = {}): RawReference[] {
  const { titles, docNumbers, definitions } = findMarkedCitations(text, ctx);
  const marked: Head[] = [...titles, ...docNumbers];
  const blocked: Span[] = [...marked, ...definitions];
  const known = ctx.bareTitles?.length ? findBareTitles(text, ctx.bareTitles, blocked) : [];
  const bare = [...known, ...findEnactingBasis(text, [...blocked, ...known])];
  const heads = [...marked, ...bare, ...regexHeads(text, [...blocked, ...bare])].sort((a, b) => a.start - b.start);
  const spans: Span[] = heads;
  const localAliases = new Map<string, string>();
  const out: RawReference[] = [];
  let cursor = 0;
  let lastTitle: { title: string; innerTitles: string[]; docNumber?: string } | undefined;

  for (const head of heads) {
    if (head.start < cursor) continue;
    const relation: Relation = classifyRelation(text, head.start, spans);
    const push = (
      entry: { start: number; end: number },
      locator: Locator | undefined,
      fields: Partial<RawReference> & { anchor: RawReference['anchor'] },
    ) => {
      const ref: RawReference = { ...fields, text: text.slice(entry.start, entry.end), start: entry.start, end: entry.end, relation };
      if (locator && Object.keys(locator).length) ref.locator = locator;
      out.push(ref);
    };
    /** Emits one reference per locator of a list read after the head (or the head alone). */
    const emit = (
      entries: LocatorListEntry[] | undefined,
      headOnly: Locator[] | undefined,
      fields: Partial<RawReference> & { anchor: RawReference['anchor'] },
    ) => {
      if (entries?.length) {
        entries.forEach((e, i) => {
          const span = i === 0 ? { start: head.start, end: e.end } : e;
          for (const l of e.locators) push(span, l, fields);
        });
        cursor = entries[entries.length - 1]!.end;
      } else {
        for (const l of headOnly ?? []) push(head, l, fields);
        cursor = head.end;
      }
    };

    // 前款, 前条, 本条 and bare numbers mean something only inside a legal text's articles.
    if (!ctx.legal && (head.kind === 'prevPara' || head.kind === 'prevArt' || head.kind === 'thisArt' || head.kind === 'bare')) continue;
    switch (head.kind) {
      case 'title': {
        const def = definitions.find((d) => d.titleEnd === head.end);
        if (def) localAliases.set(def.alias, head.title);
        const full = ctx.aliases?.[head.title] ?? localAliases.get(head.title);
        const fields: Partial<RawReference> & { anchor: 'title' } = { anchor: 'title', title: full ?? head.title };
        if (full && full !== head.title) fields.alias = head.title;
        if (head.innerTitles.length) fields.innerTitles = head.innerTitles;
        if (head.docNumber) fields.docNumber = head.docNumber;
        lastTitle = { title: fields.title!, innerTitles: head.innerTitles, docNumber: head.docNumber };
        const list = readLocatorList(text, head.end);
        emit(list?.entries, [{}], fields);
        break;
      }
      case 'docNumber': {
        emit(undefined, [{}], { anchor: 'docNumber', docNumber: head.docNumber });
        break;
      }
      case 'self': {
        const list = readLocatorList(text, head.end);
        if (list) emit(list.entries, undefined, { anchor: 'self' });
        break;
      }
      case 'that': {
        const list = readLocatorList(text, head.end);
        if (list && lastTitle) {
          const fields: Partial<RawReference> & { anchor: 'title' } = { anchor: 'title', title: lastTitle.title };
          if (lastTitle.innerTitles.length) fields.innerTitles = lastTitle.innerTitles;
          if (lastTitle.docNumber) fields.docNumber = lastTitle.docNumber;
          emit(list.entries, undefined, fields);
        }
        break;
      }
      case 'thisArt': {
        const list = readLocatorList(text, head.end, { article: ctx.article });
        if (!list) break;
        if (ctx.article === undefined) emit(list.entries, undefined, { anchor: 'relative', problem: '本条 outside an article' });
        else emit(list.entries, undefined, { anchor: 'relative' });
        break;
      }
      case 'prevPara': {
        const p = ctx.paragraph;
        if (ctx.article === undefined || p === undefined || p - head.count < 1) {
          const list = readLocatorList(text, head.end);
          emit(list?.entries, [{}], { anchor: 'relative', problem: `${text.slice(head.start, head.end)} with no earlier paragraph` });
          break;
        }
        const paras = range(p - head.count, p - 1);
        const list = readLocatorList(text, head.end, { article: ctx.article, paragraph: paras[paras.length - 1] });
        emit(
          list?.entries,
          paras.map((n) => ({ article: ctx.article, paragraph: n })),
          { anchor: 'relative' },
        );
        break;
      }
      case 'prevArt': {
        const a = ctx.article;
        if (a === undefined || a - head.count < 1) {
          const list = readLocatorList(text, head.end);
          emit(list?.entries, [{}], { anchor: 'relative', problem: `${text.slice(head.start, head.end)} with no earlier article` });
          break;
        }
        const arts = range(a - head.count, a - 1);
        const list = readLocatorList(text, head.end, { article: arts[arts.length - 1] });
        emit(list?.entries, arts.map((n) => ({ article: n })), { anchor: 'relative' });
        break;
      }
      case 'bare': {
        const list = readLocatorList(text, head.start, { article: ctx.article, paragraph: ctx.paragraph });
        if (!list) break;
        // A bare 第N条 cites the same document; a bare 第二款 or 第三项 the article it stands in.
        const first = list.entries[0]!;
        const anchor = /条/u.test(text.slice(first.start, first.end)) ? 'self' : 'relative';
        const problem = first.locators[0]!.article === undefined ? `${text.slice(head.start, head.end)} outside an article` : undefined;
        list.entries.forEach((e) => {
          for (const l of e.locators) push(e, l, problem ? { anchor, problem } : { anchor });
        });
        cursor = list.end;
        break;
      }
    }
  }
  return out;
}

export type { TitleSpan };
