import type { PolicyDocument } from '../../core/model/document.js';
import { textMessage, type TextMessage } from '../../core/model/messages.js';
import type { PolicyNode, SourceSpan } from '../../core/model/tree.js';
import type { DocumentSlice } from '../stages.js';
import { toOriginalOffset } from '../normalize/index.js';
import { draft, type Draft } from './draft.js';
import { squeezeCjkSpaces, toParseLines } from './lines.js';
import { findContents } from './contents.js';
import type { BuildContext } from './context.js';
import { buildLegal, looksLegal } from './build-legal.js';
import { buildPlan } from './build-plan.js';
import { buildSpeeches } from './build-speeches.js';
import { finalizeTree } from './finalize.js';

/**
 * The `parse` stage: one document's slice → its clause tree.
 *
 * The structure is chosen from the text, not only from `slice.kind`: a body
 * numbered 第一条, 第二条 … is parsed as a legal text (编/章/节/条/款/项/目)
 * whatever its kind; kind 'speeches' gives year headings and excerpts;
 * everything else (plans, opinions, notices, catalogues, compilations' front
 * matter) gets plan levels, boxes and tables. Problems in the text become
 * `messages` (with offsets in the original file); nothing here throws on text.
 *
 * Metadata is copied from the slice. `sources` holds the one file this copy
 * came from, marked chosen; `attachments` is empty, and `attachmentOf` /
 * `partOf` are left for the caller, which knows the other slices' ids.
 */
export function parseDocument(slice: DocumentSlice, docId: string): PolicyDocument {
  const path = slice.file.source.path;
  const map = slice.file.map;
  const toOriginal = (offset: number, bias: 'start' | 'end' = 'start'): number =>
    toOriginalOffset(map, slice.start + offset, bias);
  const toSource = (start: number, end: number): SourceSpan => {
    const s = toOriginal(start);
    return { path, start: s, end: Math.max(s, toOriginal(end, 'end')) };
  };
  const messages: TextMessage[] = [...slice.messages];
  const report: BuildContext['report'] = (severity, rule, message, at) => {
    messages.push(textMessage(severity, rule, message, { path, offset: toOriginal(at) }));
  };

  const lines = toParseLines(slice.text);
  const contents = new Map(findContents(lines).map((r) => [r.start, r.end] as const));
  const ctx: BuildContext = { lines, contents, report };
  const root = draft('document', { at: 0 });

  if (slice.kind === 'speeches') {
    buildSpeeches(ctx, root);
  } else if (looksLegal(lines)) {
    const next = buildLegal(ctx, root);
    // What follows the articles after an 附件 marker is an attachment in plan form.
    if (next < lines.length) buildPlan(ctx, root, next);
  } else {
    if (slice.kind === 'law' || slice.kind === 'regulation') {
      report('info', 'parse/no-articles', `a ${slice.kind} without 第一条…: parsed by plan numbering`, 0);
    }
    buildPlan(ctx, root);
  }
  markFrontMatter(root, slice);

  const tree: PolicyNode = finalizeTree(root, {
    docId,
    citeTitle: citationTitle(slice),
    text: slice.text,
    toSource,
    report,
  });

  const date = slice.date;
  const year = date?.match(/^(\d{4})/)?.[1];
  return {
    id: docId,
    title: slice.title,
    kind: slice.kind,
    ...(slice.issuer ? { issuer: slice.issuer } : {}),
    ...(date ? { date } : {}),
    ...(year ? { year: Number(year) } : {}),
    ...(slice.docNumber ? { docNumber: slice.docNumber } : {}),
    ...(slice.version ? { version: slice.version } : {}),
    sources: [
      {
        path,
        start: toOriginalOffset(map, slice.start),
        end: Math.max(toOriginalOffset(map, slice.start), toOriginalOffset(map, slice.end, 'end')),
        artifacts: slice.file.artifacts,
        chosen: true,
      },
    ],
    attachments: [],
    text: slice.text,
    root: tree,
    messages,
  };
}

/**
 * The title as cited: the title plus a version that is part of the official
 * name — a period （2024-2025年） or 试行/暂行/修订 — but not a drafting stage
 * such as （会签稿）, which identifies a copy rather than the document.
 */
export function citationTitle(slice: Pick<DocumentSlice, 'title' | 'version'>): string {
  const title = slice.title.replace(/^《|》$/g, '').trim();
  const version = slice.version?.trim().replace(/^\(/, '（').replace(/\)$/, '）');
  if (!version || !/\d{4}|试行|暂行|修订|修正/.test(version)) return title;
  const key = (s: string): string => squeezeCjkSpaces(s).replace(/[()（）]/g, '');
  if (key(title).endsWith(key(version))) return title;
  return `${title}${/^（/.test(version) ? version : `（${version}）`}`;
}

/** Marks the leading root blocks that are the title line(s) and the date/adoption line under them. */
function markFrontMatter(root: Draft, slice: DocumentSlice): void {
  const text = slice.text;
  const key = (s: string): string => squeezeCjkSpaces(s).replace(/[《》()（）“”"\s#*]/g, '');
  const title = key(`${slice.title}${slice.version ?? ''}`);
  for (const child of root.children) {
    if (child.kind !== 'block' || child.data.role) break;
    const words = key(child.own.map((s) => text.slice(s.start, s.end)).join(''));
    if (words && title.includes(words)) child.data.role = 'title';
    else if (/^\d{4}年(\d{1,2}月)?(\d{1,2}日)?.{0,40}$/.test(words)) child.data.role = 'date';
    else break;
  }
}
