import type { PolicyDocument } from '../../core/model/document.js';
import { walk, type PolicyNode } from '../../core/model/tree.js';
import { countNodesByKind } from '../parse/index.js';
import type { Segmenter } from '../../core/segment/index.js';
import { toSearchField } from '../../core/segment/search-field.js';
import type { SourceFile } from '../stages.js';
import type { ClauseDoc, DocumentDoc, OutlineNode, Owner, PathEntry } from '../../core/index/schemas.js';
import { toDateNumbers, type DocumentDates } from '../../core/model/dates.js';

const NO_DATES: DocumentDates = { amended: [] };

/**
 * Kinds whose text already includes their descendants' text. A descendant of
 * such a unit is still indexed (it has its own permalink) but is not returned
 * by default search, so one article does not fill a page with its paragraphs.
 */
const UNIT_KINDS = new Set(['article', 'task', 'row', 'excerpt', 'entry']);

function pathEntry(n: PolicyNode): PathEntry {
  return { id: n.id, kind: n.kind, ...(n.label ? { label: n.label } : {}), ...(n.heading ? { heading: n.heading } : {}) };
}

function pathWords(path: PathEntry[]): string {
  return path
    .slice(1)
    .map((p) => [p.label, p.heading].filter(Boolean).join(' '))
    .join(' ');
}

/**
 * Flattens a document's tree into one index document per node (the root too:
 * its text is the document's lead). Pure apart from the segmenter.
 */
export function toClauseDocs(doc: PolicyDocument, segmenter: Segmenter, originals?: Map<string, string>): ClauseDoc[] {
  const nodes = [...walk(doc.root)];
  const out: ClauseDoc[] = [];
  // Every clause carries its document's dates as numbers: status filters and sorting work on clauses directly.
  const numbers = toDateNumbers(doc.dates ?? NO_DATES);
  const effectiveFrom = doc.dates?.effectiveFrom?.date;
  const siblingsOf = new Map<string, PolicyNode[]>();
  for (const [node] of nodes) siblingsOf.set(node.id, node.children);
  nodes.forEach(([node, ancestors], order) => {
    const parent = ancestors.at(-1);
    const siblings = parent ? siblingsOf.get(parent.id)! : [node];
    const i = siblings.indexOf(node);
    const path = ancestors.map(pathEntry);
    const owners = ((node.data?.owners as Owner[] | undefined) ?? []).slice();
    const years = [...new Set((node.data?.years as number[] | undefined) ?? [])];
    const underUnit = ancestors.some((a) => UNIT_KINDS.has(a.kind));
    out.push({
      id: node.id,
      docId: doc.id,
      docTitle: doc.title,
      docKind: doc.kind,
      ...(doc.issuer ? { issuer: doc.issuer } : {}),
      ...(doc.year ? { year: doc.year } : {}),
      ...(doc.date ? { date: doc.date } : {}),
      ...(doc.maker ? { maker: doc.maker } : {}),
      ...(effectiveFrom ? { effectiveFrom } : {}),
      ...numbers,
      kind: node.kind,
      ...(node.label ? { label: node.label } : {}),
      ...(node.heading ? { heading: node.heading } : {}),
      text: node.text,
      originalText: originals?.get(node.id) ?? node.text,
      citation: node.citation,
      path,
      ...(parent ? { parentId: parent.id } : {}),
      ...(i > 0 ? { prevId: siblings[i - 1]!.id } : {}),
      ...(i >= 0 && i < siblings.length - 1 ? { nextId: siblings[i + 1]!.id } : {}),
      childIds: node.children.map((c) => c.id),
      order,
      depth: ancestors.length,
      isUnit: node.kind !== 'document' && !underUnit && (node.text.trim().length > 0 || !!node.heading),
      ...(node.data?.source ? { source: node.data.source } : {}),
      departments: [...new Set(owners.map((o) => o.department))],
      departmentRoles: [...new Set(owners.map((o) => `${o.department}:${o.role}`))],
      owners,
      years,
      // The heading's own words only: with its sub-words and characters, one character of a query
      // word in a heading (安全 of 国家安全审查) outranked articles holding every word (the attribute rule).
      headingSeg: toSearchField(segmenter.indexTokens([node.label, node.heading].filter(Boolean).join(' '), { extra: false })),
      textSeg: toSearchField(segmenter.indexTokens(node.text)),
      pathSeg: toSearchField(segmenter.indexTokens(`${doc.title} ${pathWords(path)}`)),
    });
  });
  return out;
}

/** The original wording of every node, through the file's offset map. */
export function originalTexts(doc: PolicyDocument, files: Map<string, SourceFile>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [node] of walk(doc.root)) {
    const src = node.data?.source;
    const file = src ? files.get(src.path) : undefined;
    if (src && file) out.set(node.id, file.text.slice(src.start, src.end));
  }
  return out;
}

export function toOutline(node: PolicyNode): OutlineNode {
  return {
    id: node.id,
    kind: node.kind,
    ...(node.label ? { label: node.label } : {}),
    ...(node.heading ? { heading: node.heading } : {}),
    children: node.children.map(toOutline),
  };
}

/** Nodes by kind, the root left out (a document's counts describe its contents). */
export function countByKind(root: PolicyNode): Record<string, number> {
  const { document: _root, ...counts } = countNodesByKind(root);
  return counts;
}

/** The `documents` index entry for one logical document. */
export function toDocumentDoc(doc: PolicyDocument, order: number, aliases: string[], segmenter: Segmenter): DocumentDoc {
  return {
    id: doc.id,
    title: doc.title,
    kind: doc.kind,
    ...(doc.issuer ? { issuer: doc.issuer } : {}),
    ...(doc.date ? { date: doc.date } : {}),
    ...(doc.year ? { year: doc.year } : {}),
    ...(doc.docNumber ? { docNumber: doc.docNumber } : {}),
    ...(doc.version ? { version: doc.version } : {}),
    sources: doc.sources,
    attachments: doc.attachments ?? [],
    ...(doc.attachmentOf ? { attachmentOf: doc.attachmentOf } : {}),
    ...(doc.partOf ? { partOf: doc.partOf } : {}),
    counts: countByKind(doc.root),
    outline: toOutline(doc.root),
    aliases,
    titleSeg: toSearchField(segmenter.indexTokens([doc.title, ...aliases].join(' '))),
    order,
    dates: doc.dates ?? NO_DATES,
    ...(doc.maker ? { maker: doc.maker } : {}),
    ...(doc.meeting ? { meeting: doc.meeting } : {}),
    ...toDateNumbers(doc.dates ?? NO_DATES),
  };
}
