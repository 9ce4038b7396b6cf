import { z } from 'zod';
import { ApiError } from '../errors.js';
import { INDEX } from '../../core/index/index-names.js';
import type { ReferenceDoc } from '../../core/index/references.js';
import type { ClauseDoc, DocumentDoc } from '../../core/index/schemas.js';
import { Candidate, Relation, ReferenceStatus } from '../../core/references/reference.js';
import { and, eq } from './filter.js';
import type { IndexReader } from './index-reader.js';
import { clausePage, clauseUrl, documentPage, documentUrl } from './urls.js';

/** One end of a reference as the API shows it: a clause, a document, a catalogue entry, or just a title. */
export const ReferenceEnd = z.object({
  docId: z.string().optional(),
  docTitle: z.string().optional(),
  clauseId: z.string().optional(),
  citation: z.string().optional(),
  catalogueId: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  page: z.string().optional(),
});
export type ReferenceEnd = z.infer<typeof ReferenceEnd>;

const Span = {
  id: z.string(),
  relation: Relation,
  status: ReferenceStatus,
  /** The words as written in the citing clause, and their offsets in its text. */
  text: z.string(),
  normalized: z.string(),
  start: z.number().int(),
  end: z.number().int(),
};

export const OutgoingReference = z.object({
  ...Span,
  fromClauseId: z.string(),
  to: ReferenceEnd,
  candidates: z.array(Candidate).optional(),
  reason: z.string().optional(),
});
export const IncomingReference = z.object({ ...Span, toClauseId: z.string().optional(), from: ReferenceEnd });
export const ClauseReferences = z.object({ outgoing: z.array(OutgoingReference), incoming: z.array(IncomingReference) });
export type ClauseReferences = z.infer<typeof ClauseReferences>;

export const Direction = z.enum(['out', 'in']);
export const DocumentReferenceGroup = z.object({
  docId: z.string().optional(),
  catalogueId: z.string().optional(),
  title: z.string(),
  status: ReferenceStatus,
  /** References in this group, and by relation. */
  count: z.number().int(),
  relations: z.record(z.string(), z.number().int()),
  /** Distinct clauses cited (out) or citing (in). */
  clauses: z.number().int(),
  url: z.string().optional(),
  page: z.string().optional(),
});
export const DocumentReferences = z.object({
  docId: z.string(),
  direction: Direction,
  total: z.number().int(),
  documents: z.array(DocumentReferenceGroup),
});

export const ReferenceGraph = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.string(),
      year: z.number().int().optional(),
      /** References to documents outside the corpus (catalogue entries, unresolved titles). */
      external: z.number().int(),
    }),
  ),
  edges: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int(), relations: z.record(z.string(), z.number().int()) })),
});

const PAGE = 1000;
/** A clause or document cites at most this many; a guard against runaway pages. */
const MAX_REFS = 20_000;


/**
 * References between clauses and documents, read from the `references` index
 * (see core/index/references.ts). `fromPath`/`toPath` hold a clause and its
 * ancestors, so the references of an article include those of its paragraphs.
 */
export function createReferenceService(reader: IndexReader) {
  async function all(filter: string | undefined, fields?: string[]): Promise<ReferenceDoc[]> {
    const out: ReferenceDoc[] = [];
    for (let offset = 0; offset < MAX_REFS; offset += PAGE) {
      const { hits, total } = await reader.list<ReferenceDoc>(INDEX.references, { filter, limit: PAGE, offset, fields, sort: ['fromClauseId:asc', 'start:asc'] });
      out.push(...hits);
      if (offset + PAGE >= total || hits.length < PAGE) break;
    }
    return out;
  }

  async function clauses(ids: Iterable<string>): Promise<Map<string, Pick<ClauseDoc, 'id' | 'docId' | 'docTitle' | 'citation'>>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(
      unique.map((id) => reader.get<Pick<ClauseDoc, 'id' | 'docId' | 'docTitle' | 'citation'>>(INDEX.clauses, id, ['id', 'docId', 'docTitle', 'citation'])),
    );
    return new Map(found.filter((c): c is NonNullable<typeof c> => !!c).map((c) => [c.id, c]));
  }

  async function titles(): Promise<Map<string, Pick<DocumentDoc, 'id' | 'title' | 'kind' | 'year' | 'version'>>> {
    const { hits } = await reader.list<Pick<DocumentDoc, 'id' | 'title' | 'kind' | 'year' | 'version'>>(INDEX.documents, {
      limit: 10_000,
      fields: ['id', 'title', 'kind', 'year', 'version'],
      sort: ['order:asc'],
    });
    return new Map(hits.map((d) => [d.id, d]));
  }

  const fullTitle = (d: { title: string; version?: string } | undefined) =>
    d ? d.title + (d.version && !d.title.endsWith(d.version) ? d.version : '') : undefined;

  return {
    /** Outgoing and incoming references of a clause, its descendants included. */
    async forClause(clauseId: string): Promise<ClauseReferences> {
      const [outRefs, inRefs] = await Promise.all([all(eq('fromPath', clauseId)), all(eq('toPath', clauseId))]);
      const ends = await clauses([
        ...outRefs.map((r) => r.toClauseId).filter((id): id is string => !!id),
        ...inRefs.map((r) => r.fromClauseId),
      ]);
      const docs = await titles();
      const span = (r: ReferenceDoc) => ({
        id: r.id,
        relation: r.relation,
        status: r.status,
        text: r.text,
        normalized: r.normalized,
        start: r.start,
        end: r.end,
      });
      const outgoing = outRefs.map((r) => {
        const to: ReferenceEnd = {};
        if (r.toDocId) {
          to.docId = r.toDocId;
          const t = fullTitle(docs.get(r.toDocId));
          if (t) to.docTitle = t;
          to.url = documentUrl(r.toDocId);
          to.page = documentPage(r.toDocId);
        }
        if (r.toClauseId) {
          to.clauseId = r.toClauseId;
          const c = ends.get(r.toClauseId);
          if (c) to.citation = c.citation;
          to.url = clauseUrl(r.toClauseId);
          to.page = clausePage(r.toClauseId);
        }
        if (r.catalogueId) to.catalogueId = r.catalogueId;
        if (r.toTitle) to.title = r.toTitle;
        return {
          ...span(r),
          fromClauseId: r.fromClauseId,
          to,
          ...(r.candidates ? { candidates: r.candidates } : {}),
          ...(r.reason ? { reason: r.reason } : {}),
        };
      });
      const incoming = inRefs.map((r) => {
        const c = ends.get(r.fromClauseId);
        const from: ReferenceEnd = { docId: r.fromDocId, clauseId: r.fromClauseId, url: clauseUrl(r.fromClauseId), page: clausePage(r.fromClauseId) };
        const t = fullTitle(docs.get(r.fromDocId));
        if (t) from.docTitle = t;
        if (c) from.citation = c.citation;
        return { ...span(r), ...(r.toClauseId ? { toClauseId: r.toClauseId } : {}), from };
      });
      return { outgoing, incoming };
    },

    /** References of a document aggregated per cited (out) or citing (in) document. */
    async forDocument(docId: string, direction: z.infer<typeof Direction>): Promise<z.infer<typeof DocumentReferences>> {
      const docs = await titles();
      if (!docs.has(docId)) throw new ApiError('DOCUMENT_NOT_FOUND', `No document has the id ${docId}.`);
      const refs = direction === 'out' ? await all(eq('fromDocId', docId)) : await all(and(eq('toDocId', docId), `NOT ${eq('fromDocId', docId)}`));
      const groups = new Map<string, z.infer<typeof DocumentReferenceGroup> & { clauseIds: Set<string> }>();
      for (const r of refs) {
        let key: string;
        let base: Omit<z.infer<typeof DocumentReferenceGroup>, 'count' | 'relations' | 'clauses'>;
        if (direction === 'in') {
          key = r.fromDocId;
          base = { docId: r.fromDocId, title: fullTitle(docs.get(r.fromDocId)) ?? r.fromDocId, status: 'resolved', url: documentUrl(r.fromDocId), page: documentPage(r.fromDocId) };
        } else if (r.toDocId) {
          key = r.toDocId;
          base = { docId: r.toDocId, title: fullTitle(docs.get(r.toDocId)) ?? r.toTitle ?? r.toDocId, status: 'resolved', url: documentUrl(r.toDocId), page: documentPage(r.toDocId) };
        } else if (r.catalogueId) {
          key = `catalogue:${r.catalogueId}`;
          base = { catalogueId: r.catalogueId, title: r.toTitle ?? r.normalized, status: 'catalogue' };
        } else {
          const title = r.normalized.replace(/^《([^》]*)》.*$/u, '$1');
          key = `${r.status}:${title}`;
          base = { title, status: r.status };
        }
        const g = groups.get(key) ?? { ...base, count: 0, relations: {}, clauses: 0, clauseIds: new Set<string>() };
        g.count++;
        g.relations[r.relation] = (g.relations[r.relation] ?? 0) + 1;
        const clause = direction === 'in' ? r.fromClauseId : r.toClauseId;
        if (clause) g.clauseIds.add(clause);
        groups.set(key, g);
      }
      const documents = [...groups.values()]
        .map(({ clauseIds, ...g }) => ({ ...g, clauses: clauseIds.size }))
        .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
      return { docId, direction, total: refs.length, documents };
    },

    /** The citation graph: documents as nodes, citation counts between them as edges. */
    async graph(): Promise<z.infer<typeof ReferenceGraph>> {
      const [docs, refs] = await Promise.all([titles(), all(undefined, ['fromDocId', 'toDocId', 'edge', 'relation', 'status'])]);
      const edges = new Map<string, { from: string; to: string; count: number; relations: Record<string, number> }>();
      const external = new Map<string, number>();
      for (const r of refs) {
        if (r.edge && r.toDocId) {
          const e = edges.get(r.edge) ?? { from: r.fromDocId, to: r.toDocId, count: 0, relations: {} };
          e.count++;
          e.relations[r.relation] = (e.relations[r.relation] ?? 0) + 1;
          edges.set(r.edge, e);
        } else if (!r.toDocId) {
          external.set(r.fromDocId, (external.get(r.fromDocId) ?? 0) + 1);
        }
      }
      return {
        nodes: [...docs.values()].map((d) => ({
          id: d.id,
          title: fullTitle(d)!,
          kind: d.kind,
          ...(d.year ? { year: d.year } : {}),
          external: external.get(d.id) ?? 0,
        })),
        edges: [...edges.values()].sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
      };
    },
  };
}
export type ReferenceService = ReturnType<typeof createReferenceService>;
