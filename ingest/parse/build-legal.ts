/**
 * Laws, regulations and 办法: 编 part › 章 chapter › 节 section › 条 article ›
 * 款 paragraph › 项 item › 目 subitem. Any level above the article may be
 * absent. Paragraphs are not numbered in print; they are the article's
 * separate lines, counted by position.
 */
import { formatNumeral } from '../../core/patterns/numbering.js';
import { draft, type Draft } from './draft.js';
import type { ParseLine } from './lines.js';
import { squeezeCjkSpaces } from './lines.js';
import { matchAttachment, matchLegal, matchPlanNumbering, type LegalMatch } from './line-patterns.js';
import { blockOf, contentsBlock, restStart, spanOf, type BuildContext } from './context.js';

/** Whether a document's body is numbered by articles: at least two article lines, the first of them 第一条. */
export function looksLegal(lines: ParseLine[]): boolean {
  let count = 0;
  let first: number | undefined;
  for (const line of lines) {
    const m = matchLegal(line.clean);
    if (m?.unit !== 'article') continue;
    first ??= m.number;
    count++;
    if (count >= 2 && first === 1) return true;
  }
  return false;
}

/**
 * Builds the legal tree under `root` from line `from` on. Returns the index of
 * the first line it did not consume (an 附件 marker after the articles), or
 * lines.length.
 */
export function buildLegal(ctx: BuildContext, root: Draft, from = 0): number {
  const { lines } = ctx;
  let part: Draft | undefined;
  let chapter: Draft | undefined;
  let section: Draft | undefined;
  let article: Draft | undefined;
  let para: Draft | undefined;
  let item: Draft | undefined;
  let lastPart = 0;
  let lastChapter = 0;
  let lastSection = 0;
  let lastArticle = 0;
  let lastArticleSub = 0;
  // Chapters seen before any article: if their numbering restarts, they were a contents list.
  let chaptersBeforeArticles: Draft[] = [];

  const container = (): Draft => section ?? chapter ?? part ?? root;

  for (let i = from; i < lines.length; i++) {
    const contentsEnd = ctx.contents.get(i);
    if (contentsEnd !== undefined) {
      container().children.push(contentsBlock(lines, i, contentsEnd));
      i = contentsEnd - 1;
      continue;
    }
    const line = lines[i]!;
    const attachment = matchAttachment(line.clean);
    if (attachment && !attachment.list && article) return i;

    const m = matchLegal(line.clean);
    if (m && m.unit !== 'article') {
      if (m.unit === 'part') {
        checkSequence(ctx, m, lastPart, line);
        lastPart = m.number;
        part = structural(m, line);
        root.children.push(part);
        chapter = section = article = para = item = undefined;
        lastChapter = 0;
      } else if (m.unit === 'chapter') {
        if (m.number <= lastChapter && lastArticle === 0 && chaptersBeforeArticles.length > 0) {
          foldIntoContents(chaptersBeforeArticles, part ?? root);
          chaptersBeforeArticles = [];
        } else {
          checkSequence(ctx, m, lastChapter, line);
        }
        lastChapter = m.number;
        chapter = structural(m, line);
        (part ?? root).children.push(chapter);
        if (lastArticle === 0) chaptersBeforeArticles.push(chapter);
        section = article = para = item = undefined;
        lastSection = 0;
      } else {
        checkSequence(ctx, m, lastSection, line);
        lastSection = m.number;
        section = structural(m, line);
        (chapter ?? part ?? root).children.push(section);
        article = para = item = undefined;
      }
      continue;
    }

    if (m && acceptArticle(m, lastArticle, lastArticleSub)) {
      const expected = m.sub ? `${lastArticle}之${lastArticleSub + 1}` : `${lastArticle + 1}`;
      const got = m.sub ? `${m.number}之${m.sub}` : `${m.number}`;
      if (expected !== got) {
        ctx.report(
          'warning',
          'parse/numbering-gap',
          `${m.label} follows 第${formatNumeral(lastArticle)}条${lastArticleSub ? `之${formatNumeral(lastArticleSub)}` : ''}`,
          line.start,
        );
      }
      lastArticle = m.number;
      lastArticleSub = m.sub;
      article = articleOf(m, line);
      container().children.push(article);
      para = item = undefined;
      const rest = m.rest.trim();
      if (rest) {
        para = paragraphOf(article, { start: restStart(line, rest), end: line.end });
      }
      continue;
    }

    if (!article) {
      container().children.push(blockOf(line));
      continue;
    }

    const n = matchPlanNumbering(line.clean);
    const opensItem =
      !!n && (n.style === '（一）' || n.style === item?.data.numbering || (!item && (n.style === '1.' || n.style === '（1）')));
    if (n && opensItem) {
      para ??= paragraphOf(article, undefined, line.start);
      item = draft('item', {
        seg: `item_${n.number}`,
        label: n.label,
        own: [spanOf(line)],
        at: line.start,
        cite: 'append',
        piece: `第${n.label}项`,
        data: { numbering: n.style },
      });
      checkChild(ctx, para, item, n.number, line);
      para.children.push(item);
      continue;
    }
    if (n && item && (n.style === '1.' || n.style === '（1）' || n.style === '①')) {
      const sub = draft('subitem', {
        seg: `subitem_${n.number}`,
        label: n.label,
        own: [spanOf(line)],
        at: line.start,
        cite: 'append',
        piece: `第${n.short}目`,
        data: { numbering: n.style },
      });
      checkChild(ctx, item, sub, n.number, line);
      item.children.push(sub);
      continue;
    }
    // Any other line in an article is its next paragraph (款).
    para = paragraphOf(article, spanOf(line));
    item = undefined;
  }
  return lines.length;
}

/**
 * Whether an article line really opens an article. A line that starts by
 * citing one ("第三十一条规定的…") is prose: a real article is either set off
 * by a blank after its number, or continues the numbering.
 */
function acceptArticle(m: LegalMatch, last: number, lastSub: number): boolean {
  if (m.unit !== 'article') return false;
  if (m.spaced || !m.rest.trim()) return true;
  if (m.sub) return m.number === last && m.sub === lastSub + 1;
  if (m.number === last + 1) return true;
  // An article title in brackets: 第五条【基本原则】 / 第五条（基本原则）.
  return /^[【（(][^。，；]{1,15}[】）)]/.test(m.rest);
}

function structural(m: LegalMatch, line: ParseLine): Draft {
  const kind = m.unit === 'part' ? 'part' : m.unit === 'chapter' ? 'chapter' : 'section';
  const prefix = m.unit === 'part' ? 'part' : m.unit === 'chapter' ? 'chp' : 'sec';
  const heading = squeezeCjkSpaces(m.rest);
  return draft(kind, {
    seg: `${prefix}_${m.number}`,
    label: m.label,
    ...(heading ? { heading } : {}),
    own: [spanOf(line)],
    at: line.start,
    cite: 'append',
    piece: m.label,
  });
}

function articleOf(m: LegalMatch, line: ParseLine): Draft {
  const title = m.rest.match(/^[【（(]([^。，；]{1,15})[】）)]/);
  return draft('article', {
    seg: m.sub ? `art_${m.number}-${m.sub}` : `art_${m.number}`,
    label: m.label,
    ...(title ? { heading: squeezeCjkSpaces(title[1]!) } : {}),
    // The article's own words are its numbering; the text after it is paragraph 1.
    own: [{ start: line.start, end: Math.min(line.end, line.start + m.labelLength) }],
    at: line.start,
    cite: 'replace',
    piece: m.label,
  });
}

/**
 * Paragraphs are numbered by position and get a synthesized label (第二款):
 * print never shows it, but citations do ("第三十四条第二款").
 */
function paragraphOf(article: Draft, span: { start: number; end: number } | undefined, at?: number): Draft {
  const k = article.children.filter((c) => c.kind === 'paragraph').length + 1;
  const label = `第${formatNumeral(k)}款`;
  const para = draft('paragraph', {
    seg: `para_${k}`,
    label,
    own: span ? [span] : [],
    at: span?.start ?? at ?? article.at,
    cite: 'append',
    piece: label,
    data: { synthesizedLabel: true },
  });
  article.children.push(para);
  return para;
}

function checkSequence(ctx: BuildContext, m: LegalMatch, last: number, line: ParseLine): void {
  // A numbering may restart at 1 (chapters after a new part, sections in a new chapter).
  if (m.number !== last + 1 && m.number !== 1) {
    ctx.report('warning', 'parse/numbering-gap', `${m.label} follows number ${last}`, line.start);
  }
}

function checkChild(ctx: BuildContext, parent: Draft, child: Draft, n: number, line: ParseLine): void {
  const prev = parent.children.filter((c) => c.kind === child.kind).length;
  if (n !== prev + 1) {
    ctx.report('warning', 'parse/numbering-gap', `${child.label} follows number ${prev} in the same list`, line.start);
  }
}

/** Replaces chapters that turned out to be a contents list by one block holding their lines. */
function foldIntoContents(chapters: Draft[], parent: Draft): void {
  const first = parent.children.indexOf(chapters[0]!);
  const spans = chapters.flatMap((c) => collectSpans(c));
  parent.children = parent.children.filter((c) => !chapters.includes(c));
  parent.children.splice(Math.max(0, first), 0, {
    ...draft('block', { prefix: 'blk', own: spans, at: chapters[0]!.at }),
    data: { role: 'toc' },
  });
}

function collectSpans(d: Draft): Array<{ start: number; end: number }> {
  return [...d.own, ...d.children.flatMap(collectSpans)].sort((a, b) => a.start - b.start);
}
