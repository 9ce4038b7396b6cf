/**
 * The builders produce a draft tree: kinds, numbers, labels and the spans of
 * each node's own words. Everything derived — ids, citations, text, positions,
 * source spans — is computed once in finalize.ts, so the builders stay small
 * and the derivation rules live in one place.
 */
import type { NodeKind } from '../../core/model/tree.js';

/** [start, end) in the slice text. */
export interface Span {
  start: number;
  end: number;
}

/** How a node's citation is formed from its parent's. */
export type CiteMode =
  /** parent citation + piece (第三章 + 第一节, 二 + （一）) */
  | 'append'
  /** 《title》 + piece (articles, boxes, excerpts, attachments) */
  | 'replace'
  /** the parent's citation (unnumbered blocks) */
  | 'inherit'
  /** 《title》[附件N]表K: a table, numbered within its attachment or the document */
  | 'table';

export interface Draft {
  kind: NodeKind;
  /**
   * The eId segment: 'art_34', 'lvl2_1', 'box_3'. When only a prefix is given
   * ('blk', 'table', 'row', 'exc'), finalize numbers the node by its position
   * among its siblings with that prefix.
   */
  seg?: string;
  prefix?: string;
  label?: string;
  heading?: string;
  /** The node's own words (for containers: their lead text). */
  own: Span[];
  children: Draft[];
  data: Record<string, unknown>;
  cite: CiteMode;
  /** The piece this node adds to a citation (第三十四条, （一）, 专栏1). */
  piece?: string;
  /** Offset used for messages about this node. */
  at: number;
}

export function draft(kind: NodeKind, init: Partial<Draft> & { at: number }): Draft {
  return { kind, own: [], children: [], data: {}, cite: 'inherit', ...init };
}

/** Plan-level numbered kinds whose final kind (heading or task) is decided after building. */
export function isNumbered(d: Draft): boolean {
  return typeof d.data.numbering === 'string' && d.data.numbering !== '专栏' && d.data.numbering !== '附件';
}
