import type { Segmenter } from '../../core/segment/index.js';
import { toSearchField } from '../../core/segment/search-field.js';
import type { DepartmentRegistry } from '../../core/departments/index.js';
import type { Task } from '../enrich/responsibilities/index.js';
import type { Reference } from '../../core/references/index.js';
import type { DocumentMeta, PolicyDocument } from '../../core/model/document.js';
import type { SourceFile } from '../stages.js';
import { looseTitleKey, type CatalogueEntry } from '../split/index.js';
import { INDEX, type IndexName } from '../../core/index/index-names.js';
import { originalTexts, toClauseDocs, toDocumentDoc } from './clauses.js';
import { toTaskDocs, toDepartmentDocs } from '../../core/index/tasks.js';
import { toReferenceDocs } from '../../core/index/references.js';
import { toIndicatorDocs, toTargetDocs, SeriesPoint } from '../../core/index/targets.js';
import type { Target } from '../enrich/targets/index.js';
import { loadIndicatorRegistry, type IndicatorRegistry } from '../../core/indicators/index.js';
import { createLexiconCollector } from '../../core/thesaurus/lexicon.js';

export * from '../../core/index/index-names.js';
export * from '../../core/index/schemas.js';
export * from '../../core/index/targets.js';
export { INDEX_SETTINGS } from '../../core/index/settings.js';

export interface PayloadContext {
  segmenter: Segmenter;
  registry: DepartmentRegistry;
  corpusHash: string;
  ingestedAt: string;
  /** Indicator names and aliases (default: the committed registry). */
  indicators?: IndicatorRegistry;
}

/** One document for one index: the unit a streamed ingest pushes. */
export interface IndexEntry {
  index: IndexName;
  doc: Record<string, unknown>;
}

/** Documents per index, as the meta document records them. */
export type IndexCounts = Record<'documents' | 'clauses' | 'tasks' | 'references' | 'catalogue' | 'targets' | 'indicators', number>;

/** What conversion needs to know about the whole corpus before the first document: order, titles, short forms, catalogue. */
export interface CorpusOutline {
  documents: ReadonlyArray<Pick<DocumentMeta, 'id' | 'title'>>;
  aliases: ReadonlyMap<string, string[]>;
  catalogue: readonly CatalogueEntry[];
}

/** Built documents to convert: one file's (streamed ingest) or the whole corpus's. */
export interface BuiltPart {
  documents: PolicyDocument[];
  tasks: Task[];
  references: Reference[];
  /** Targets (absent: none). */
  targets?: Target[];
  /** Source files by path, for the original wording of clauses. */
  files: ReadonlyMap<string, SourceFile>;
}

export interface IndexConverter {
  /** The entries of one part, clause documents produced document by document. */
  part(part: BuiltPart): Generator<IndexEntry>;
  /** The entries that need every part first: departments (task counts), catalogue, meta (counts). */
  finish(): Generator<IndexEntry>;
  counts(): IndexCounts;
}

/**
 * Converts built documents to index entries part by part, keeping only what
 * the corpus-wide indexes need (task owners for department counts, totals), so
 * a streamed ingest holds one file's documents at a time.
 */
export function createIndexConverter(outline: CorpusOutline, ctx: PayloadContext): IndexConverter {
  const order = new Map(outline.documents.map((d, i) => [d.id, i]));
  const owners: Array<Pick<Task, 'owners'>> = [];
  const counts: IndexCounts = { documents: 0, clauses: 0, tasks: 0, references: 0, catalogue: 0, targets: 0, indicators: 0 };
  // The series of every indicator, kept light (one point per target) until finish().
  const points: Array<SeriesPoint & { indicatorId: string; indicator: string }> = [];
  const indicators = ctx.indicators ?? loadIndicatorRegistry();
  // Counts the vocabulary as clauses are segmented, for the query stage's lexicon (core/thesaurus/lexicon.ts).
  const lexicon = createLexiconCollector(ctx.segmenter);
  return {
    *part(part) {
      const files = part.files as Map<string, SourceFile>;
      for (const doc of part.documents) {
        for (const clause of toClauseDocs(doc, lexicon.segmenter, originalTexts(doc, files))) {
          counts.clauses++;
          lexicon.clause(clause);
          yield { index: INDEX.clauses, doc: clause };
        }
        counts.documents++;
        yield { index: INDEX.documents, doc: toDocumentDoc(doc, order.get(doc.id) ?? order.size, outline.aliases.get(doc.id) ?? [], ctx.segmenter) };
        for (const t of toTargetDocs(doc, (part.targets ?? []).filter((x) => x.docId === doc.id), counts.targets)) {
          const { id, docId, docTitle, clauseId, citation, asWritten, value, unit, year, qualifier, baseline, binding, form, indicatorId, indicator } = t;
          points.push({ id, docId, docTitle, clauseId, citation, asWritten, value, unit, year, form, indicatorId, indicator, ...(qualifier ? { qualifier } : {}), ...(baseline ? { baseline } : {}), ...(binding !== undefined ? { binding } : {}) });
          counts.targets++;
          yield { index: INDEX.targets, doc: t };
        }
      }
      for (const task of toTaskDocs(part.tasks, (text) => toSearchField(ctx.segmenter.indexTokens(text)), counts.tasks)) {
        owners.push({ owners: task.owners });
        counts.tasks++;
        yield { index: INDEX.tasks, doc: task };
      }
      for (const ref of toReferenceDocs(part.references)) {
        counts.references++;
        yield { index: INDEX.references, doc: ref };
      }
    },
    *finish() {
      for (const doc of toDepartmentDocs(ctx.registry, owners)) yield { index: INDEX.departments, doc };
      const seg = (text: string) => toSearchField(ctx.segmenter.indexTokens(text));
      const byPoint = new Map(points.map((p) => [p.id, p]));
      for (const doc of toIndicatorDocs(points.map(({ indicatorId: _i, indicator: _n, ...p }) => p), (p) => ({ id: byPoint.get(p.id)!.indicatorId, name: byPoint.get(p.id)!.indicator }), indicators, seg)) {
        counts.indicators++;
        yield { index: INDEX.indicators, doc };
      }
      for (const doc of toCatalogueDocs(outline.catalogue, outline.documents)) {
        counts.catalogue++;
        yield { index: INDEX.catalogue, doc };
      }
      yield { index: INDEX.meta, doc: lexicon.finish(outline.documents) };
      yield { index: INDEX.meta, doc: { id: 'corpus', corpusHash: ctx.corpusHash, ingestedAt: ctx.ingestedAt, counts: { ...counts } } };
    },
    counts: () => ({ ...counts }),
  };
}

/** Every index entry of a corpus built in memory, produced lazily in the order a streamed ingest sends them. */
export function* toIndexStreams(built: BuiltPart & CorpusOutline, ctx: PayloadContext): Generator<IndexEntry> {
  const converter = createIndexConverter(built, ctx);
  yield* converter.part(built);
  yield* converter.finish();
}

/** The same documents grouped by index, as arrays (for evaluation and tests that inspect them). */
export function toIndexPayload(built: BuiltPart & CorpusOutline, ctx: PayloadContext): Record<IndexName, Array<Record<string, unknown>>> {
  const out = Object.fromEntries(Object.values(INDEX).map((name) => [name, [] as Array<Record<string, unknown>>])) as Record<
    IndexName,
    Array<Record<string, unknown>>
  >;
  for (const { index, doc } of toIndexStreams(built, ctx)) out[index].push(doc);
  return out;
}

/** Catalogue entries, each linked to the corpus document it lists when there is one. */
export function toCatalogueDocs(entries: readonly CatalogueEntry[], documents: ReadonlyArray<Pick<DocumentMeta, 'id' | 'title'>>): Array<Record<string, unknown>> {
  const byTitle = new Map(documents.map((d) => [looseTitleKey(d.title), d.id]));
  return entries.map((e) => {
    const docId = byTitle.get(looseTitleKey(e.title));
    const year = e.date ? Number(e.date.slice(0, 4)) : undefined;
    return { ...e, ...(year ? { year } : {}), ...(docId ? { docId } : {}) };
  });
}
