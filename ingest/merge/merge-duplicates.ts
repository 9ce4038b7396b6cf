import type { DocumentMeta, DocumentSource, PolicyDocument } from '../../core/model/document.js';
import { textMessage, type TextMessage } from '../../core/model/messages.js';
import type { PolicyNode } from '../../core/model/tree.js';
import { parseCatalogue, type CatalogueEntry } from '../split/catalogue.js';
import { documentId, looseTitleKey, normalizeTitle } from '../../core/ids/document-id.js';
import { isOrganName, preciserDate } from '../split/metadata.js';
import { estimateContainment, estimateJaccard, fingerprint, type TextFingerprint } from './fingerprint.js';
import { clauseId, numberedDocumentId } from '../../core/ids/ids.js';

/**
 * Thresholds for "same text". Measured on the corpus: two copies of one
 * document from different extractions score Jaccard ≈ 0.98; different documents
 * on the same topic stay below 0.1 (containment below 0.35).
 */
export const SAME_TEXT = { jaccard: 0.5, containment: 0.85, sizeRatio: 0.5 } as const;

/**
 * What merging needs to know about one parsed document — its metadata and a
 * fixed-size fingerprint of its text, not its text or tree — so a large
 * corpus can be planned without holding every document in memory.
 */
export interface MergeCandidate extends DocumentMeta {
  textLength: number;
  fingerprint: TextFingerprint;
  /** For a catalogue document (附表): the entries it lists, which complete other documents' metadata. */
  listed?: CatalogueEntry[];
}

/** A logical document as merging decided it: final id and metadata, plus the messages merging adds to it. */
export interface MergedDocument extends DocumentMeta {
  added: TextMessage[];
}

export interface MergePlan {
  /** One per logical document, in corpus order (first source path, then offset). */
  documents: MergedDocument[];
  /** For each candidate, in input order: the logical document it is a copy of, and whether its tree is the one kept. */
  fates: Array<{ id: string; kept: boolean }>;
  messages: TextMessage[];
}

export function mergeCandidate(doc: PolicyDocument): MergeCandidate {
  const { text, root: _root, messages: _messages, ...meta } = doc;
  return {
    ...meta,
    textLength: text.length,
    fingerprint: fingerprint(text),
    ...(doc.kind === 'catalogue' ? { listed: parseCatalogue(text) } : {}),
  };
}

/** The first source of a document in path order, for ordering and tie-breaks. */
function firstSource(doc: Pick<DocumentMeta, 'sources'>): { path: string; start: number } {
  let best: { path: string; start: number } | undefined;
  for (const s of doc.sources) {
    if (!best || s.path < best.path || (s.path === best.path && s.start < best.start)) best = s;
  }
  return best ?? { path: '', start: 0 };
}

function compareByPlace(a: DocumentMeta, b: DocumentMeta): number {
  const sa = firstSource(a);
  const sb = firstSource(b);
  if (sa.path !== sb.path) return sa.path < sb.path ? -1 : 1;
  if (sa.start !== sb.start) return sa.start - sb.start;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Artifacts repaired per 1,000 characters of the copy: the copy that needed
 * fewer repairs is the cleaner one. Per length, so a copy is not penalized for
 * being complete.
 */
function artifactRate(doc: MergeCandidate): number {
  const artifacts = doc.sources.filter((s) => s.chosen).reduce((n, s) => n + s.artifacts, 0);
  return Math.round((artifacts * 1000 * 1000) / Math.max(1, doc.textLength)) / 1000;
}

/** Better copy first: fewer artifacts (per 1,000 characters), then longer text, then path order. */
function compareQuality(a: MergeCandidate, b: MergeCandidate): number {
  return artifactRate(a) - artifactRate(b) || b.textLength - a.textLength || compareByPlace(a, b);
}

/** Kinds that may describe the same document: equal, or one of them unknown. */
function kindsAgree(a: DocumentMeta, b: DocumentMeta): boolean {
  return a.kind === b.kind || a.kind === 'other' || b.kind === 'other';
}

function versionsAgree(a: DocumentMeta, b: DocumentMeta): boolean {
  return !a.version || !b.version || normalizeTitle(a.version) === normalizeTitle(b.version);
}

function sameText(a: MergeCandidate, b: MergeCandidate): boolean {
  const fa = a.fingerprint;
  const fb = b.fingerprint;
  if (estimateJaccard(fa, fb) >= SAME_TEXT.jaccard) return true;
  const ratio = Math.min(fa.size, fb.size) / Math.max(1, fa.size, fb.size);
  return ratio >= SAME_TEXT.sizeRatio && estimateContainment(fa, fb) >= SAME_TEXT.containment;
}

/** Rewrites the ids of a document's tree after its id changed (node ids are `${docId}--${eId}`). */
function renameTree(node: PolicyNode, id: string): PolicyNode {
  return { ...node, id: clauseId(id, node.eId), children: node.children.map((c) => renameTree(c, id)) };
}

/**
 * A key to look a document up in a catalogue: the forgiving title key, also
 * without the organ before 关于 ("中共中央国务院关于…") and without a notice
 * wrapper ("关于印发X的通知", "关于X的通知" → X), since catalogues list the
 * issuing notice where a compilation prints the document.
 */
export function catalogueKey(title: string): string {
  let t = normalizeTitle(title);
  const organ = /^(.{2,30}?)关于/u.exec(t);
  if (organ && isOrganName(organ[1]!)) t = t.slice(organ[1]!.length);
  const wrapped = /^关于(?:印发|转发)?(.+?)的?通知$/u.exec(t);
  if (wrapped && !/^(加强|做好|开展|进一步)/u.test(wrapped[1]!)) t = wrapped[1]!;
  return looseTitleKey(t.replace(/^关于/u, ''));
}

/** The metadata fields of a candidate (what a merged document keeps). */
function metaOf(c: MergeCandidate): DocumentMeta {
  const { textLength: _l, fingerprint: _f, listed: _c, ...meta } = c;
  return meta;
}

/** Merges the metadata of the copies into the kept one: its own values first, then what the others add. */
function mergeMeta(kept: MergeCandidate, others: MergeCandidate[], messages: TextMessage[]): DocumentMeta {
  const out = metaOf(kept);
  for (const o of others) {
    out.issuer ??= o.issuer;
    out.docNumber ??= o.docNumber;
    out.version ??= o.version;
    if (out.kind === 'other') out.kind = o.kind;
    const date = preciserDate(out.date, o.date);
    if (out.date && o.date && date === out.date && !out.date.startsWith(o.date)) {
      messages.push(
        textMessage('info', 'merge/dates-disagree', `《${out.title}》 is dated ${out.date} in one copy and ${o.date} in another; kept ${out.date}.`),
      );
    }
    if (date) out.date = date;
  }
  if (out.date) out.year = Number(out.date.slice(0, 4));
  return out;
}

/** Fills issuer and date of documents listed in a catalogue document, where the document itself does not say. */
function enrichFromCatalogues(docs: MergedDocument[], listings: CatalogueEntry[][]): number {
  const entries = new Map<string, CatalogueEntry>();
  for (const listed of listings) for (const e of listed) if (!entries.has(catalogueKey(e.title))) entries.set(catalogueKey(e.title), e);
  if (entries.size === 0) return 0;
  let filled = 0;
  docs.forEach((doc, i) => {
    if (doc.kind === 'catalogue' || doc.kind === 'compilation') return;
    const entry = entries.get(catalogueKey(doc.title + (doc.version ?? ''))) ?? entries.get(catalogueKey(doc.title));
    if (!entry) return;
    const date = preciserDate(doc.date, entry.date);
    const issuer = doc.issuer ?? entry.issuer;
    if (date === doc.date && issuer === doc.issuer) return;
    docs[i] = { ...doc, ...(date ? { date, year: Number(date.slice(0, 4)) } : {}), ...(issuer ? { issuer } : {}) };
    filled++;
  });
  return filled;
}

/**
 * Decides which parsed documents are copies of the same logical document, and
 * what each logical document's id and metadata are — from metadata and text
 * fingerprints alone ({@link MergeCandidate}).
 *
 * - Identity: the same title by {@link looseTitleKey} (so a missing 的 or a
 *   missing version suffix still matches), no conflicting versions or kinds, and
 *   the same text: Jaccard of 5-character shingles ≥ 0.5, or containment ≥ 0.85
 *   for copies of comparable size ({@link SAME_TEXT}; estimated from the
 *   fingerprints). Two different documents with similar titles are never merged.
 * - The kept copy: fewer repaired artifacts per 1,000 characters, then longer
 *   text, then path order. Its id, text and tree are kept; `sources` lists every
 *   copy, `chosen: true` on the kept one's.
 * - Metadata: the kept copy's, completed by the others' (a more precise date
 *   that agrees wins), then by catalogue documents (附表) listing the document.
 * - Links (`partOf`, `attachmentOf`, `attachments`) to a dropped copy are
 *   re-pointed to the kept one. Two different texts that share an id get
 *   distinct ids (keyed on their dates, else a numeric suffix).
 * - Output in a deterministic order: by first source path, then offset.
 */
export function planMerges(candidates: readonly MergeCandidate[]): MergePlan {
  const messages: TextMessage[] = [];
  const indexOf = new Map(candidates.map((c, i) => [c, i]));
  const ordered = [...candidates].sort(compareByPlace);

  // Clusters of copies, grouped under their forgiving title key.
  const clusters: MergeCandidate[][] = [];
  const byKey = new Map<string, MergeCandidate[][]>();
  for (const doc of ordered) {
    const key = looseTitleKey(doc.title + (doc.version ?? '')) || doc.id;
    const groups = byKey.get(key) ?? [];
    const home = groups.find((c) => kindsAgree(c[0]!, doc) && versionsAgree(c[0]!, doc) && sameText(c[0]!, doc));
    if (home) home.push(doc);
    else {
      const cluster = [doc];
      groups.push(cluster);
      byKey.set(key, groups);
      clusters.push(cluster);
    }
  }

  const fates: MergePlan['fates'] = new Array(candidates.length);
  const idMap = new Map<string, string>();
  /** "path\0old id" → new id, for documents renamed because their id was taken. */
  const renamed = new Map<string, string>();
  const usedIds = new Set<string>();
  const merged: MergedDocument[] = [];
  const listings: CatalogueEntry[][] = [];
  for (const cluster of clusters) {
    const [kept, ...others] = [...cluster].sort(compareQuality);
    const doc: MergedDocument = { ...mergeMeta(kept!, others, messages), added: [] };
    if (kept!.listed) listings.push(kept!.listed);
    const sources: DocumentSource[] = cluster
      .flatMap((d) => d.sources.map((s) => ({ ...s, chosen: d === kept && s.chosen })))
      .sort((a, b) => (a.path !== b.path ? (a.path < b.path ? -1 : 1) : a.start - b.start));
    doc.sources = sources;
    if (others.length) {
      doc.added.push(
        textMessage(
          'info',
          'merge/duplicate',
          `《${doc.title}》 appears in ${sources.map((s) => s.path).join(', ')}; kept the copy from ${firstSource(kept!).path}.`,
          { path: firstSource(kept!).path },
        ),
      );
    }
    // Two different texts with one id: the later one gets an id keyed on its date, else a suffix.
    if (usedIds.has(doc.id)) {
      const old = doc.id;
      let id = documentId({ title: doc.title, version: doc.version, date: doc.date }, { withDate: true });
      for (let n = 2; usedIds.has(id); n++) id = numberedDocumentId(old, n);
      messages.push(
        textMessage('warning', 'merge/same-title-different-text', `Two different texts are titled 《${doc.title}》; the one in ${firstSource(doc).path} gets id ${id}.`, {
          path: firstSource(doc).path,
        }),
      );
      // Links from the same file to the old id meant this document.
      for (const s of doc.sources) renamed.set(`${s.path}\u0000${old}`, id);
      doc.id = id;
    }
    usedIds.add(doc.id);
    for (const c of cluster) fates[indexOf.get(c)!] = { id: doc.id, kept: c === kept };
    for (const o of others) if (o.id !== doc.id) idMap.set(o.id, doc.id);
    doc.attachments = [...new Set([...cluster.flatMap((d) => d.attachments)])];
    // Links of a dropped copy are kept when the kept copy has none (a plan both standalone and in a compilation).
    const partOfOwner = doc.partOf ? undefined : others.find((o) => o.partOf);
    const attachmentOfOwner = doc.attachmentOf ? undefined : others.find((o) => o.attachmentOf);
    if (partOfOwner) doc.partOf = partOfOwner.partOf;
    if (attachmentOfOwner) doc.attachmentOf = attachmentOfOwner.attachmentOf;
    merged.push(doc);
  }

  // A link means the document it named in its own file: a renamed one there, else the kept copy.
  const repoint = (from: DocumentMeta, id: string | undefined): string | undefined => {
    if (id === undefined) return undefined;
    for (const s of from.sources) {
      const r = renamed.get(`${s.path}\u0000${id}`);
      if (r) return r;
    }
    return idMap.get(id) ?? id;
  };
  const documents = merged.map((doc) => {
    const attachments = [...new Set(doc.attachments.map((a) => repoint(doc, a)!))].filter((a) => a !== doc.id);
    const out: MergedDocument = { ...doc, attachments };
    const partOf = repoint(doc, doc.partOf);
    const attachmentOf = repoint(doc, doc.attachmentOf);
    if (partOf && partOf !== doc.id) out.partOf = partOf;
    else delete out.partOf;
    if (attachmentOf && attachmentOf !== doc.id) out.attachmentOf = attachmentOf;
    else delete out.attachmentOf;
    return out;
  });

  const filled = enrichFromCatalogues(documents, listings);
  if (filled) messages.push(textMessage('info', 'merge/catalogue-metadata', `Filled issuer or date of ${filled} documents from a catalogue.`));
  const mergedCount = candidates.length - documents.length;
  if (mergedCount) messages.push(textMessage('info', 'merge/summary', `Merged ${mergedCount} duplicate copies into ${documents.length} documents.`));
  documents.sort(compareByPlace);
  return { documents, fates, messages };
}

/** The kept copy of a logical document as merging decided it: final id (its tree renamed), metadata and messages. */
export function applyMerge(doc: PolicyDocument, merged: MergedDocument): PolicyDocument {
  const { added, ...meta } = merged;
  const root = doc.id === merged.id ? doc.root : renameTree(doc.root, merged.id);
  return { ...meta, text: doc.text, root, messages: [...doc.messages, ...added] };
}

/**
 * Merges copies of the same logical document found in several places (a plan
 * in its own file and again inside a compilation) into one document: the
 * in-memory form of {@link planMerges} + {@link applyMerge}.
 */
export function mergeDuplicates(docs: PolicyDocument[]): { documents: PolicyDocument[]; messages: TextMessage[] } {
  const plan = planMerges(docs.map(mergeCandidate));
  const order = new Map(plan.documents.map((d, i) => [d.id, i]));
  const documents: PolicyDocument[] = new Array(plan.documents.length);
  docs.forEach((doc, i) => {
    const fate = plan.fates[i]!;
    if (fate.kept) documents[order.get(fate.id)!] = applyMerge(doc, plan.documents[order.get(fate.id)!]!);
  });
  return { documents, messages: plan.messages };
}
