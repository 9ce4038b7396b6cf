import { z } from 'zod';
import type { PolicyDocument } from '../model/document.js';
import type { PolicyNode } from '../model/tree.js';
import { parseNumeral } from './numerals.js';
import { renameClauseId } from '../ids/ids.js';

/**
 * What resolution needs to know about the documents citations may point to:
 * titles, versions, 文号, short names, and the article → paragraph → item ids of
 * legal texts. Plain data (no Maps), so ingest builds it from parsed documents
 * and the API builds the same thing from the index, and both resolve with the
 * same code.
 */

export const LibraryItem = z.object({ number: z.number().int().positive(), id: z.string() });
export const LibraryParagraph = z.object({
  number: z.number().int().positive(),
  id: z.string(),
  items: z.array(LibraryItem),
});
export const LibraryArticle = z.object({
  number: z.number().int().positive(),
  id: z.string(),
  paragraphs: z.array(LibraryParagraph),
});
export type LibraryArticle = z.infer<typeof LibraryArticle>;

export const LibraryDocument = z.object({
  id: z.string(),
  title: z.string(),
  version: z.string().optional(),
  docNumber: z.string().optional(),
  kind: z.string().optional(),
  issuer: z.string().optional(),
  year: z.number().int().optional(),
  /** Short names other documents define for it (（以下简称《…》）), beyond the general short forms. */
  aliases: z.array(z.string()).default([]),
  /** Articles in document order; empty for texts not divided into articles. */
  articles: z.array(LibraryArticle).default([]),
});
export type LibraryDocument = z.infer<typeof LibraryDocument>;

/** The fields of a catalogue (附表) entry resolution uses (ingest/split/catalogue.ts CatalogueEntry has them). */
export const LibraryCatalogueEntry = z.object({
  id: z.string(),
  number: z.number().int().optional(),
  title: z.string(),
  date: z.string().optional(),
  issuer: z.string().optional(),
});
export type LibraryCatalogueEntry = z.infer<typeof LibraryCatalogueEntry>;

export const ReferenceLibrary = z.object({
  documents: z.array(LibraryDocument),
  catalogue: z.array(LibraryCatalogueEntry),
});
export type ReferenceLibrary = z.infer<typeof ReferenceLibrary>;

/** The number in a label: 第二十二条 → 22, 第三款 → 3, （一） → 1, 3. → 3. */
export function labelNumber(label: string | undefined): number | undefined {
  if (!label) return undefined;
  const m = /^\s*第?\s*[（(]?\s*([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)\s*[）)]?\s*[条款项目]?[、.．]?\s*$/u.exec(label);
  return m ? parseNumeral(m[1]!) : undefined;
}

/** A clause as the index stores it: enough to rebuild the article tree. */
export interface ClauseLike {
  id: string;
  kind: string;
  label?: string;
  parentId?: string;
  /** Document order, to number paragraphs by position when their label says nothing. */
  order?: number;
}

/**
 * Builds the article → paragraph → item table from clauses in document order.
 * Paragraphs are numbered by their 第N款 label, else by position; items by their
 * （N） label. Items hanging directly under an article count as its paragraph 1.
 */
export function articlesFromClauses(clauses: readonly ClauseLike[]): LibraryArticle[] {
  const sorted = [...clauses].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const articles = new Map<string, LibraryArticle>();
  const paragraphs = new Map<string, z.infer<typeof LibraryParagraph>>();
  const out: LibraryArticle[] = [];
  for (const c of sorted) {
    if (c.kind === 'article') {
      const number = labelNumber(c.label);
      if (number === undefined) continue;
      const art: LibraryArticle = { number, id: c.id, paragraphs: [] };
      articles.set(c.id, art);
      out.push(art);
    } else if (c.kind === 'paragraph' && c.parentId && articles.has(c.parentId)) {
      const art = articles.get(c.parentId)!;
      const para = { number: labelNumber(c.label) ?? art.paragraphs.length + 1, id: c.id, items: [] };
      art.paragraphs.push(para);
      paragraphs.set(c.id, para);
    } else if (c.kind === 'item' && c.parentId) {
      const number = labelNumber(c.label);
      if (number === undefined) continue;
      let para = paragraphs.get(c.parentId);
      const art = articles.get(c.parentId);
      if (!para && art) {
        para = art.paragraphs[0] ?? { number: 1, id: art.id, items: [] };
        if (!art.paragraphs.length) art.paragraphs.push(para);
      }
      para?.items.push({ number, id: c.id });
    }
  }
  return out;
}

function clausesOf(root: PolicyNode): ClauseLike[] {
  const out: ClauseLike[] = [];
  let order = 0;
  const visit = (node: PolicyNode, parent?: PolicyNode) => {
    out.push({ id: node.id, kind: node.kind, label: node.label, parentId: parent?.id, order: order++ });
    for (const child of node.children) visit(child, node);
  };
  visit(root);
  return out;
}

/** A library entry from a document's metadata and its article table. `aliases` are short names other documents define for it. */
export function libraryEntry(
  meta: Pick<PolicyDocument, 'id' | 'title' | 'kind' | 'version' | 'docNumber' | 'issuer' | 'year' | 'date'>,
  articles: LibraryArticle[],
  aliases: string[] = [],
): LibraryDocument {
  const entry: LibraryDocument = { id: meta.id, title: meta.title, kind: meta.kind, aliases, articles };
  if (meta.version) entry.version = meta.version;
  if (meta.docNumber) entry.docNumber = meta.docNumber;
  if (meta.issuer) entry.issuer = meta.issuer;
  const year = meta.year ?? (meta.date ? Number(meta.date.slice(0, 4)) : undefined);
  if (year) entry.year = year;
  return entry;
}

/** The library entry of a parsed document. `aliases` are short names other documents define for it. */
export function libraryDocumentFromPolicy(doc: PolicyDocument, aliases: string[] = []): LibraryDocument {
  return libraryEntry(doc, articlesFromClauses(clausesOf(doc.root)), aliases);
}

/**
 * The same article table under another document id (node ids are
 * `${docId}--${eId}`), for a document renamed after it was parsed.
 */
export function renameArticles(articles: LibraryArticle[], from: string, to: string): LibraryArticle[] {
  if (from === to) return articles;
  const rename = (id: string) => renameClauseId(id, from, to);
  return articles.map((a) => ({
    ...a,
    id: rename(a.id),
    paragraphs: a.paragraphs.map((p) => ({ ...p, id: rename(p.id), items: p.items.map((i) => ({ ...i, id: rename(i.id) })) })),
  }));
}

/** A library from library entries (aliases set from `aliases`, by doc id) and the catalogue. */
export function libraryOf(
  entries: readonly LibraryDocument[],
  catalogue: readonly LibraryCatalogueEntry[],
  aliases: ReadonlyMap<string, string[]> = new Map(),
): ReferenceLibrary {
  return {
    documents: entries.map((e) => ({ ...e, aliases: aliases.get(e.id) ?? e.aliases })),
    catalogue: catalogue.map((e) => ({ id: e.id, number: e.number, title: e.title, date: e.date, issuer: e.issuer })),
  };
}
