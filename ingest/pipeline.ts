import path from 'node:path';
import type { Manifest, ManifestEntry } from './corpus/manifest.js';
import type { PolicyDocument } from './model/document.js';
import type { TextMessage } from './model/messages.js';
import type { DocumentSlice, NormalizedFile, SourceFile } from './stages.js';
import { normalizeText } from './normalize/index.js';
import { splitDocuments, documentId, parseCatalogue, type CatalogueEntry } from './split/index.js';
import { countNodesByKind, parseDocument } from './parse/index.js';
import { mergeDuplicates } from './merge/index.js';
import { extractResponsibilities, type Task } from './enrich/responsibilities/index.js';
import { linkReferences, type Reference } from './enrich/references/index.js';
import type { DepartmentRegistry } from './departments/index.js';

export interface BuiltCorpus {
  /** One per logical document, in corpus order. */
  documents: PolicyDocument[];
  catalogue: CatalogueEntry[];
  tasks: Task[];
  references: Reference[];
  /** Short forms by which documents are cited (defined 简称, titles without 中华人民共和国…), by doc id. */
  aliases: Map<string, string[]>;
  /** The files read, by path, for original wording. */
  files: Map<string, SourceFile>;
  messages: TextMessage[];
}

export interface BuildOptions {
  manifest?: Manifest;
  registry: DepartmentRegistry;
  /** Called after each stage with a short line (default: silent). */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { stage: 'parse'; path: string; documents: number; nodes: number }
  | { stage: 'merge'; documents: number; merged: number }
  | { stage: 'enrich'; tasks: number; references: number };

/** The manifest entry for a file, matched by its path relative to the corpus, or by its base name. */
function manifestEntry(manifest: Manifest | undefined, file: SourceFile): ManifestEntry | undefined {
  return manifest?.files[file.path] ?? manifest?.files[path.basename(file.path)];
}

function yearOf(date: string | undefined): number | undefined {
  const m = date?.match(/^(\d{4})/);
  return m ? Number(m[1]) : undefined;
}

function countNodes(doc: PolicyDocument): number {
  return Object.values(countNodesByKind(doc.root)).reduce((a, b) => a + b, 0);
}

/**
 * Parses one normalized file into documents: split, id, parse, and turn the
 * slices' index links (attachment, compilation) into document ids.
 */
export function parseFile(file: NormalizedFile, entry?: ManifestEntry): { documents: PolicyDocument[]; catalogue: CatalogueEntry[] } {
  const slices: DocumentSlice[] = splitDocuments(file, entry);
  const ids = slices.map((s) => documentId({ title: s.title, version: s.version, date: s.date, docNumber: s.docNumber }));
  const catalogue: CatalogueEntry[] = [];
  const documents = slices.map((slice, i) => {
    const doc = parseDocument(slice, ids[i]!);
    doc.year ??= yearOf(doc.date);
    if (slice.attachmentOf !== undefined) doc.attachmentOf = ids[slice.attachmentOf];
    if (slice.partOf !== undefined) doc.partOf = ids[slice.partOf];
    if (slice.kind === 'catalogue') catalogue.push(...parseCatalogue(slice.text));
    return doc;
  });
  for (const doc of documents) {
    if (!doc.attachmentOf) continue;
    const notice = documents.find((d) => d.id === doc.attachmentOf);
    if (notice && !notice.attachments.includes(doc.id)) notice.attachments.push(doc.id);
  }
  return { documents, catalogue };
}

/**
 * The pure core of ingestion: source files in, documents with enriched clause
 * trees out. No disk, no network.
 */
export function buildCorpus(files: SourceFile[], opts: BuildOptions): BuiltCorpus {
  const messages: TextMessage[] = [];
  const parsed: PolicyDocument[] = [];
  const catalogue: CatalogueEntry[] = [];
  for (const source of files) {
    const normalized = normalizeText(source);
    messages.push(...normalized.messages);
    const { documents, catalogue: entries } = parseFile(normalized, manifestEntry(opts.manifest, source));
    parsed.push(...documents);
    catalogue.push(...entries);
    opts.onProgress?.({
      stage: 'parse',
      path: source.path,
      documents: documents.length,
      nodes: documents.reduce((n, d) => n + countNodes(d), 0),
    });
  }
  const merged = mergeDuplicates(parsed);
  messages.push(...merged.messages);
  const documents = merged.documents;
  opts.onProgress?.({ stage: 'merge', documents: documents.length, merged: parsed.length - documents.length });

  const owners = extractResponsibilities(documents, opts.registry);
  const refs = linkReferences(documents, catalogue);
  messages.push(...owners.messages, ...refs.messages);
  for (const doc of documents) messages.push(...doc.messages);
  opts.onProgress?.({ stage: 'enrich', tasks: owners.tasks.length, references: refs.references.length });

  return {
    documents,
    catalogue,
    tasks: owners.tasks,
    references: refs.references,
    aliases: refs.aliases,
    files: new Map(files.map((f) => [f.path, f])),
    messages,
  };
}
