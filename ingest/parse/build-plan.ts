/**
 * Plans, opinions, notices and everything else not numbered by articles.
 *
 * Levels are not fixed: a style (一、 （一） 1. （1） ① 一是) takes its meaning
 * from where it first appears. The builder keeps a stack of open numbered
 * nodes; a line in a style already on the stack closes everything below that
 * entry and becomes its sibling, a style not on the stack opens a level below
 * the top. So "一、 … 1. …" (（一） skipped) nests 1. under 一、, and a later
 * "（一）" under another 一、 nests there too.
 *
 * 专栏 boxes get their own stack: their items restart at 1 and use the same
 * styles as the body. A box ends where the body's numbering resumes — a line
 * that continues a sequence open outside the box and does not continue the
 * box's own.
 *
 * 附件 markers ("附件2", or a line repeating a title from the notice's
 * "附件：1.… 2.…" list) start an attachment: a top-level heading with a fresh
 * stack, because an attachment's numbering starts over.
 */
import { draft, isNumbered, type Draft } from './draft.js';
import type { ParseLine } from './lines.js';
import { squeezeCjkSpaces } from './lines.js';
import {
  matchAttachment,
  matchBox,
  matchPlanNumbering,
  splitTitle,
  type PlanMatch,
  type PlanStyle,
} from './line-patterns.js';
import { NOTE_LINE_START, RESPONSIBILITY_NOTE_START } from '../../core/patterns/numbering.js';
import { blockOf, contentsBlock, spanOf, type BuildContext } from './context.js';
import { buildTable, opensTable, tableEnd } from './build-table.js';

/** '标题' marks an unnumbered section title promoted to a heading (see promoteLostTitle). */
type FrameStyle = PlanStyle | '标题';

interface Frame {
  node: Draft;
  style: FrameStyle;
  number: number;
  titleOnly: boolean;
}

interface Scope {
  /** Where numbering starts over: the document, a 专栏 box, an attachment. */
  kind: 'document' | 'box' | 'attachment';
  container: Draft;
  stack: Frame[];
  /** Last number seen per style in this scope, for numbering that runs on across sections (1…29). */
  last: Map<PlanStyle, number>;
}

const newScope = (container: Draft, kind: Scope['kind'] = 'document'): Scope => ({ kind, container, stack: [], last: new Map() });
const topOf = (scope: Scope): Draft => scope.stack.at(-1)?.node ?? scope.container;

/** Builds the plan tree under `root` from line `from` on. */
export function buildPlan(ctx: BuildContext, root: Draft, from = 0): void {
  const { lines } = ctx;
  let outer = newScope(root);
  let box: Scope | undefined;
  const listed = new Map<string, number>();
  const started = new Set<number>();
  let attachments = 0;

  const current = (): Draft => topOf(box ?? outer);

  const startAttachment = (n: number, heading: string | undefined, own: ParseLine[]): void => {
    box = undefined;
    started.add(n);
    attachments = Math.max(attachments, n);
    const node = draft('heading', {
      seg: `att_${n}`,
      label: `附件${n}`,
      ...(heading ? { heading } : {}),
      own: own.map(spanOf),
      at: own[0]!.start,
      cite: 'replace',
      piece: `附件${n}`,
      data: { numbering: '附件' },
    });
    root.children.push(node);
    outer = newScope(node, 'attachment');
  };

  for (let i = from; i < lines.length; i++) {
    const contentsEnd = ctx.contents.get(i);
    if (contentsEnd !== undefined) {
      current().children.push(contentsBlock(lines, i, contentsEnd));
      i = contentsEnd - 1;
      continue;
    }
    const line = lines[i]!;

    if (opensTable(lines, i)) {
      const end = tableEnd(lines, i);
      const table = buildTable(lines.slice(i, end));
      adoptTableTitle(current(), table, lines[i - 1]);
      current().children.push(table);
      i = end - 1;
      continue;
    }

    const attachment = line.cells ? undefined : matchAttachment(line.clean);
    if (attachment?.list) {
      // "附件：1.X" then "2.Y" on the next lines: one block, and the titles to recognize later.
      const block = blockOf(line, 'attachments');
      const first = matchPlanNumbering(attachment.rest);
      listed.set(titleKey(first ? first.rest : attachment.rest), first?.number ?? 1);
      let expected = (first?.number ?? 1) + 1;
      while (i + 1 < lines.length) {
        const next = matchPlanNumbering(lines[i + 1]!.clean);
        if (!next || next.style !== '1.' || next.number !== expected || !splitTitle(next.rest, 40).titleOnly) break;
        block.own.push(spanOf(lines[i + 1]!));
        listed.set(titleKey(next.rest), next.number);
        expected++;
        i++;
      }
      // The list closes the body: it belongs to the document, not to the last section.
      box = undefined;
      outer.stack.length = 0;
      root.children.push(block);
      continue;
    }
    if (attachment && root.children.length <= 1 && root.children.every((c) => c.kind === 'block') && !attachments) {
      // "附件2" heading the text itself: this document is an attachment split off on its own.
      root.children.push(blockOf(line, 'attachment-mark'));
      continue;
    }
    if (attachment) {
      const n = attachment.number ?? attachments + 1;
      const own = [line];
      let heading = attachment.rest ? squeezeCjkSpaces(attachment.rest) : undefined;
      const next = lines[i + 1];
      // The attachment's title usually stands alone on the next line.
      if (!heading && next && !next.cells && isTitleLine(next)) {
        heading = squeezeCjkSpaces(next.clean);
        own.push(next);
        i++;
      }
      startAttachment(n, heading, own);
      continue;
    }
    const listedNumber = line.cells ? undefined : listed.get(titleKey(line.clean));
    if (listedNumber !== undefined && !started.has(listedNumber) && isTitleLine(line)) {
      startAttachment(listedNumber, squeezeCjkSpaces(line.clean), [line]);
      continue;
    }

    if (!line.cells && isColophon(line.clean)) {
      // The closing record (版记: 抄送…, …印发) belongs to the document, not to its last section.
      box = undefined;
      outer.stack.length = 0;
      root.children.push(blockOf(line, 'colophon'));
      continue;
    }

    const boxMatch = line.cells ? undefined : matchBox(line.clean);
    if (boxMatch) {
      box = undefined;
      // A box illustrates the section it stands in, not the last task before it.
      while (outer.stack.length && isTaskLike(outer.stack.at(-1)!)) outer.stack.pop();
      const label = boxMatch.number !== undefined ? `专栏${boxMatch.number}` : '专栏';
      const node = draft('box', {
        ...(boxMatch.number !== undefined ? { seg: `box_${boxMatch.number}` } : { prefix: 'box' }),
        label,
        ...(boxMatch.title ? { heading: boxMatch.title } : {}),
        own: [spanOf(line)],
        at: line.start,
        cite: 'replace',
        piece: label,
        data: { numbering: '专栏' },
      });
      topOf(outer).children.push(node);
      box = newScope(node, 'box');
      continue;
    }

    const m = line.cells ? undefined : (matchPlanNumbering(line.clean) ?? matchLostDot(ctx, line, box ? [box, outer] : [outer]));
    if (m) {
      if (box && leavesBox(m, box, outer)) box = undefined;
      promoteLostTitle(box ?? outer, m);
      addNumbered(ctx, box ?? outer, m, line);
      continue;
    }
    current().children.push(blockOf(line));
  }
  resolveKinds(root);
}

/** The numbers that would continue the numbering of `style` at this point of the scope. */
function expectedNumbers(scope: Scope, style: PlanStyle): number[] {
  const at = scope.stack.map((f) => f.style).lastIndexOf(style);
  if (at >= 0) return [scope.stack[at]!.number + 1];
  const prev = [...topOf(scope).children].reverse().find((c) => c.data.numbering === style);
  return prev ? [(prev.data.number as number) + 1] : [1, (scope.last.get(style) ?? 0) + 1];
}

// Measure words and units that follow a number in prose ("16市", "3个", "5万").
const AFTER_NUMBER_IN_PROSE = /^[年月日号时分秒个万亿千百十元项家条件次倍所座市县区镇村名人户岁天周期批类种台套部处级期届]/;

/**
 * "1建设泛在连接的通信基础设施。实施…": a list number whose dot was lost in
 * extraction. Taken as numbering only when it continues the numbering of the
 * 1. level right here and opens with a title (a bare title line, or a title sentence before the body);
 * reported as info.
 */
function matchLostDot(ctx: BuildContext, line: ParseLine, scopes: Scope[]): PlanMatch | undefined {
  const m = line.clean.match(/^(\d{1,2})(?=[\u4e00-\u9fa5])/);
  if (!m) return undefined;
  const rest = line.clean.slice(m[1]!.length);
  if (AFTER_NUMBER_IN_PROSE.test(rest)) return undefined;
  const number = Number(m[1]);
  if (!scopes.some((scope) => expectedNumbers(scope, '1.').includes(number))) return undefined;
  if (!splitTitle(rest).heading) return undefined;
  ctx.report('info', 'parse/lost-list-dot', `"${m[1]}${rest.slice(0, 8)}…" read as list item ${number}. (its dot was lost)`, line.start);
  return { style: '1.', number, label: `${number}.`, short: String(number), length: m[1]!.length, rest };
}

function addNumbered(ctx: BuildContext, scope: Scope, m: PlanMatch, line: ParseLine): void {
  const expected = [...new Set(expectedNumbers(scope, m.style))];
  const at = scope.stack.map((f) => f.style).lastIndexOf(m.style);
  if (at >= 0) scope.stack.length = at;
  const parent = topOf(scope);
  if (!expected.includes(m.number)) {
    ctx.report(
      'info',
      'parse/numbering-gap',
      `${m.label} where ${expected.join(' or ')} was expected in style ${m.style}`,
      line.start,
    );
  }
  const depth = scope.stack.length + 1;
  const { heading, titleOnly, titleSentence } = splitTitle(m.rest);
  // No seg: finalize names it lvl<depth>_<number>, the depth counted in the final tree.
  const node = draft('task', {
    label: m.label,
    ...(heading ? { heading } : {}),
    own: [spanOf(line)],
    at: line.start,
    cite: 'append',
    piece: piece(scope, depth, m),
    data: { numbering: m.style, number: m.number, titleOnly, titleSentence, ...(scope.kind === 'box' ? { inBox: true } : {}) },
  });
  parent.children.push(node);
  scope.stack.push({ node, style: m.style, number: m.number, titleOnly });
  scope.last.set(m.style, m.number);
}

/**
 * What a numbered entry adds to a citation: its short label (二（一）3). Right
 * after 专栏3 or 附件2 a bare number would run into theirs (附件21), so there
 * the first level reads 第1项 / 第一部分.
 */
function piece(scope: Scope, depth: number, m: PlanMatch): string {
  if (scope.kind === 'document' || depth > 1) return m.short;
  if (m.style === '1.' || m.style === '①') return `第${m.short}项`;
  if (m.style === '一、') return `第${m.short}部分`;
  return m.short;
}

/** A numbered entry with body text and nothing numbered under it yet. */
function isTaskLike(frame: Frame): boolean {
  return !frame.titleOnly && !frame.node.children.some((c) => isNumbered(c) || c.kind === 'box' || c.kind === 'table');
}

/**
 * Whether a numbered line inside a box belongs to the body instead: it
 * continues a numbering open outside (the next （二） after the box's section,
 * the next task "3." after tasks 1–2) and does not continue the box's own list.
 * When it fits both, the box keeps it unless its shape (a bare title vs. a
 * task with text) matches the outer entry and not the box's.
 */
function leavesBox(m: PlanMatch, box: Scope, outer: Scope): boolean {
  const inBox = [...box.stack].reverse().find((f) => f.style === m.style);
  const boxFits = inBox ? m.number === inBox.number + 1 : m.number === 1;
  const inOuter = [...outer.stack].reverse().find((f) => f.style === m.style);
  let outerNext: number | undefined;
  let outerTitleOnly: boolean | undefined;
  if (inOuter) {
    outerNext = inOuter.number + 1;
    outerTitleOnly = inOuter.titleOnly;
  } else {
    const prev = [...topOf(outer).children].reverse().find((c) => c.data.numbering === m.style);
    if (prev) {
      outerNext = (prev.data.number as number) + 1;
      outerTitleOnly = prev.data.titleOnly as boolean;
    }
  }
  // A numbering starting over right after an unnumbered title line in the box
  // ("政策机制"): the body's sections go on, the box is over.
  if (m.number === 1 && !inBox && outerNext !== undefined && trailingTitle(box.container)) return true;
  const outerFits = outerNext === m.number;
  if (outerFits && !boxFits) return true;
  if (!outerFits) return !boxFits && !!inOuter;
  const titleOnly = splitTitle(m.rest).titleOnly;
  return inBox !== undefined && titleOnly === outerTitleOnly && titleOnly !== inBox.titleOnly;
}

/**
 * A numbered entry is a `heading` when it is only a short title or has
 * numbered entries, boxes or tables under it; otherwise it is a `task` (its
 * unnumbered follow-up paragraphs are blocks inside it).
 */
function resolveKinds(node: Draft): void {
  for (const child of node.children) resolveKinds(child);
  if (!isNumbered(node) || node.kind !== 'task') return;
  const grouping = node.children.some((c) => isNumbered(c) || c.kind === 'box' || c.kind === 'table' || c.kind === 'heading');
  // Paragraphs under a one-sentence line make it their title; a responsibility note does not.
  const isNote = (c: Draft) => c.kind === 'block' && (RESPONSIBILITY_NOTE_START.test(String(c.data.clean ?? '')) || NOTE_LINE_START.test(String(c.data.clean ?? '')));
  const paragraphs = node.children.some((c) => !isNote(c));
  // In a box a bare numbered line is one of its listed projects, not a title.
  const listed = node.data.inBox === true && node.children.length === 0;
  // A short item followed only by its owner notes is a task (1.地区生产总值增长5%以上。 / 责任单位：…), not a title.
  const target = node.children.length > 0 && !paragraphs;
  if (!listed && ((node.data.titleOnly && !target) || grouping || (node.data.titleSentence && paragraphs))) {
    node.kind = 'heading';
  } else if (node.data.titleSentence && !node.data.titleOnly) {
    // A short task is all body: no separate title sentence.
    delete node.heading;
  }
}

/**
 * A numbering that starts over (（一） again while （三） is open) right after
 * an unnumbered short title line ("主要任务", "政策机制"): the section's own
 * number was lost in extraction, so the title line becomes an unnumbered
 * `heading` holding the new run — and, the first time, the run before it gets
 * the same treatment if a title line introduced it too.
 */
function promoteLostTitle(scope: Scope, m: PlanMatch): void {
  if (m.number !== 1) return;
  let at = scope.stack.map((f) => f.style).lastIndexOf(m.style);
  // The earlier run may be closed already (by a box that followed it): then it hangs under the top.
  if (at < 0) {
    if (!topOf(scope).children.some((c) => c.data.numbering === m.style)) return;
    at = scope.stack.length;
  }
  let found: { holder: Draft; block: Draft } | undefined;
  for (let k = scope.stack.length - 1; k >= at && !found; k--) found = trailingTitle(scope.stack[k]!.node);
  found ??= trailingTitle(at > 0 ? scope.stack[at - 1]!.node : scope.container);
  if (!found) return;
  scope.stack.length = at;
  // Promoted sections are siblings of each other.
  while (scope.stack.at(-1)?.style === '标题') scope.stack.pop();
  const parent = topOf(scope);
  found.holder.children.splice(found.holder.children.indexOf(found.block), 1);
  if (!parent.children.some((c) => c.data.numbering === '标题')) wrapFirstSection(parent, m.style);
  const node = titleHeading(found.block);
  parent.children.push(node);
  scope.stack.push({ node, style: '标题', number: 0, titleOnly: true });
}

/** Wraps the first run of `style` in a heading when a title line stands before it (blocks in between allowed). */
function wrapFirstSection(parent: Draft, style: PlanStyle): void {
  const first = parent.children.findIndex((c) => c.data.numbering === style);
  for (let j = first - 1; j >= 0; j--) {
    const c = parent.children[j]!;
    if (c.kind !== 'block') return;
    if (!isTitleText(String(c.data.clean ?? ''))) continue;
    const heading = titleHeading(c);
    heading.children = parent.children.splice(j + 1);
    parent.children[j] = heading;
    return;
  }
}

function titleHeading(block: Draft): Draft {
  const title = squeezeCjkSpaces(String(block.data.clean ?? ''));
  return draft('heading', {
    prefix: 'hd',
    heading: title,
    own: block.own,
    at: block.at,
    cite: 'append',
    piece: title,
    data: { numbering: '标题' },
  });
}

/** The title-like block a node (or the box it ends with) ends with. */
function trailingTitle(node: Draft): { holder: Draft; block: Draft } | undefined {
  let holder = node;
  let last = node.children.at(-1);
  if (last?.kind === 'box') {
    holder = last;
    last = last.children.at(-1);
  }
  if (last?.kind === 'block' && !last.data.role && isTitleText(String(last.data.clean ?? ''))) return { holder, block: last };
  return undefined;
}

/** A line of the closing record of GB/T 9704 (版记): 抄送：…, 主送：…, "…办公厅 2020年3月23日印发". */
function isColophon(s: string): boolean {
  return /^(抄送|抄报|主送|分送)[：:]/.test(s) || /\d{4}年\d{1,2}月\d{1,2}日印发$/.test(s.replace(/\s/g, ''));
}

/** A short phrase with no punctuation, no numbering, no responsibility note: a section title. */
function isTitleText(s: string): boolean {
  return (
    s.length >= 2 &&
    s.length <= 20 &&
    !/[。；，：！？、,.:;（）()\t]/.test(s) &&
    !matchPlanNumbering(s) &&
    !/^\d/.test(s)
  );
}

/**
 * A table's title printed on the line just above it ("…主要指标", "…一览表")
 * was emitted as a block; it moves into the table as its heading.
 */
function adoptTableTitle(parent: Draft, table: Draft, above: ParseLine | undefined): void {
  const last = parent.children.at(-1);
  if (!above || table.heading || last?.kind !== 'block' || last.own.length !== 1 || last.own[0]!.start !== above.start) return;
  if (!isTitleLine(above) || !/(表|指标|清单|目录|一览)$/.test(above.clean)) return;
  parent.children.pop();
  table.heading = squeezeCjkSpaces(above.clean);
  table.own.unshift(spanOf(above));
  table.at = above.start;
}

/** A line that can be a title: short, no sentence punctuation, not numbered. */
function isTitleLine(line: ParseLine): boolean {
  return line.clean.length <= 40 && !/[。；，！？]/.test(line.clean) && !matchPlanNumbering(line.clean);
}

function titleKey(s: string): string {
  return squeezeCjkSpaces(s).replace(/[《》“”"'‘’\s]/g, '');
}
