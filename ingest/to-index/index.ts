import type { BuiltCorpus } from '../pipeline.js';
import type { Segmenter } from '../enrich/segment/index.js';
import type { DepartmentRegistry } from '../departments/index.js';
import type { IndexPayload } from '../push.js';
import { INDEX, type IndexName } from './index-names.js';
import { walk } from '../model/tree.js';
import type { ClauseDoc } from './schemas.js';
import { originalTexts, toClauseDocs, toDocumentDoc } from './clauses.js';
import { toTaskDocs, toDepartmentDocs } from './tasks.js';
import { toReferenceDocs } from './references.js';
import { looseTitleKey, type CatalogueEntry } from '../split/index.js';
import type { PolicyDocument } from '../model/document.js';

export * from './index-names.js';
export * from './schemas.js';
export { INDEX_SETTINGS } from './settings.js';

export interface PayloadContext {
  segmenter: Segmenter;
  registry: DepartmentRegistry;
  corpusHash: string;
  ingestedAt: string;
}

function* clauseDocsOf(built: BuiltCorpus, segmenter: Segmenter): Generator<ClauseDoc> {
  for (const doc of built.documents) yield* toClauseDocs(doc, segmenter, originalTexts(doc, built.files));
}

/** How many documents each index will hold, without converting anything. */
export function payloadCounts(built: BuiltCorpus): Record<'documents' | 'clauses' | 'tasks' | 'references' | 'catalogue', number> {
  let clauses = 0;
  for (const doc of built.documents) for (const _ of walk(doc.root)) clauses++;
  return {
    documents: built.documents.length,
    clauses,
    tasks: built.tasks.length,
    references: built.references.length,
    catalogue: built.catalogue.length,
  };
}

/**
 * The documents of every index, as iterables: clause documents (the bulk, with
 * their segmented fields) are produced one source document at a time while
 * they are pushed, so they never all sit in memory together.
 */
export function toIndexStreams(built: BuiltCorpus, ctx: PayloadContext): IndexPayload {
  const counts = payloadCounts(built);
  return {
    [INDEX.clauses]: { [Symbol.iterator]: () => clauseDocsOf(built, ctx.segmenter) },
    [INDEX.documents]: built.documents.map((doc, i) => toDocumentDoc(doc, i, built.aliases.get(doc.id) ?? [], ctx.segmenter)),
    [INDEX.tasks]: toTaskDocs(built.tasks, ctx.segmenter.forIndex),
    [INDEX.departments]: toDepartmentDocs(ctx.registry, built.tasks),
    [INDEX.references]: toReferenceDocs(built.references),
    [INDEX.catalogue]: toCatalogueDocs(built.catalogue, built.documents),
    [INDEX.meta]: [{ id: 'corpus', corpusHash: ctx.corpusHash, ingestedAt: ctx.ingestedAt, counts }],
  } as IndexPayload;
}

/** The same documents as arrays (for evaluation and tests that inspect them). */
export function toIndexPayload(built: BuiltCorpus, ctx: PayloadContext): Record<IndexName, Array<Record<string, unknown>>> {
  const streams = toIndexStreams(built, ctx);
  return Object.fromEntries(Object.entries(streams).map(([k, v]) => [k, [...v]])) as Record<IndexName, Array<Record<string, unknown>>>;
}

/** Catalogue entries, each linked to the corpus document it lists when there is one. */
export function toCatalogueDocs(entries: CatalogueEntry[], documents: PolicyDocument[]): Array<Record<string, unknown>> {
  const byTitle = new Map(documents.map((d) => [looseTitleKey(d.title), d.id]));
  return entries.map((e) => {
    const docId = byTitle.get(looseTitleKey(e.title));
    const year = e.date ? Number(e.date.slice(0, 4)) : undefined;
    return { ...e, ...(year ? { year } : {}), ...(docId ? { docId } : {}) };
  });
}
