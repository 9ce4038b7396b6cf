import { z } from 'zod';
import { ApiError } from '../errors.js';
import { INDEX } from '../../ingest/to-index/index-names.js';
import type { ClauseDoc, DocumentDoc } from '../../ingest/to-index/schemas.js';
import type { ClauseDetail, DocumentDetail, DocumentListQuery, DocumentSummary } from '../schemas/documents.js';
import { and, eq } from './filter.js';
import type { IndexReader } from './index-reader.js';
import { breadcrumb } from './search-service.js';
import { clausePage, clauseUrl, documentPage, documentUrl } from './urls.js';


type Summary = z.infer<typeof DocumentSummary>;

/** One unit of a document's text, for reading it whole. */
export type DocumentUnit = Pick<ClauseDoc, 'id' | 'kind' | 'label' | 'heading' | 'text' | 'depth' | 'owners'>;
const UNIT_PAGE = 1000;
/** A guard against a runaway document: no policy text has this many units. */
const MAX_UNITS = 20_000;

const SUMMARY_FIELDS = ['id', 'title', 'kind', 'issuer', 'date', 'year', 'docNumber', 'version', 'partOf', 'attachmentOf', 'counts'];

function summary(d: Partial<DocumentDoc> & Pick<DocumentDoc, 'id' | 'title' | 'kind' | 'counts'>): Summary {
  const { id, title, kind, issuer, date, year, docNumber, version, partOf, attachmentOf, counts } = d;
  return {
    id, title, kind, counts,
    ...(issuer ? { issuer } : {}),
    ...(date ? { date } : {}),
    ...(year ? { year } : {}),
    ...(docNumber ? { docNumber } : {}),
    ...(version ? { version } : {}),
    ...(partOf ? { partOf } : {}),
    ...(attachmentOf ? { attachmentOf } : {}),
    url: documentUrl(id),
    page: documentPage(id),
  };
}

/** Documents and clauses by id, straight from the index. */
export function createDocumentService(reader: IndexReader) {
  return {
    async list(q: z.infer<typeof DocumentListQuery>) {
      const filter = and(q.kind && eq('kind', q.kind), q.issuer && eq('issuer', q.issuer), q.year !== undefined && eq('year', q.year));
      const { hits, total } = await reader.list<DocumentDoc>(INDEX.documents, {
        filter,
        limit: q.limit,
        offset: q.offset,
        sort: ['order:asc'],
        fields: SUMMARY_FIELDS,
      });
      return { total, limit: q.limit, offset: q.offset, documents: hits.map(summary) };
    },

    async get(id: string): Promise<z.infer<typeof DocumentDetail>> {
      const d = await reader.get<DocumentDoc>(INDEX.documents, id);
      if (!d) throw new ApiError('DOCUMENT_NOT_FOUND', `No document has the id ${id}.`);
      return { ...summary(d), sources: d.sources, attachments: d.attachments, aliases: d.aliases, outline: d.outline };
    },

    /**
     * The document's text as its units in document order (the nodes whose
     * text no ancestor repeats: articles, tasks, headings…), at most
     * MAX_UNITS; a reading view needs every one, so it pages through them.
     */
    async units(docId: string): Promise<DocumentUnit[]> {
      const out: DocumentUnit[] = [];
      for (let offset = 0; offset < MAX_UNITS; offset += UNIT_PAGE) {
        const { hits, total } = await reader.list<ClauseDoc>(INDEX.clauses, {
          filter: and(eq('docId', docId), eq('isUnit', true)),
          limit: UNIT_PAGE,
          offset,
          sort: ['order:asc'],
          fields: ['id', 'kind', 'label', 'heading', 'text', 'depth', 'owners'],
        });
        for (const h of hits) {
          out.push({ id: h.id, kind: h.kind, ...(h.label ? { label: h.label } : {}), ...(h.heading ? { heading: h.heading } : {}), text: h.text, depth: h.depth, owners: h.owners ?? [] });
        }
        if (offset + UNIT_PAGE >= total || hits.length < UNIT_PAGE) break;
      }
      return out;
    },

    async clause(id: string): Promise<z.infer<typeof ClauseDetail>> {
      const c = await reader.get<ClauseDoc>(INDEX.clauses, id);
      if (!c) throw new ApiError('CLAUSE_NOT_FOUND', `No clause has the id ${id}.`);
      const children = c.childIds.length
        ? (
            await reader.list<ClauseDoc>(INDEX.clauses, {
              filter: eq('parentId', c.id),
              limit: 1000,
              sort: ['order:asc'],
              fields: ['id', 'kind', 'label', 'heading', 'citation'],
            })
          ).hits.map((h) => ({
            id: h.id,
            kind: h.kind,
            ...(h.label ? { label: h.label } : {}),
            ...(h.heading ? { heading: h.heading } : {}),
            citation: h.citation,
          }))
        : [];
      return {
        id: c.id,
        docId: c.docId,
        docTitle: c.docTitle,
        kind: c.kind,
        ...(c.label ? { label: c.label } : {}),
        ...(c.heading ? { heading: c.heading } : {}),
        text: c.text,
        originalText: c.originalText,
        citation: c.citation,
        path: c.path,
        breadcrumb: breadcrumb(c),
        ...(c.parentId ? { parentId: c.parentId } : {}),
        ...(c.prevId ? { prevId: c.prevId } : {}),
        ...(c.nextId ? { nextId: c.nextId } : {}),
        children,
        ...(c.source ? { source: c.source } : {}),
        owners: c.owners ?? [],
        years: c.years ?? [],
        url: clauseUrl(c.id),
        page: clausePage(c.id),
      };
    },
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;
