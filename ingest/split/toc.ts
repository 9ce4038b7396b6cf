import type { DocKind } from '../../core/model/document.js';
import { normalizeTitle } from '../../core/ids/document-id.js';
import type { Line } from '../../core/text/lines.js';
import { foldDigits, tidyTitle } from '../../core/text/lines.js';
import { nextNonBlank } from './head.js';
import { endsWithTypeWord, kindFromTitle, titleAndVersion, versionLine } from '../../core/text/title.js';

/**
 * The table of contents (目录) of a compilation (汇编): which documents it holds,
 * in order, and how they are grouped. Entries look like
 *   "二、《中华人民共和国XX法》.....\t42"   (leader dots, tab, page)
 *   "一、《XX条例》 129"                   (space, page)
 *   "六、《XX行动计划》（会签稿） 209"      (version after the title)
 *   "第二章 国家XX法规政策"                (a chapter divider grouping documents)
 *   "一、2014 年度重要论述.....\t3"         (a section of a collection, not a document)
 *   "附表：XX政策文件清单"                 (an appended table, no page)
 */

export type TocEntryType = 'divider' | 'document' | 'section';

export interface TocEntry {
  type: TocEntryType;
  /** Title without numbering, page, 《》 and version. */
  title: string;
  version?: string;
  kind: DocKind;
  /** The entry as printed, without page number ("附表：XX清单"), for matching a body heading that keeps the label. */
  label: string;
  /** Line index of the entry in the file. */
  line: number;
  /** For entries under a divider: the index of that divider in the entry list. */
  divider?: number;
}

export interface Toc {
  /** Line index of the 目录 line. */
  line: number;
  /** Index of the first line after the table of contents. */
  end: number;
  entries: TocEntry[];
}

/** Leader dots (also turned into 。 or … by extraction) and the page number at the end of a TOC line. */
const PAGE_SUFFIX = /(?:[.。…·・．_\-—]{2,}\s*|[\t ]+|(?<=[》）)]))\d{1,4}$|[.。…·・．_\-—]{3,}$/u;
const DIVIDER = /^第\s*([一二三四五六七八九十百\d]+)\s*(?:章|编|篇|部分)\s*(.*)$/u;
const NUMBERING = /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[.．、](?!\d))\s*/u;
const APPENDIX = /^(附表|附件|附录)\s*[\d一二三四五六七八九十]*\s*[：:]?\s*(.*)$/u;
const YEAR_HEADING = /^\d{4}\s*年/u;
const YEAR_LINE = /^\d{4}\s*年度?[^。，,；;]{0,12}$/u;

/** A line without its leading numbering: "一、法律" → "法律", "第二章 国家法规" → "国家法规". */
export function stripNumbering(line: string): string {
  const t = line.trim();
  const divider = DIVIDER.exec(t);
  if (divider) return divider[2]!.trim();
  return t.replace(NUMBERING, '');
}

/** Whether a clean line is the 目录 heading ("目 录", "目　录"). */
export function isTocHeading(line: string): boolean {
  return line.replace(/[\s\u3000]+/g, '') === '目录';
}

interface TocLine {
  title: string;
  version?: string;
  label: string;
  line: number;
  /** The title was printed in 《》. */
  quoted: boolean;
  /** Printed as 附表/附件/附录. */
  appendix: boolean;
  /** A chapter divider 第X章. */
  divider: boolean;
  /** The numbering style in front of the entry: 一、, （一）, 1. — or none. */
  numbering?: 'chinese' | 'bracketed' | 'arabic';
}

/** The style of a matched NUMBERING prefix. */
function numberingStyle(prefix: string): TocLine['numbering'] {
  const t = prefix.trim();
  if (/^[（(]/.test(t)) return 'bracketed';
  return /^\d/.test(t) ? 'arabic' : 'chinese';
}

/** One TOC line parsed, or undefined when the line does not look like a TOC entry. */
function parseTocLine(text: string, line: number): TocLine | undefined {
  let t = foldDigits(text).trim();
  const paged = PAGE_SUFFIX.test(t);
  t = t.replace(PAGE_SUFFIX, '').replace(/[.。…·・．_\-—\s]+$/u, '').trim();
  const divider = DIVIDER.exec(t);
  if (divider && divider[2]) {
    const title = tidyTitle(divider[2]);
    return { title, label: title, line, quoted: false, appendix: false, divider: true };
  }
  const numbered = NUMBERING.exec(t);
  const appendix = numbered ? null : APPENDIX.exec(t);
  // Un-numbered, unpaged year lines ("2014 年") arrange a collection of speeches by year.
  if (!numbered && !appendix && !paged && !YEAR_LINE.test(t)) return undefined;
  const rest = numbered ? t.slice(numbered[0].length) : appendix ? appendix[2]! : t;
  const label = tidyTitle(numbered ? rest : t);
  if (rest === '') return undefined;
  const numbering = numbered ? { numbering: numberingStyle(numbered[0]) } : {};
  const quoted = /^《[^《》]+》/.exec(rest.trim());
  if (quoted) {
    const after = rest.trim().slice(quoted[0].length).trim();
    const inner = titleAndVersion(quoted[0].slice(1, -1));
    const version = inner.version ?? (after ? versionLine(after) : undefined);
    // Text after 》 that is not a version ("（节选）") is an annotation, not part of the title.
    return { title: inner.title, ...(version ? { version } : {}), label, line, quoted: true, appendix: !!appendix, divider: false, ...numbering };
  }
  const tv = titleAndVersion(rest.replace(/[《》]/g, ''));
  return { ...tv, label, line, quoted: /《/.test(rest), appendix: !!appendix, divider: false, ...numbering };
}

/**
 * Finds the table of contents of a compilation in the file's front matter and
 * parses its entries. Returns undefined when there is no 目录 in the first
 * `maxFrontLines` non-blank lines from `from`, or when it is not a compilation's (tocAt).
 *
 * @param maxFrontLines default 80: a compilation's 目录 follows its title page
 *   and perhaps a preface (前言) of a few paragraphs.
 * @param from default 0: where the front matter starts (a later volume of the same file).
 */
export function findToc(lines: Line[], maxFrontLines = 80, from = 0): Toc | undefined {
  for (let i = from, seen = 0; i < lines.length && seen < maxFrontLines; i++) {
    if (lines[i]!.clean === '') continue;
    seen++;
    if (isTocHeading(lines[i]!.clean)) return tocAt(lines, i);
  }
  return undefined;
}

/**
 * The next compilation's table of contents in [from, to): a file may hold several
 * volumes (上册 / 下册) or compilations one after another, each with its own 目录.
 * A plan inside a compilation may print a 目录 of its own headings; tocAt refuses
 * those, as it refuses them at the top of a file.
 */
export function nextToc(lines: Line[], from: number, to: number): Toc | undefined {
  for (let i = from; i < to; i++) {
    if (!isTocHeading(lines[i]!.clean)) continue;
    const toc = tocAt(lines, i);
    if (toc) return toc;
  }
  return undefined;
}

/**
 * Parses the table of contents under the 目录 line `heading`. Returns undefined
 * when fewer than two of its entries are documents (the 目录 of a single plan
 * lists its own headings: "一、发展基础").
 */
export function tocAt(lines: Line[], heading: number): Toc | undefined {
  const parsed: TocLine[] = [];
  const seenKeys = new Set<string>();
  let i = nextNonBlank(lines, heading + 1, lines.length);
  for (; i < lines.length; i = nextNonBlank(lines, i + 1, lines.length)) {
    let text = lines[i]!.clean;
    // A long title wrapped over two lines: 《 opened and not closed.
    if (/《[^》]*$/.test(text)) {
      const next = nextNonBlank(lines, i + 1, lines.length);
      if (next < lines.length && /^[^《]*》/.test(lines[next]!.clean)) {
        text += lines[next]!.clean;
        i = next;
      }
    }
    const entry = parseTocLine(text, i);
    if (!entry) break;
    // The body repeating an entry means the table has ended and the documents begin.
    const key = normalizeTitle(entry.title);
    if (!entry.divider && seenKeys.has(key)) break;
    seenKeys.add(key);
    parsed.push(entry);
  }
  if (parsed.length === 0) return undefined;

  // When a TOC quotes its document titles in 《》, only quoted entries are documents:
  // unquoted lines are sections ("2014 年度重要论述") or group names.
  const anyQuoted = parsed.some((e) => e.quoted);
  // A compilation lists documents at one numbering level, where (nearly) every entry
  // is a title; the 目录 of one plan outlines its headings, where a heading ending
  // in a type word ("（三）实施重大工程计划") is the exception among its level's.
  const titled = (style: TocLine['numbering']) => {
    const level = parsed.filter((e) => !e.divider && e.numbering === style);
    return level.filter((e) => endsWithTypeWord(e.title)).length * 2 >= level.length;
  };
  const entries: TocEntry[] = [];
  let divider: number | undefined;
  for (const e of parsed) {
    const base = { title: e.title, ...(e.version ? { version: e.version } : {}), label: e.label, line: e.line };
    if (e.divider) {
      divider = entries.length;
      entries.push({ ...base, type: 'divider', kind: kindFromTitle(e.title) });
      continue;
    }
    const isDocument =
      e.quoted || e.appendix || (!anyQuoted && endsWithTypeWord(e.title) && titled(e.numbering) && !YEAR_HEADING.test(e.title));
    const kind = e.appendix && kindFromTitle(e.title) === 'other' ? 'catalogue' : kindFromTitle(e.title);
    entries.push({ ...base, type: isDocument ? 'document' : 'section', kind, ...(divider !== undefined ? { divider } : {}) });
  }
  // Appendices alone do not make a compilation: a single plan's 目录 may list "附件1：重点项目清单".
  const listed = parsed.filter((e, k) => entries[k]!.type === 'document' && !e.appendix).length;
  if (listed < 2) return undefined;
  return { line: heading, end: i, entries };
}

/**
 * The documents of a TOC in order. A divider whose entries are all sections
 * (a collection of speech excerpts by year) is itself one document; a divider
 * holding documents only groups them.
 */
export function tocDocuments(toc: Toc): { entry: TocEntry; index: number }[] {
  const out: { entry: TocEntry; index: number }[] = [];
  toc.entries.forEach((entry, index) => {
    if (entry.type === 'document') out.push({ entry, index });
    else if (entry.type === 'divider') {
      const children = toc.entries.filter((e) => e.divider === index);
      if (!children.some((c) => c.type === 'document')) {
        // Sections by year ("2014 年度重要论述") are how collections of speeches are arranged.
        const byYear = children.length > 0 && children.every((c) => YEAR_HEADING.test(c.title));
        const kind = entry.kind === 'other' && byYear ? 'speeches' : entry.kind;
        out.push({ entry: { ...entry, kind }, index });
      }
    }
  });
  return out;
}
