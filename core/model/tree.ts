import { z } from 'zod';

/**
 * The clause tree. It follows the unist node contract: `kind` names the node,
 * `children` holds branches, `position` points into the document's normalized
 * text, and enrichment lives under `data`. A tree must survive
 * `JSON.parse(JSON.stringify(tree))`, so nothing here is a class or a Map.
 */

/** Kinds of legal texts (laws, regulations, 办法, 规定) — fixed by the GB/T legislative hierarchy. */
export const LegalKind = z.enum(['part', 'chapter', 'section', 'article', 'paragraph', 'item', 'subitem']);

/**
 * Kinds for plans, opinions, notices and everything else.
 * - `heading`: a numbered or Markdown level (一、 / （一） / 1. / （1）) that titles a group of nodes
 * - `task`: a numbered item carrying body text (usually the unit responsibility notes attach to)
 * - `block`: an unnumbered paragraph (preamble, body text under a heading, closing lines)
 * - `box`: a 专栏 (工程专栏, 专栏1 …) with its own items
 * - `table` / `row`: a table pasted as tab-separated rows; a row keeps its column headers in `data.cells`
 * - `excerpt`: one quotation in a collection of speech excerpts
 * - `entry`: one entry of a catalogue (附表) of documents
 */
export const PlanKind = z.enum(['heading', 'task', 'block', 'box', 'table', 'row', 'excerpt', 'entry']);

export const NodeKind = z.enum(['document', ...LegalKind.options, ...PlanKind.options]);
export type NodeKind = z.infer<typeof NodeKind>;

/** Offsets are UTF-16 code-unit offsets (JavaScript string indices). */
export const Point = z.object({ offset: z.number().int().nonnegative() });
export const Position = z.object({ start: Point, end: Point });
export type Position = z.infer<typeof Position>;

/** Where a node's words stand in the file they were read from (before normalization). */
export const SourceSpan = z.object({
  path: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type SourceSpan = z.infer<typeof SourceSpan>;

export interface PolicyNode {
  kind: NodeKind;
  /** Stable id: `<docId>--<eId>`, eId built from kinds and numbers (chp_3__art_34__para_2). */
  id: string;
  /** The structural path part of the id (Akoma Ntoso style eId), '' for the document root. */
  eId: string;
  /** The numbering as printed: 第三十四条, （一）, 3., 一、; absent for unnumbered nodes. */
  label?: string;
  /** A short title: a chapter's name, or an item's opening title sentence (加快5G商用。). */
  heading?: string;
  /**
   * Normalized text. For citable units (article, task, row, excerpt, entry) the whole unit,
   * children included, so a hit reads as the reader expects; for containers
   * (part, chapter, section, heading, box, table) only their own lead text.
   */
  text: string;
  /** Human-readable citation: 《中华人民共和国网络安全法》第三十四条第二款. */
  citation: string;
  /** Offsets into the document's normalized text. */
  position: Position;
  children: PolicyNode[];
  data?: NodeData;
}

/** Project-specific extras. Enrichers add here and never reshape the tree. */
export interface NodeData {
  /** Span in the original file, through the normalization offset map. */
  source?: SourceSpan;
  /** For rows: header → cell text. */
  cells?: Record<string, string>;
  /** The numbering style of a plan level: '一、' | '（一）' | '1.' | '（1）' | 'md' | '一是' … */
  numbering?: string;
  /** Set by the responsibilities enricher. */
  tasks?: unknown[];
  /** Set by the references enricher. */
  references?: unknown[];
  /** Years and deadlines named in the node's text. */
  years?: number[];
  [key: string]: unknown;
}

export const PolicyNodeSchema: z.ZodType<PolicyNode> = z.lazy(() =>
  z.object({
    kind: NodeKind,
    id: z.string().min(1),
    eId: z.string(),
    label: z.string().optional(),
    heading: z.string().optional(),
    text: z.string(),
    citation: z.string(),
    position: Position,
    children: z.array(PolicyNodeSchema),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
) as z.ZodType<PolicyNode>;

/** Depth-first, parents before children. */
export function* walk(node: PolicyNode, ancestors: PolicyNode[] = []): Generator<[PolicyNode, PolicyNode[]]> {
  yield [node, ancestors];
  for (const child of node.children) yield* walk(child, [...ancestors, node]);
}
