import { z } from 'zod';
import { generationOf, perGeneration, type GenerationSource } from './generation.js';
import { ApiError } from '../errors.js';
import { INDEX } from '../../core/index/index-names.js';
import type { ClauseDoc, DocumentDoc } from '../../core/index/schemas.js';
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
} from '../../core/references/index.js';
import { anyOf } from './filter.js';
import type { IndexReader } from './index-reader.js';
import { clausePage, clauseUrl, documentPage, documentUrl } from './urls.js';
import { DateFact, EffectStatus, IsoDate, isoOfDay, today } from '../../core/model/dates.js';
import { STATUS_FIELDS, statusOf } from './effect-status.js';

/** Longest free text accepted for citation extraction (characters): a long draft or a whole law. */
export const MAX_EXTRACT_CHARS = 64_000;
/** Most citations one batch resolution takes. */
export const MAX_BATCH_CITES = 1_000;
/** Longest single citation resolved (characters); a longer one is answered `invalid`, in a batch, or 400 alone. */
export const MAX_CITE_CHARS = 500;

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
  /** The web page of the clause or document (the person's link; `url` is the program's). */
  page: z.string().optional(),
  catalogue: CatalogueInfo.optional(),
  candidates: z.array(CandidateOut).optional(),
  /** When the document cited applies: its status today and its effective date with the clause that states it. */
  effect: z
    .object({ asOf: IsoDate, status: EffectStatus, effectiveFrom: DateFact.optional(), published: DateFact.optional(), adopted: DateFact.optional(), maker: z.string().optional() })
    .optional(),
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
export const ExtractResult = z.object({
  /** Citations returned (only the resolved ones with `resolvedOnly`). */
  count: z.number().int(),
  /** Citations found in the text, whatever their status. */
  total: z.number().int(),
  citations: z.array(ExtractedCitation),
});

/**
 * One answer of a batch resolution, at the index of its citation. `invalid`:
 * the citation is empty, too long or names no document; `unresolved`: it names
 * one the knowledge base does not hold, or a clause the document lacks.
 */
export const BatchResolveItem = ResolveResult.omit({ status: true, citation: true }).extend({
  index: z.number().int(),
  status: z.enum(['resolved', 'catalogue', 'ambiguous', 'unresolved', 'invalid']),
  /** The canonical citation; for an unresolved one, the normalized form of what was asked. */
  citation: z.string().optional(),
  /** Why it did not resolve. */
  reason: z.string().optional(),
});
export type BatchResolveItem = z.infer<typeof BatchResolveItem>;
export const BatchResolveResult = z.object({
  count: z.number().int(),
  /** How many answers have each status. */
  statuses: z.record(z.string(), z.number().int()),
  results: z.array(BatchResolveItem),
});

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
export function createCitationService(reader: IndexReader, generation: GenerationSource = generationOf(reader)) {
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

  const library = perGeneration(generation, load);

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

  type Unresolved = { reason: string; details: Record<string, unknown> };

  /** One citation against a loaded library: the answer, or why there is none. */
  function resolveIn(lib: Library, cite: string): ResolveResult | Unresolved {
    const parsed = parseCitation(cite);
    if (!parsed) {
      return {
        reason: 'The citation names no document: write a title (with or without 《》) or a 文号, optionally followed by 第N条.',
        details: { cite },
      };
    }
    const res = lib.resolver.resolve({
      ...(parsed.title ? { title: parsed.title } : {}),
      ...(parsed.docNumber ? { docNumber: parsed.docNumber } : {}),
      ...(parsed.locator ? { locator: parsed.locator } : {}),
    });
    const d = describe(lib, res);
    if (res.status === 'unresolved') {
      return {
        reason: res.reason ?? 'The citation could not be resolved.',
        details: { cite, normalized: res.normalized, ...(d.docId ? { docId: d.docId, title: d.title, url: d.url } : {}) },
      };
    }
    const out: ResolveResult = { cite, status: res.status, citation: res.normalized };
    if (d.docId) out.docId = d.docId;
    if (d.clauseId) out.clauseId = d.clauseId;
    if (d.title) out.title = d.title;
    if (d.url) out.url = d.url;
    if (d.candidates) out.candidates = d.candidates;
    if (res.status === 'catalogue' && res.catalogueId) {
      const e = lib.catalogue.get(res.catalogueId);
      if (e) out.catalogue = { id: e.id, title: e.title, ...(e.number !== undefined ? { number: e.number } : {}), ...(e.date ? { date: e.date } : {}), ...(e.issuer ? { issuer: e.issuer } : {}) };
    }
    return out;
  }

  /** "When does X take effect": the cited document's status today and its dates, each with its evidence. */
  async function effectOf(docId: string): Promise<ResolveResult['effect']> {
    const doc = await reader.get<DocumentDoc>(INDEX.documents, docId, ['dates', 'maker', ...STATUS_FIELDS]);
    if (!doc) return undefined;
    const asOf = today();
    const { effectiveFrom, published, adopted } = doc.dates ?? { amended: [] };
    return {
      asOf: isoOfDay(asOf),
      status: statusOf(doc, asOf),
      ...(effectiveFrom ? { effectiveFrom } : {}),
      ...(published ? { published } : {}),
      ...(adopted ? { adopted: { date: adopted.date, evidence: adopted.evidence } } : {}),
      ...(doc.maker ? { maker: doc.maker } : {}),
    };
  }

  /** The web page beside an API link: the clause's when one is named, else the document's. */
  const pageOf = (a: { docId?: string; clauseId?: string }) =>
    a.clauseId ? clausePage(a.clauseId) : a.docId ? documentPage(a.docId) : undefined;

  /** A batch answer: never throws, the failure is its status and reason. */
  function batchAnswer(lib: Library, cite: string): Omit<BatchResolveItem, 'index'> {
    if (!cite) return { cite, status: 'invalid', reason: 'The citation is empty.' };
    if (cite.length > MAX_CITE_CHARS) {
      return { cite, status: 'invalid', reason: `The citation is longer than ${MAX_CITE_CHARS} characters.` };
    }
    const outcome = resolveIn(lib, cite);
    if (!('reason' in outcome)) {
      const page = pageOf(outcome);
      return { ...outcome, ...(page ? { page } : {}) };
    }
    const d = outcome.details as { normalized?: string; docId?: string; title?: string; url?: string };
    // No `normalized`: parseCitation found no document named at all.
    if (d.normalized === undefined) return { cite, status: 'invalid', reason: outcome.reason };
    const page = pageOf(d);
    return {
      cite,
      status: 'unresolved',
      citation: d.normalized,
      ...(d.docId ? { docId: d.docId } : {}),
      ...(d.title ? { title: d.title } : {}),
      ...(d.url ? { url: d.url } : {}),
      ...(page ? { page } : {}),
      reason: outcome.reason,
    };
  }

  return {
    /**
     * Turns a human citation (安全生产法第二十一条, 《中华人民共和国安全生产法》第31条,
     * 安全生产法 第三十一条第一款, 国发〔2015〕50号) into the document or clause it names.
     * Throws CITATION_NOT_RESOLVED (404) with the reason when nothing fits or the
     * clause does not exist; lists candidates when several documents fit.
     */
    async resolve(cite: string): Promise<ResolveResult> {
      const outcome = resolveIn(await library(), cite);
      if ('reason' in outcome) throw new ApiError('CITATION_NOT_RESOLVED', outcome.reason, outcome.details);
      const page = pageOf(outcome);
      const effect = outcome.docId ? await effectOf(outcome.docId) : undefined;
      return { ...outcome, ...(page ? { page } : {}), ...(effect ? { effect } : {}) };
    },

    /**
     * Resolves up to MAX_BATCH_CITES citations against one reading of the
     * library, answering each in place — a citation that does not resolve is an
     * answer (`unresolved` or `invalid`, with the reason), never an error of
     * the batch. Repeated citations are resolved once.
     */
    async resolveBatch(cites: string[]): Promise<z.infer<typeof BatchResolveResult>> {
      const lib = await library();
      const seen = new Map<string, Omit<BatchResolveItem, 'index'>>();
      const statuses: Record<string, number> = {};
      const results = cites.map((raw, index) => {
        const cite = raw.trim();
        let answer = seen.get(cite);
        if (!answer) {
          answer = batchAnswer(lib, cite);
          seen.set(cite, answer);
        }
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        return { index, ...answer, cite: raw };
      });
      return { count: results.length, statuses, results };
    },

    /** Every citation in a free text (a draft, an email), with offsets, normalized form and resolution status. */
    async extract(text: string, opts: { resolvedOnly?: boolean } = {}): Promise<z.infer<typeof ExtractResult>> {
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
      const kept = opts.resolvedOnly ? citations.filter((c) => c.status === 'resolved') : citations;
      return { count: kept.length, total: citations.length, citations: kept };
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
