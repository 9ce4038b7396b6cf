import { z } from 'zod';
import { DocKind, DocumentMeta } from '../model/document.js';
import { NodeKind, SourceSpan } from '../model/tree.js';
import { DateNumbers, DocumentDates, IsoDate } from '../model/dates.js';

/** One ancestor in a clause's breadcrumb. */
export const PathEntry = z.object({
  id: z.string(),
  kind: NodeKind,
  label: z.string().optional(),
  heading: z.string().optional(),
});
export type PathEntry = z.infer<typeof PathEntry>;

/** A task owner as stored on clauses and tasks (see ingest/enrich/responsibilities). */
export const Owner = z.object({
  department: z.string(),
  role: z.enum(['lead', 'responsible', 'cooperating']),
  /** The words as written, when they differ from the canonical name. */
  asWritten: z.string().optional(),
  known: z.boolean().optional(),
  /** Handed down by an earlier note (下同, 以下任务均需…), not written at this task. */
  inherited: z.boolean().optional(),
  /** The entry stands for many bodies (各县区人民政府, 各街办（新区）, 区级相关部门). */
  collective: z.boolean().optional(),
});
export type Owner = z.infer<typeof Owner>;

/**
 * The `clauses` index: one Meilisearch document per tree node. Fields ending in
 * `Seg` hold the text pre-segmented by nodejieba (space-separated words) and are
 * what search matches on; `text` keeps the normalized wording for display.
 */
export const ClauseDoc = z.object({
  id: z.string(),
  docId: z.string(),
  docTitle: z.string(),
  docKind: DocKind,
  issuer: z.string().optional(),
  year: z.number().int().optional(),
  /** The document's date (ISO, as precise as known), for sorting hits by date. */
  date: z.string().optional(),
  /** The document's 制定机关 (normalized) and the day it takes effect, when its text says. */
  maker: z.string().optional(),
  effectiveFrom: IsoDate.optional(),
  kind: NodeKind,
  label: z.string().optional(),
  heading: z.string().optional(),
  text: z.string(),
  /** The same span in the source file before normalization. */
  originalText: z.string(),
  citation: z.string(),
  path: z.array(PathEntry),
  parentId: z.string().optional(),
  prevId: z.string().optional(),
  nextId: z.string().optional(),
  childIds: z.array(z.string()),
  /** Document order of the node (pre-order index), for sorting hits inside a document. */
  order: z.number().int(),
  depth: z.number().int(),
  /** True for the nodes search returns by default: whose text is not repeated by an ancestor unit. */
  isUnit: z.boolean(),
  source: SourceSpan.optional(),
  /** Canonical names of the departments owning tasks in this clause, and `name:role` pairs, for filters and facets. */
  departments: z.array(z.string()),
  departmentRoles: z.array(z.string()),
  owners: z.array(Owner),
  years: z.array(z.number().int()),
  /** Search fields. */
  headingSeg: z.string(),
  textSeg: z.string(),
  pathSeg: z.string(),
}).extend(DateNumbers.shape);
export type ClauseDoc = z.infer<typeof ClauseDoc>;

/** A node of a document's outline (no text: fetch the clause for that). */
export interface OutlineNode {
  id: string;
  kind: z.infer<typeof NodeKind>;
  label?: string;
  heading?: string;
  children: OutlineNode[];
}
export const OutlineNode: z.ZodType<OutlineNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    kind: NodeKind,
    label: z.string().optional(),
    heading: z.string().optional(),
    children: z.array(OutlineNode),
  }),
) as z.ZodType<OutlineNode>;

/** The `documents` index: one per logical document — its metadata plus what listings and citations need. */
export const DocumentDoc = DocumentMeta.extend({
  attachments: z.array(z.string()),
  counts: z.record(z.string(), z.number().int()),
  outline: OutlineNode,
  /** Short forms a citation may use (the title without 中华人民共和国, a defined 简称…). */
  aliases: z.array(z.string()),
  titleSeg: z.string(),
  /** Sort key for listings: the document's order in the corpus. */
  order: z.number().int(),
  /** When it applies, each date with its evidence (ingest/enrich/dates). */
  dates: DocumentDates,
  /** 制定机关, normalized, and 会议, the meeting that adopted it. */
  maker: z.string().optional(),
  meeting: z.string().optional(),
}).extend(DateNumbers.shape);
export type DocumentDoc = z.infer<typeof DocumentDoc>;
