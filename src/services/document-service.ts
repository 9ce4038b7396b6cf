import { clauseHead } from './clause-head.js';
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { INDEX } from '../../core/index/index-names.js';
import type { ClauseDoc, DocumentDoc } from '../../core/index/schemas.js';
import type { ClauseDetail, DocumentDetail, DocumentListQuery, DocumentSummary } from '../schemas/documents.js';
import { and, eq, statusFilter } from './filter.js';
import { asOfDay, countStatuses, STATUS_FIELDS, statusOf } from './effect-status.js';
import { isoOfDay } from '../../core/model/dates.js';
import type { IndexReader } from './index-reader.js';
import { breadcrumb } from './search-service.js';
import { clausePage, clauseUrl, documentPage, documentUrl } from './urls.js';


type Summary = z.infer<typeof DocumentSummary>;

/** One unit of a document's text, for reading it whole. */
export type DocumentUnit = Pick<ClauseDoc, 'id' | 'kind' | 'label' | 'heading' | 'text' | 'depth' | 'owners'>;
const UNIT_PAGE = 1000;
/** A guard against a runaway document: no policy text has this many units. */
const MAX_UNITS = 20_000;

const SUMMARY_FIELDS = ['id', 'title', 'kind', 'issuer', 'date', 'year', 'docNumber', 'version', 'partOf', 'attachmentOf', 'counts', 'maker', 'meeting', 'dates', ...STATUS_FIELDS];
const SORTS = { order: ['order:asc'], newest: ['date:desc', 'order:asc'], oldest: ['date:asc', 'order:asc'], effective: ['effectiveOn:desc', 'order:asc'] } as const;

/** The `issuer` filter: the words as the head or catalogue wrote them, or the normalized maker. */
export function issuerFilter(issuer: string | undefined): string | undefined {
  return issuer ? `${eq('issuer', issuer)} OR ${eq('maker', issuer)}` : undefined;
}

function summary(d: Partial<DocumentDoc> & Pick<DocumentDoc, 'id' | 'title' | 'kind' | 'counts'>, asOf: number): Summary {
  const { id, title, kind, issuer, date, year, docNumber, version, partOf, attachmentOf, counts, maker, meeting } = d;
  const effectiveFrom = d.dates?.effectiveFrom?.date;
  return {
    id, title, kind, counts,
    status: statusOf(d, asOf),
    ...(effectiveFrom ? { effectiveFrom } : {}),
    ...(maker ? { maker } : {}),
    ...(meeting ? { meeting } : {}),
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
      const asOf = asOfDay(q.asOf);
      const base = and(q.kind && eq('kind', q.kind), issuerFilter(q.issuer), q.year !== undefined && eq('year', q.year));
      const filter = and(base, q.status && statusFilter(q.status, asOf));
      const [{ hits, total }, statusCounts, kinds] = await Promise.all([
        reader.list<DocumentDoc>(INDEX.documents, { filter, limit: q.limit, offset: q.offset, sort: [...SORTS[q.sort]], fields: SUMMARY_FIELDS }),
        // Status depends on asOf, so it is counted by one small request per status, not a stored facet.
        q.facets ? countStatuses(async (f) => (await reader.list(INDEX.documents, { filter: f, limit: 0 })).total, and(base), asOf) : undefined,
        q.facets ? reader.facets(INDEX.documents, ['kind'], filter) : undefined,
      ]);
      return {
        asOf: isoOfDay(asOf),
        total,
        limit: q.limit,
        offset: q.offset,
        documents: hits.map((h) => summary(h, asOf)),
        ...(statusCounts ? { facets: { status: statusCounts, kind: kinds?.kind ?? {} } } : {}),
      };
    },

    async get(id: string, asOfParam?: string): Promise<z.infer<typeof DocumentDetail>> {
      const asOf = asOfDay(asOfParam);
      const d = await reader.get<DocumentDoc>(INDEX.documents, id);
      if (!d) throw new ApiError('DOCUMENT_NOT_FOUND', `No document has the id ${id}.`);
      return { ...summary(d, asOf), dates: d.dates ?? { amended: [] }, asOf: isoOfDay(asOf), sources: d.sources, attachments: d.attachments, aliases: d.aliases, outline: d.outline };
    },

    /** The targets a clause states (its own, or its table rows' when it is a table). */
    async targets(clauseId: string) {
      const { hits } = await reader.list<{ id: string; indicatorId: string; indicator: string; asWritten: string; value: number; unit: string; year: number }>(INDEX.targets, {
        filter: eq('clauseId', clauseId),
        limit: 200,
        sort: ['order:asc'],
        fields: ['id', 'indicatorId', 'indicator', 'asWritten', 'value', 'unit', 'year'],
      });
      return hits.map((t) => ({ ...t, indicatorUrl: `/v1/indicators/${encodeURIComponent(t.indicatorId)}` }));
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

    async clause(id: string, asOfParam?: string): Promise<z.infer<typeof ClauseDetail>> {
      const asOf = asOfDay(asOfParam);
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
        ...clauseHead(c),
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
        asOf: isoOfDay(asOf),
        status: statusOf(c, asOf),
        ...(c.effectiveFrom ? { effectiveFrom: c.effectiveFrom } : {}),
        page: clausePage(c.id),
      };
    },
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;
