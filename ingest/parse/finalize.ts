/**
 * Turns a draft tree into PolicyNodes: ids, citations, text, positions and
 * source spans are derived here, in one place.
 *
 * - eId: the path of segments from the root, joined by "__" (chp_3__art_34__para_2).
 *   Unnumbered nodes (blk, table, row, exc, unnumbered box) are numbered by
 *   position among their siblings of the same prefix. A repeated eId gets _b,
 *   _c… in document order and a 'parse/duplicate-eid' message.
 * - text: for units (article, paragraph, item, subitem, task, row, excerpt,
 *   entry, block) every line of the node and its descendants; for containers
 *   (document, part, chapter, section, heading, box, table) only their own lead
 *   line(s). Lines are joined by "\n"; parts of one line are joined as printed.
 * - position: always the full extent, descendants included.
 */
import type { PolicyNode, SourceSpan } from '../../core/model/tree.js';
import type { TextMessage } from '../../core/model/messages.js';
import type { Draft, Span } from './draft.js';
import { childEId, clauseId, eIdSegment, repeatedEId } from '../../core/ids/ids.js';

const UNIT_KINDS = new Set(['article', 'paragraph', 'item', 'subitem', 'task', 'row', 'excerpt', 'entry', 'block']);
/** Draft bookkeeping that does not belong in the published tree. */
const PRIVATE_DATA = new Set(['titleOnly', 'titleSentence', 'clean', 'inBox']);

export interface FinalizeOptions {
  docId: string;
  /** The title as cited, without 《》: 山东省数字基础设施建设行动方案（2024-2025年）. */
  citeTitle: string;
  /** The slice text that spans point into. */
  text: string;
  /** Maps a span of the slice text to the original file. */
  toSource: (start: number, end: number) => SourceSpan;
  report: (severity: TextMessage['severity'], rule: string, message: string, at: number) => void;
}

interface Walk {
  opts: FinalizeOptions;
  used: Set<string>;
  /** Tables numbered within their attachment (keyed by its eId) or the document (''). */
  tables: Map<string, number>;
}

/** Builds the final tree from the draft root (kind 'document'). */
export function finalizeTree(root: Draft, opts: FinalizeOptions): PolicyNode {
  const walk: Walk = { opts, used: new Set(['']), tables: new Map() };
  const cite = `《${opts.citeTitle}》`;
  const children = finalizeChildren(root, walk, { eId: '', planDepth: 0, cite, childCite: cite, attachment: undefined });
  const lead = leadText(root, opts.text);
  return {
    kind: 'document',
    id: opts.docId,
    eId: '',
    heading: opts.citeTitle,
    text: lead || opts.citeTitle,
    citation: cite,
    position: { start: { offset: 0 }, end: { offset: opts.text.length } },
    children,
    data: { source: opts.toSource(0, opts.text.length) },
  };
}

interface Parent {
  eId: string;
  /** Plan levels above (一、 （一） 1. … and promoted titles), counted from the document, box or attachment. */
  planDepth: number;
  cite: string;
  /** The base for children's citations (an article's, for items of its only paragraph). */
  childCite: string;
  /** Citation of the attachment this subtree is in, if any. */
  attachment: { eId: string; cite: string } | undefined;
}

function finalizeChildren(d: Draft, walk: Walk, parent: Parent): PolicyNode[] {
  const counters = new Map<string, number>();
  return d.children.map((child) => {
    let seg = child.seg;
    let position: number | undefined;
    if (!seg && isPlanLevel(child) && typeof child.data.number === 'number') {
      seg = `lvl${parent.planDepth + 1}_${child.data.number}`;
    } else if (!seg) {
      const prefix = child.prefix ?? child.kind;
      position = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, position);
      seg = `${prefix}_${position}`;
    }
    return finalizeNode(child, seg, position, walk, parent, d);
  });
}

function finalizeNode(d: Draft, rawSeg: string, position: number | undefined, walk: Walk, parent: Parent, parentDraft: Draft): PolicyNode {
  const { opts } = walk;
  const seg = eIdSegment(rawSeg);
  const base = childEId(parent.eId, seg);
  let eId = base;
  for (let k = 1; walk.used.has(eId); k++) eId = repeatedEId(base, k);
  if (eId !== base) {
    opts.report('warning', 'parse/duplicate-eid', `${d.label ?? seg} appears twice at the same place; kept as ${eId}`, d.at);
  }
  walk.used.add(eId);

  const docCite = `《${opts.citeTitle}》`;
  let citation: string;
  switch (d.cite) {
    case 'append':
      citation = parent.childCite + (d.kind === 'row' ? `第${d.label ?? position}行` : (d.piece ?? ''));
      break;
    case 'replace':
      citation = docCite + (d.piece ?? '');
      break;
    case 'table': {
      const key = parent.attachment?.eId ?? '';
      const n = (walk.tables.get(key) ?? 0) + 1;
      walk.tables.set(key, n);
      citation = `${parent.attachment?.cite ?? docCite}表${n}`;
      break;
    }
    default:
      citation = parent.cite;
  }

  // Items of an article's only paragraph are cited from the article (第二十一条第（一）项).
  let childCite = citation;
  if (d.kind === 'paragraph' && parentDraft.children.filter((c) => c.kind === 'paragraph').length === 1) {
    childCite = parent.cite;
  }
  const attachment = d.data.numbering === '附件' ? { eId, cite: citation } : parent.attachment;
  const planDepth = d.kind === 'box' || d.data.numbering === '附件' ? 0 : parent.planDepth + (isPlanLevel(d) ? 1 : 0);
  const children = finalizeChildren(d, walk, { eId, planDepth, cite: citation, childCite, attachment });

  const all = collectSpans(d);
  const start = all.length ? Math.min(...all.map((s) => s.start)) : d.at;
  const end = all.length ? Math.max(...all.map((s) => s.end)) : d.at;
  const text = joinSpans(UNIT_KINDS.has(d.kind) ? all : [...d.own].sort((a, b) => a.start - b.start), opts.text);

  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d.data)) if (!PRIVATE_DATA.has(k)) data[k] = v;
  data.source = opts.toSource(start, end);

  return {
    kind: d.kind,
    id: clauseId(opts.docId, eId),
    eId,
    ...(d.label ? { label: d.label } : {}),
    ...(d.heading ? { heading: d.heading } : {}),
    text,
    citation,
    position: { start: { offset: start }, end: { offset: end } },
    children,
    data,
  };
}

/** A plan level: a numbered heading or task (一、 （一） 1. （1） ① 一是), or a promoted unnumbered title. */
function isPlanLevel(d: Draft): boolean {
  return (d.kind === 'heading' || d.kind === 'task') && typeof d.data.numbering === 'string' && d.data.numbering !== '附件' && d.data.numbering !== '年';
}

function collectSpans(d: Draft): Span[] {
  const out: Span[] = [];
  const visit = (n: Draft): void => {
    out.push(...n.own);
    n.children.forEach(visit);
  };
  visit(d);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The words of sorted spans: two spans on the same line are joined by what
 * stands between them (the blank after 第一条), spans on different lines by "\n".
 */
export function joinSpans(spans: Span[], text: string): string {
  let out = '';
  let prev: Span | undefined;
  for (const span of spans) {
    if (span.end <= span.start) continue;
    const words = cleanSpan(text.slice(span.start, span.end));
    if (!words) continue;
    if (prev) {
      const between = text.slice(prev.end, span.start);
      out += between.includes('\n') || between.length > 40 ? '\n' : between;
    }
    out += words;
    prev = span;
  }
  return out;
}

/** Lines of a span without indentation, Markdown markers or blank lines. */
function cleanSpan(s: string): string {
  return s
    .split('\n')
    .map((l) =>
      l
        .replace(/^[ \u3000\u00a0\ufeff]+|[ \u3000\u00a0\r]+$/g, '')
        .replace(/^(?:#{1,6}[ \u3000]+|[-*+>][ \u3000]+)/, ''),
    )
    .filter((l) => l.replace(/\t/g, '').trim())
    .join('\n');
}

/** The document's lead: the blocks before its first structural child (title, date line, preface), contents excluded. */
function leadText(root: Draft, text: string): string {
  const spans: Span[] = [];
  for (const child of root.children) {
    if (child.kind !== 'block') break;
    if (child.data.role === 'toc') continue;
    spans.push(...child.own);
  }
  return joinSpans(spans, text);
}
