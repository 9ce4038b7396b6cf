import path from 'node:path';
import type { Manifest, ManifestEntry } from './corpus/manifest.js';
import type { PolicyDocument } from '../core/model/document.js';
import type { TextMessage } from '../core/model/messages.js';
import type { DocumentSlice, NormalizedFile, SourceFile } from './stages.js';
import { normalizeText } from './normalize/index.js';
import { splitDocuments, documentId, parseCatalogue, type CatalogueEntry } from './split/index.js';
import { countNodesByKind, parseDocument } from './parse/index.js';
import { applyMerge, mergeCandidate, planMerges, type MergeCandidate, type MergedDocument } from './merge/index.js';
import { extractResponsibilities, type Task } from './enrich/responsibilities/index.js';
import { libraryEntry, renameArticles, type Reference } from '../core/references/index.js';
import { linkDocuments, linkTarget, referenceContext, type LinkTarget, type ReferenceContext } from './enrich/references/link-references.js';
import type { DepartmentRegistry } from '../core/departments/index.js';
import { loadIssuerRegistry, type IssuerRegistry } from './issuers/index.js';
import { loadIndicatorRegistry, type IndicatorRegistry } from '../core/indicators/index.js';
import { extractTargets, type Target } from './enrich/targets/index.js';
import { applyDatesOverride, changeDate, collectChanges, extractDates, withChanges, type ChangesByTitle, type OtherDocumentChange } from './enrich/dates/index.js';

/**
 * Ingestion in two passes, so memory is bounded by the largest file rather
 * than by the corpus:
 *
 *   pass 1, per file: {@link surveyFile} parses it and keeps only light facts
 *     about each document (metadata, a fixed-size text fingerprint, its article
 *     table, the short names it defines) — the tree is dropped;
 *   between passes: {@link planCorpus} decides which copies are one logical
 *     document (merge), final ids and metadata, and the corpus-wide reference
 *     context (every title, alias and article a citation may point to);
 *   pass 2, per file: {@link buildFile} parses it again (parsing is
 *     deterministic) and enriches the kept documents with the plan; the caller
 *     indexes them and lets them go.
 *
 * {@link buildCorpus} runs both passes in memory, for tests and evaluation.
 */

export interface BuiltCorpus {
  /** One per logical document, in corpus order. */
  documents: PolicyDocument[];
  catalogue: CatalogueEntry[];
  tasks: Task[];
  references: Reference[];
  /** Quantitative targets (指标) the documents set. */
  targets: Target[];
  /** Short forms by which documents are cited (defined 简称, titles without 中华人民共和国…), by doc id. */
  aliases: Map<string, string[]>;
  /** The files read, by path, for original wording. */
  files: Map<string, SourceFile>;
  messages: TextMessage[];
}

export interface BuildOptions {
  manifest?: Manifest;
  registry: DepartmentRegistry;
  /** Issuing bodies and their aliases (default: the committed ingest/issuers/registry.json). */
  issuers?: IssuerRegistry;
  /** Indicator names and aliases (default: the committed core/indicators/registry.json). */
  indicators?: IndicatorRegistry;
  /** Called after each step with a short line (default: silent). */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { stage: 'parse'; path: string; documents: number; nodes: number }
  | { stage: 'merge'; documents: number; merged: number }
  | { stage: 'enrich'; path: string; documents: number; tasks: number; references: number };

/** The manifest entry for a file, matched by its path relative to the corpus, or by its base name. */
export function manifestEntry(manifest: Manifest | undefined, file: Pick<SourceFile, 'path'>): ManifestEntry | undefined {
  return manifest?.files[file.path] ?? manifest?.files[path.basename(file.path)];
}

function yearOf(date: string | undefined): number | undefined {
  const m = date?.match(/^(\d{4})/);
  return m ? Number(m[1]) : undefined;
}

function countNodes(doc: PolicyDocument): number {
  return Object.values(countNodesByKind(doc.root)).reduce((a, b) => a + b, 0);
}

/** One file split into documents that are parsed one at a time, on demand. */
export interface LazyFile {
  /** Every document's id, in parse order — known from the split alone. */
  ids: string[];
  catalogue: CatalogueEntry[];
  /** Parses the documents in order; each tree can be let go before the next is built. */
  documents(): Generator<PolicyDocument>;
}

/**
 * Splits one normalized file and ids its documents without parsing them. The
 * links between slices (attachment, compilation) and the catalogue come from
 * the split too, so no document's tree has to wait for another's: a file of a
 * hundred documents costs the memory of its largest one, not of all of them.
 */
export function splitFile(file: NormalizedFile, entry?: ManifestEntry): LazyFile {
  const slices: DocumentSlice[] = splitDocuments(file, entry);
  const ids = slices.map((s) => documentId({ title: s.title, version: s.version, date: s.date, docNumber: s.docNumber }));
  const catalogue = slices.filter((s) => s.kind === 'catalogue').flatMap((s) => parseCatalogue(s.text));
  // A notice lists its attachments; the first document with the notice's id is the one that lists them.
  const attachments = ids.map(() => [] as string[]);
  slices.forEach((slice, i) => {
    if (slice.attachmentOf === undefined) return;
    const notice = ids.indexOf(ids[slice.attachmentOf]!);
    if (!attachments[notice]!.includes(ids[i]!)) attachments[notice]!.push(ids[i]!);
  });
  return {
    ids,
    catalogue,
    *documents() {
      for (const [i, slice] of slices.entries()) {
        const doc = parseDocument(slice, ids[i]!);
        doc.year ??= yearOf(doc.date);
        if (slice.attachmentOf !== undefined) doc.attachmentOf = ids[slice.attachmentOf];
        if (slice.partOf !== undefined) doc.partOf = ids[slice.partOf];
        for (const id of attachments[i]!) if (!doc.attachments.includes(id)) doc.attachments.push(id);
        yield doc;
      }
    },
  };
}

/** Parses one normalized file into documents, all held at once (for tests and small files). */
export function parseFile(file: NormalizedFile, entry?: ManifestEntry): { documents: PolicyDocument[]; catalogue: CatalogueEntry[] } {
  const lazy = splitFile(file, entry);
  return { documents: [...lazy.documents()], catalogue: lazy.catalogue };
}

/** What pass 1 keeps of one file: light facts about each of its documents, in parse order. */
export interface FileSurvey {
  path: string;
  documents: Array<{ candidate: MergeCandidate; link: LinkTarget; changes: OtherDocumentChange[]; changeDate?: string }>;
  catalogue: CatalogueEntry[];
  /** Normalization messages (reported once, here). */
  messages: TextMessage[];
  nodes: number;
}

/** Pass 1 for one file: parse it and keep what merging and reference resolution need. */
export function surveyFile(source: SourceFile, entry?: ManifestEntry, issuers: IssuerRegistry = loadIssuerRegistry()): FileSurvey {
  const normalized = normalizeText(source);
  const file = splitFile(normalized, entry);
  const documents: FileSurvey['documents'] = [];
  let nodes = 0;
  for (const doc of file.documents()) {
    // What each document says about others (同时废止《X》…), linked corpus-wide before pass 2.
    const { dates, changes } = extractDates(doc, issuers);
    const date = changeDate(dates);
    // A copy, not references: titles, names and labels are slices of the file's text, and V8 keeps
    // a sliced string's whole parent alive — the survey would hold every file's text (measured:
    // 22 MB of heap for the 20× corpus, 9 MB with the copy).
    documents.push(structuredClone({ candidate: mergeCandidate(doc), link: linkTarget(doc), changes, ...(date ? { changeDate: date } : {}) }));
    nodes += countNodes(doc);
  }
  return {
    path: source.path,
    documents,
    catalogue: structuredClone(file.catalogue),
    messages: structuredClone(normalized.messages),
    nodes,
  };
}

/** What the corpus as a whole decides before any document is enriched. */
export interface CorpusPlan {
  /** The logical documents in corpus order, with final ids and metadata. */
  documents: MergedDocument[];
  /** By file path, for each document the file parses into (parse order): its parsed id, and the logical document it becomes if it is the copy kept. */
  copies: Map<string, Array<{ parsedId: string; keptAs?: MergedDocument }>>;
  catalogue: CatalogueEntry[];
  /** The corpus-wide part of linking, including the short forms by which each document is cited (`aliases`). */
  references: ReferenceContext;
  /** Repeals and amendments stated by one document about another, by the changed document's title. */
  changes: ChangesByTitle;
  /** Parsed documents that were copies of another and merged into it. */
  duplicatesMerged: number;
  /** Messages of the survey (normalization) and of merging. */
  messages: TextMessage[];
}

/** Decides merges, final ids and the reference context from the surveys of every file. */
export function planCorpus(surveys: readonly FileSurvey[]): CorpusPlan {
  const surveyed = surveys.flatMap((s) => s.documents);
  const merge = planMerges(surveyed.map((d) => d.candidate));
  const order = new Map(merge.documents.map((d, i) => [d.id, i]));
  const copies = new Map<string, Array<{ parsedId: string; keptAs?: MergedDocument }>>();
  const targets: LinkTarget[] = new Array(merge.documents.length);
  const changing: Parameters<typeof collectChanges>[0][number][] = [];
  let i = 0;
  for (const survey of surveys) {
    const list: Array<{ parsedId: string; keptAs?: MergedDocument }> = [];
    for (const { candidate, link, changes, changeDate: date } of survey.documents) {
      const fate = merge.fates[i++]!;
      if (!fate.kept) {
        list.push({ parsedId: candidate.id });
        continue;
      }
      const at = order.get(fate.id)!;
      const merged = merge.documents[at]!;
      list.push({ parsedId: candidate.id, keptAs: merged });
      if (changes.length) changing.push({ id: merged.id, title: merged.title, ...(date ? { date } : {}), changes });
      // The kept copy's articles and definitions, under the logical document's id and metadata.
      targets[at] = { ...link, entry: libraryEntry(merged, renameArticles(link.entry.articles, candidate.id, merged.id)) };
    }
    copies.set(survey.path, list);
  }
  const catalogue = surveys.flatMap((s) => s.catalogue);
  const references = referenceContext(targets, catalogue);
  return {
    documents: merge.documents,
    copies,
    catalogue,
    references,
    changes: collectChanges(changing),
    duplicatesMerged: surveyed.length - merge.documents.length,
    messages: [...surveys.flatMap((s) => s.messages), ...merge.messages],
  };
}

/** What pass 2 produces for one file: its kept documents, enriched, in parse order. */
export interface FilePart {
  source: SourceFile;
  documents: PolicyDocument[];
  tasks: Task[];
  references: Reference[];
  targets: Target[];
  messages: TextMessage[];
}

/**
 * Pass 2 for one file, a document at a time: parse it again, keep the copies
 * the plan keeps (final ids and metadata), enrich each (dates, targets,
 * responsibilities, references) and hand it over as its own part — the
 * caller indexes it and lets it go before the next one is parsed, so one huge
 * file costs the memory of its largest document.
 */
export function* buildFileParts(source: SourceFile, plan: CorpusPlan, opts: Pick<BuildOptions, 'manifest' | 'registry' | 'issuers' | 'indicators'>): Generator<FilePart> {
  const entry = manifestEntry(opts.manifest, source);
  const file = splitFile(normalizeText(source), entry);
  const copies = plan.copies.get(source.path);
  if (!copies || copies.length !== file.ids.length || copies.some((c, i) => c.parsedId !== file.ids[i])) {
    throw new Error(`${source.path} parses differently than when it was surveyed (was it changed during the ingest?)`);
  }
  const issuers = opts.issuers ?? loadIssuerRegistry();
  const indicators = opts.indicators ?? loadIndicatorRegistry();
  let kept = 0;
  let i = 0;
  for (const parsed of file.documents()) {
    const keptAs = copies[i++]!.keptAs;
    if (!keptAs) continue;
    const doc = applyMerge(parsed, keptAs);
    // The file's dates in the manifest belong to its first kept document.
    const first = kept++ === 0;
    addDates(doc, issuers, plan.changes, entry?.documents?.[doc.title] ?? (first ? entry?.dates : undefined));
    // After dates: a target's history cut-off is the document's publication year.
    const targets = extractTargets(doc, indicators);
    const owners = extractResponsibilities([doc], opts.registry);
    const linked = linkDocuments([doc], plan.references);
    const messages = [...doc.messages, ...owners.messages, ...linked.messages];
    yield { source, documents: [doc], tasks: owners.tasks, references: linked.references, targets, messages };
  }
}

/** Pass 2 for one file, every document at once (tests, the in-memory build, one changed file). */
export function buildFile(source: SourceFile, plan: CorpusPlan, opts: Pick<BuildOptions, 'manifest' | 'registry' | 'issuers' | 'indicators'>): FilePart {
  const parts = [...buildFileParts(source, plan, opts)];
  return {
    source,
    documents: parts.flatMap((p) => p.documents),
    tasks: parts.flatMap((p) => p.tasks),
    references: parts.flatMap((p) => p.references),
    targets: parts.flatMap((p) => p.targets),
    messages: parts.flatMap((p) => p.messages),
  };
}

/** Sets a document's dates, maker and meeting: its text, then the manifest's override, then what later documents say. */
function addDates(doc: PolicyDocument, issuers: IssuerRegistry, changes: ChangesByTitle, override: ManifestEntry['dates']): void {
  const extracted = extractDates(doc, issuers);
  const { dates, maker, meeting } = applyDatesOverride(extracted.dates, override);
  doc.dates = withChanges(doc.id, doc.title, dates, changes);
  const m = maker ?? extracted.maker;
  const mt = meeting ?? extracted.meeting;
  if (m) doc.maker = m;
  if (mt) doc.meeting = mt;
}

/** A stable sort of items by the corpus order of the document each belongs to. */
function byDocumentOrder<T>(items: T[], docIdOf: (item: T) => string, order: Map<string, number>): T[] {
  return items
    .map((item, i) => ({ item, i, o: order.get(docIdOf(item)) ?? Infinity }))
    .sort((a, b) => a.o - b.o || a.i - b.i)
    .map((x) => x.item);
}

/**
 * The pure core of ingestion, in memory: source files in, documents with
 * enriched clause trees out (both passes, every result kept). No disk, no
 * network. `runIngest` runs the same passes streaming, file by file.
 */
export function buildCorpus(files: SourceFile[], opts: BuildOptions): BuiltCorpus {
  const surveys = files.map((source) => {
    const survey = surveyFile(source, manifestEntry(opts.manifest, source), opts.issuers);
    opts.onProgress?.({ stage: 'parse', path: source.path, documents: survey.documents.length, nodes: survey.nodes });
    return survey;
  });
  const plan = planCorpus(surveys);
  opts.onProgress?.({ stage: 'merge', documents: plan.documents.length, merged: plan.duplicatesMerged });

  const parts = files.map((source) => {
    const part = buildFile(source, plan, opts);
    opts.onProgress?.({ stage: 'enrich', path: source.path, documents: part.documents.length, tasks: part.tasks.length, references: part.references.length });
    return part;
  });
  const order = new Map(plan.documents.map((d, i) => [d.id, i]));
  return {
    documents: byDocumentOrder(parts.flatMap((p) => p.documents), (d) => d.id, order),
    catalogue: plan.catalogue,
    tasks: byDocumentOrder(parts.flatMap((p) => p.tasks), (t) => t.docId, order),
    references: byDocumentOrder(parts.flatMap((p) => p.references), (r) => r.fromDocId, order),
    targets: byDocumentOrder(parts.flatMap((p) => p.targets), (t) => t.docId, order),
    aliases: plan.references.aliases,
    files: new Map(files.map((f) => [f.path, f])),
    messages: [...plan.messages, ...parts.flatMap((p) => p.messages)],
  };
}
