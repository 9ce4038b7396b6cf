import { z } from 'zod';
import { ApiError } from '../errors.js';
import { INDEX } from '../../ingest/to-index/index-names.js';
import type { ClauseDoc, DocumentDoc } from '../../ingest/to-index/schemas.js';
import {
  Candidate,
  Relation,
  ReferenceStatus,
  articlesFromClauses,
  createReferenceResolver,
  extractReferences,
  parseCitation,
  type ClauseLike,
  type LibraryCatalogueEntry,
  type LibraryDocument,
  type Resolution,
  type Resolver,
} from '../../ingest/enrich/references/index.js';
import { anyOf } from './filter.js';
import type { IndexReader } from './index-reader.js';
import { clausePage, clauseUrl, documentPage, documentUrl } from './urls.js';

/** Longest free text accepted for citation extraction (characters). */
export const MAX_EXTRACT_CHARS = 20_000;

export const CatalogueInfo = z.object({
  id: z.string(),
  number: z.number().int().optional(),
  title: z.string(),
  date: z.string().optional(),
  issuer: z.string().optional(),
});

const CandidateOut = Candidate.extend({ url: z.string().optional(), page: z.string().optional() });

export const ResolveResult = z.object({
  cite: z.string(),
  status: z.enum(['resolved', 'catalogue', 'ambiguous']),
  docId: z.string().optional(),
  clauseId: z.string().optional(),
  /** Title of the document (or catalogue entry) cited. */
  title: z.string().optional(),
  /** The canonical citation: 《中华人民共和国安全生产法》第二十一条. */
  citation: z.string(),
  /** /v1/clauses/<clauseId>, or /v1/documents/<docId> when no clause is named. */
  url: z.string().optional(),
  /** The same as a web page: /clauses/<clauseId> or /documents/<docId>. */
  page: z.string().optional(),
  catalogue: CatalogueInfo.optional(),
  candidates: z.array(CandidateOut).optional(),
});
export type ResolveResult = z.infer<typeof ResolveResult>;

export const ExtractedCitation = z.object({
  /** The words as written and their JS string offsets in the text given. */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  normalized: z.string(),
  status: ReferenceStatus,
  relation: Relation,
  docId: z.string().optional(),
  clauseId: z.string().optional(),
  catalogueId: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  page: z.string().optional(),
  candidates: z.array(CandidateOut).optional(),
  reason: z.string().optional(),
});
export const ExtractResult = z.object({ count: z.number().int(), citations: z.array(ExtractedCitation) });

export const CiteFormat = z.enum(['text', 'markdown', 'json']);
export const CiteJson = z.object({
  citation: z.string(),
  title: z.string(),
  docNumber: z.string().optional(),
  label: z.string().optional(),
  docId: z.string(),
  clauseId: z.string(),
  url: z.string(),
  /** The clause's web page, and that page's absolute address. */
  page: z.string(),
  permalink: z.string(),
});

/** Offset just past the 《…》 a citation opens with (nested 《》 allowed), 0 when it opens with none. */
function titleEnd(citation: string): number {
  if (!citation.startsWith('《')) return 0;
  let depth = 0;
  for (let i = 0; i < citation.length; i++) {
    if (citation[i] === '《') depth++;
    else if (citation[i] === '》' && --depth === 0) return i + 1;
  }
  return 0;
}

interface Library {
  stamp: string;
  resolver: Resolver;
  documents: Map<string, LibraryDocument>;
  catalogue: Map<string, LibraryCatalogueEntry>;
}

/** Index pages are read whole: the corpus has thousands of clauses, far below Meilisearch's maxTotalHits. */
const ALL = 100_000;

/**
 * Citation resolution at request time, with the same resolver code as ingest.
 * The library (titles, short names, 文号, article → paragraph → item ids) is read
 * from the documents, clauses and catalogue indexes on first use and rebuilt
 * when the meta index says a new ingest was swapped in.
 */
export function createCitationService(reader: IndexReader) {
  let cached: Promise<Library> | undefined;
  let cachedStamp: string | undefined;

  async function load(stamp: string): Promise<Library> {
    const [docs, clauses, catalogue] = await Promise.all([
      reader.list<DocumentDoc>(INDEX.documents, {
        limit: ALL,
        fields: ['id', 'title', 'version', 'docNumber', 'kind', 'year', 'issuer', 'aliases'],
      }),
      reader.list<ClauseDoc>(INDEX.clauses, {
        filter: anyOf('kind', ['article', 'paragraph', 'item']),
        limit: ALL,
        fields: ['id', 'docId', 'kind', 'label', 'parentId', 'order'],
      }),
      reader.list<LibraryCatalogueEntry>(INDEX.catalogue, { limit: ALL, fields: ['id', 'number', 'title', 'date', 'issuer'] }),
    ]);
    const byDoc = new Map<string, ClauseLike[]>();
    for (const c of clauses.hits) {
      const list = byDoc.get(c.docId) ?? [];
      list.push({ id: c.id, kind: c.kind, label: c.label, parentId: c.parentId, order: c.order });
      byDoc.set(c.docId, list);
    }
    const documents: LibraryDocument[] = docs.hits.map((d) => ({
      id: d.id,
      title: d.title,
      ...(d.version ? { version: d.version } : {}),
      ...(d.docNumber ? { docNumber: d.docNumber } : {}),
      ...(d.issuer ? { issuer: d.issuer } : {}),
      ...(d.year ? { year: d.year } : {}),
      kind: d.kind,
      aliases: d.aliases ?? [],
      articles: articlesFromClauses(byDoc.get(d.id) ?? []),
    }));
    return {
      stamp,
      resolver: createReferenceResolver({ documents, catalogue: catalogue.hits }),
      documents: new Map(documents.map((d) => [d.id, d])),
      catalogue: new Map(catalogue.hits.map((e) => [e.id, e])),
    };
  }

  async function library(): Promise<Library> {
    const meta = await reader.get<{ ingestedAt?: string }>(INDEX.meta, 'corpus', ['ingestedAt']);
    if (!meta?.ingestedAt) throw new ApiError('INDEX_NOT_READY');
    if (!cached || cachedStamp !== meta.ingestedAt) {
      cachedStamp = meta.ingestedAt;
      cached = load(meta.ingestedAt);
      // A failed load must not stick: the next request tries again.
      cached.catch(() => {
        if (cachedStamp === meta.ingestedAt) cached = undefined;
      });
    }
    return cached;
  }

  const fullTitle = (d: { title: string; version?: string }) => d.title + (d.version && !d.title.endsWith(d.version) ? d.version : '');
  const candidatesOut = (c: Candidate[] | undefined) => c?.map((x) => ({ ...x, ...(x.docId ? { url: documentUrl(x.docId), page: documentPage(x.docId) } : {}) }));

  /** The API's view of a resolution: ids, title and url, whatever its status. */
  function describe(lib: Library, res: Resolution) {
    const out: {
      docId?: string;
      clauseId?: string;
      catalogueId?: string;
      title?: string;
      url?: string;
      page?: string;
      candidates?: z.infer<typeof CandidateOut>[];
    } = {};
    if (res.toDocId) {
      out.docId = res.toDocId;
      const d = lib.documents.get(res.toDocId);
      if (d) out.title = fullTitle(d);
      out.url = documentUrl(res.toDocId);
      out.page = documentPage(res.toDocId);
    }
    if (res.toClauseId) {
      out.clauseId = res.toClauseId;
      out.url = clauseUrl(res.toClauseId);
      out.page = clausePage(res.toClauseId);
    }
    if (res.catalogueId) {
      out.catalogueId = res.catalogueId;
      out.title ??= res.toTitle;
    }
    if (res.candidates) out.candidates = candidatesOut(res.candidates);
    return out;
  }

  return {
    /**
     * Turns a human citation (安全生产法第二十一条, 《中华人民共和国安全生产法》第31条,
     * 安全生产法 第三十一条第一款, 国发〔2015〕50号) into the document or clause it names.
     * Throws CITATION_NOT_RESOLVED (404) with the reason when nothing fits or the
     * clause does not exist; lists candidates when several documents fit.
     */
    async resolve(cite: string): Promise<ResolveResult> {
      const parsed = parseCitation(cite);
      if (!parsed) {
        throw new ApiError('CITATION_NOT_RESOLVED', 'The citation names no document: write a title (with or without 《》) or a 文号, optionally followed by 第N条.', { cite });
      }
      const lib = await library();
      const res = lib.resolver.resolve({
        ...(parsed.title ? { title: parsed.title } : {}),
        ...(parsed.docNumber ? { docNumber: parsed.docNumber } : {}),
        ...(parsed.locator ? { locator: parsed.locator } : {}),
      });
      const d = describe(lib, res);
      if (res.status === 'unresolved') {
        throw new ApiError('CITATION_NOT_RESOLVED', res.reason ?? 'The citation could not be resolved.', {
          cite,
          normalized: res.normalized,
          ...(d.docId ? { docId: d.docId, title: d.title, url: d.url, page: d.page } : {}),
        });
      }
      const out: ResolveResult = { cite, status: res.status, citation: res.normalized };
      if (d.docId) out.docId = d.docId;
      if (d.clauseId) out.clauseId = d.clauseId;
      if (d.title) out.title = d.title;
      if (d.url) out.url = d.url;
      if (d.page) out.page = d.page;
      if (d.candidates) out.candidates = d.candidates;
      if (res.status === 'catalogue' && res.catalogueId) {
        const e = lib.catalogue.get(res.catalogueId);
        if (e) out.catalogue = { id: e.id, title: e.title, ...(e.number !== undefined ? { number: e.number } : {}), ...(e.date ? { date: e.date } : {}), ...(e.issuer ? { issuer: e.issuer } : {}) };
      }
      return out;
    },

    /** Every citation in a free text (a draft, an email), with offsets, normalized form and resolution status. */
    async extract(text: string): Promise<z.infer<typeof ExtractResult>> {
      const lib = await library();
      const raws = extractReferences(text, { bareTitles: lib.resolver.bareTitles });
      const citations = raws.map((raw) => {
        const base = { text: raw.text, start: raw.start, end: raw.end, relation: raw.relation };
        if (raw.anchor === 'self' || raw.anchor === 'relative') {
          return {
            ...base,
            normalized: raw.text,
            status: 'unresolved' as const,
            reason: 'It cites the text’s own document (本法, 前款…): a free text has none to resolve it in.',
          };
        }
        const res = lib.resolver.resolve({
          ...(raw.title ? { title: raw.title } : {}),
          ...(raw.innerTitles ? { innerTitles: raw.innerTitles } : {}),
          ...(raw.docNumber ? { docNumber: raw.docNumber } : {}),
          ...(raw.locator ? { locator: raw.locator } : {}),
        });
        return { ...base, normalized: res.normalized, status: res.status, ...describe(lib, res), ...(res.reason ? { reason: res.reason } : {}) };
      });
      return { count: citations.length, citations };
    },

    /** The canonical citation of a clause: full title, 文号 when known, the clause's label path, and its permalink. */
    async cite(clauseId: string, baseUrl = ''): Promise<z.infer<typeof CiteJson>> {
      const c = await reader.get<ClauseDoc>(INDEX.clauses, clauseId, ['id', 'docId', 'docTitle', 'citation', 'label']);
      if (!c) throw new ApiError('CLAUSE_NOT_FOUND', `No clause has the id ${clauseId}.`);
      const d = await reader.get<DocumentDoc>(INDEX.documents, c.docId, ['id', 'title', 'version', 'docNumber']);
      const title = d ? fullTitle(d) : c.docTitle;
      let citation = c.citation || `《${title}》`;
      if (d?.docNumber && !citation.includes(d.docNumber)) {
        // GB/T 9704 style: the 文号 in brackets right after the title.
        const end = titleEnd(citation);
        if (end > 0) citation = `${citation.slice(0, end)}（${d.docNumber}）${citation.slice(end)}`;
      }
      const url = clauseUrl(c.id);
      return {
        citation,
        title,
        ...(d?.docNumber ? { docNumber: d.docNumber } : {}),
        ...(c.label ? { label: c.label } : {}),
        docId: c.docId,
        clauseId: c.id,
        url,
        page: clausePage(c.id),
        permalink: `${baseUrl}${url}`,
      };
    },
  };
}
export type CitationService = ReturnType<typeof createCitationService>;
