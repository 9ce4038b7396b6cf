import { z } from 'zod';
import { Reference } from '../references/reference.js';

/**
 * The `references` index: one document per citation occurrence. Beyond the
 * Reference itself it carries `edge` (fromDocId>toDocId, for the citation graph
 * as a facet count) and `target` (what the reference points at, whatever its
 * status: a doc id, a catalogue id, or the normalized citation).
 */
export const ReferenceDoc = Reference.extend({
  /** `${fromDocId}>${toDocId}` when the target is a document of the corpus and not the citing one. */
  edge: z.string().optional(),
  /** toDocId, else catalogueId, else the normalized citation — a key for grouping per target. */
  target: z.string(),
});
export type ReferenceDoc = z.infer<typeof ReferenceDoc>;

/** Converts references to index documents (validated: a bad one is a programming error and throws). */
export function toReferenceDocs(references: readonly Reference[]): ReferenceDoc[] {
  return references.map((r) => {
    const doc: ReferenceDoc = { ...r, target: r.toDocId ?? r.catalogueId ?? r.normalized };
    if (r.toDocId && r.toDocId !== r.fromDocId) doc.edge = `${r.fromDocId}>${r.toDocId}`;
    return ReferenceDoc.parse(doc);
  });
}
