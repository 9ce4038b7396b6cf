/**
 * Every id the product makes, and their grammar — written once, here.
 *
 *   safe-id      = 1*( ALPHA / DIGIT / "-" / "_" )      Meilisearch primary keys and URL path segments
 *   document     = "doc-" 12HEX [ "-" n ]                sha256 of the normalized title + version (document-id.ts);
 *                                                        "@date" joins the key when two texts share a title,
 *                                                        "-n" (n ≥ 2) when even that collides (a merged copy)
 *   eId          = seg *( "__" seg )                     the node's path of numbering segments from the root:
 *   seg          = safe-id [ "_" repeat ]                  "chp_1", "art_3", "para_2", "lvl2_4", "item_1"; a segment
 *                                                          seen twice at one place gets _b, _c, … _z, _z2 …
 *   clause       = document "--" eId                     a document's root node has the document's own id
 *   task         = clause "__t" n                        n: the clause's tasks from 1, in text order
 *   reference    = clause "__ref" n                      n: the clause's resolved references from 1, in text order
 *   target       = clause "--tgt_" n                     n: the clause's targets (指标) from 1, in text order
 *   department   = "dept-" 16HEX                         sha256 of the registry's canonical name
 *   indicator    = registry id ( [a-z0-9-]+ )            for a name the registry knows (core/indicators/registry.json),
 *                | "ind-" 12HEX                          else sha256 of the folded name
 *   change       = "chg-" seq                            the change log's sequence number
 *   catalogue    = document                              the id the listed title would have as a document
 *
 * So an id is a pure function of the text (titles, numbering, order within a
 * clause): re-ingesting the same corpus gives the same ids, and permalinks
 * survive (tests/ids/ids.test.ts holds the properties).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export { documentId } from './document-id.js';

export const SAFE_ID = /^[A-Za-z0-9_-]+$/;
export const SAFE_ID_RULE = 'ids contain only letters, digits, - and _';

/** An id as every index schema takes it (the API's parameters add bounds: src/schemas/common.ts). */
export const SafeId = z.string().regex(SAFE_ID, SAFE_ID_RULE);

/** A numbering segment of an eId: the safe characters of `raw` (a label's prefix and number). */
export function eIdSegment(raw: string): string {
  return raw.replace(/[^A-Za-z0-9_-]/g, '');
}

/** A child's eId under its parent's (the root has none). */
export function childEId(parentEId: string | undefined, segment: string): string {
  return parentEId ? `${parentEId}__${segment}` : segment;
}

/** The k-th repeat (k ≥ 1) of an eId already used at the same place: _b, _c, … _z, then _z2, _z3. */
export function repeatedEId(base: string, k: number): string {
  return `${base}_${k < 25 ? String.fromCharCode(97 + k) : `z${k - 23}`}`;
}

/** A node's id: its document's id, and its eId when it is not the root. */
export function clauseId(docId: string, eId: string | undefined): string {
  return eId ? `${docId}--${eId}` : docId;
}

/** A clause id moved to another document id (a document renamed after it was parsed); others unchanged. */
export function renameClauseId(id: string, from: string, to: string): string {
  return id.startsWith(`${from}--`) ? `${to}${id.slice(from.length)}` : id === from ? to : id;
}

/** The n-th (n ≥ 2) id of a document whose id two different texts claim. */
export function numberedDocumentId(docId: string, n: number): string {
  return `${docId}-${n}`;
}

/** The n-th (from 1) task of a clause. */
export function taskId(clause: string, n: number): string {
  return `${clause}__t${n}`;
}

/** The n-th (from 1) reference out of a clause. */
export function referenceId(clause: string, n: number): string {
  return `${clause}__ref${n}`;
}

/** The n-th (from 1) target (指标) of a clause. */
export function targetId(clause: string, n: number): string {
  return `${clause}--tgt_${n}`;
}

/** A department's id, from its canonical name. */
export function departmentId(name: string): string {
  return `dept-${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

/** An indicator (指标) the registry does not name, from its folded name. */
export function indicatorId(folded: string): string {
  return `ind-${createHash('sha256').update(folded).digest('hex').slice(0, 12)}`;
}

/** The change log's event id. */
export function changeId(seq: number): string {
  return `chg-${seq}`;
}
