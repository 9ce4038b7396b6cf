import type { BuiltCorpus } from '../pipeline.js';
import type { Segmenter } from '../enrich/segment/index.js';
import type { DepartmentRegistry } from '../departments/index.js';
import type { IndexPayload } from '../push.js';
import { INDEX } from './index-names.js';
import { originalTexts, toClauseDocs, toDocumentDoc } from './clauses.js';
import { toTaskDocs, toDepartmentDocs } from './tasks.js';
import { toReferenceDocs } from './references.js';
import { looseTitleKey, type CatalogueEntry } from '../split/index.js';
import type { PolicyDocument } from '../model/document.js';

export * from './index-names.js';
export * from './schemas.js';
export { INDEX_SETTINGS } from './settings.js';

/** Converts a built corpus into the documents of every index. Pure apart from the segmenter. */
export function toIndexPayload(
  built: BuiltCorpus,
  ctx: { segmenter: Segmenter; registry: DepartmentRegistry; corpusHash: string; ingestedAt: string },
): IndexPayload {
  const clauses = built.documents.flatMap((doc) =>
    toClauseDocs(doc, ctx.segmenter, originalTexts(doc, built.files)),
  );
  const documents = built.documents.map((doc, i) => toDocumentDoc(doc, i, built.aliases.get(doc.id) ?? [], ctx.segmenter));
  const counts = {
    documents: documents.length,
    clauses: clauses.length,
    tasks: built.tasks.length,
    references: built.references.length,
    catalogue: built.catalogue.length,
  };
  return {
    [INDEX.clauses]: clauses,
    [INDEX.documents]: documents,
    [INDEX.tasks]: toTaskDocs(built.tasks, ctx.segmenter.forIndex),
    [INDEX.departments]: toDepartmentDocs(ctx.registry, built.tasks),
    [INDEX.references]: toReferenceDocs(built.references),
    [INDEX.catalogue]: toCatalogueDocs(built.catalogue, built.documents),
    [INDEX.meta]: [{ id: 'corpus', corpusHash: ctx.corpusHash, ingestedAt: ctx.ingestedAt, counts }],
  } as IndexPayload;
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
