import type { DocumentSource } from '../../core/model/document.js';
import type { CorpusPlan } from '../pipeline.js';

/**
 * The pure part of an incremental change: given what the live index holds and
 * the plan of the library after the change, which documents are added,
 * removed or changed, and which files must be built again.
 */

/** What the live `documents` index says about one document (the fields planning needs). */
export interface LiveDocument {
  id: string;
  title: string;
  kind: string;
  issuer?: string;
  docNumber?: string;
  aliases?: string[];
  sources: DocumentSource[];
  order?: number;
}

/** added: a new document; merged: another copy (a new source) of one already there; replaced: its file was replaced; updated: its metadata or sources changed otherwise; removed. */
export type ChangeAction = 'added' | 'replaced' | 'merged' | 'updated' | 'removed';

export interface DocumentChange {
  action: ChangeAction;
  docId: string;
  title: string;
  kind: string;
  issuer?: string;
  /** Source files after the change (before, for a removal). */
  sources: string[];
}

/** Forms under which a document may be cited, compacted like {@link compactText} for a plain substring test. */
export function citedForms(doc: { title: string; aliases?: readonly string[]; docNumber?: string }): string[] {
  const forms = new Set<string>();
  const add = (s: string | undefined) => {
    const c = s ? compactText(s) : '';
    // One- or two-character forms (条例, 本法) would match almost every file: the full title is there too.
    if (c.length >= 3) forms.add(c);
  };
  add(doc.title);
  add(doc.title.replace(/^中华人民共和国/, ''));
  // A version in brackets is often left out when citing: 《…行动方案》 for 《…行动方案（2024-2025年）》.
  add(doc.title.replace(/[（(][^（）()]*[）)]/g, ''));
  for (const a of doc.aliases ?? []) add(a);
  add(doc.docNumber);
  return [...forms];
}

/**
 * Text reduced for "may this file cite that title?": width-folded, without
 * white space (hard-wrapped lines split titles). A superset test: a file that
 * matches is built again, and building it again changes nothing if it did not
 * in fact cite the document.
 */
export function compactText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

function sourceKey(s: DocumentSource): string {
  return `${s.path}\u0000${s.start}\u0000${s.end}\u0000${s.chosen}`;
}

function sameSources(a: readonly DocumentSource[], b: readonly DocumentSource[]): boolean {
  return a.length === b.length && a.map(sourceKey).sort().join('\n') === b.map(sourceKey).sort().join('\n');
}

export interface ChangePlan {
  added: string[];
  removed: string[];
  /** Present before and after, with other sources or metadata (a merged copy, a replaced file). */
  changed: string[];
  /** Files to build again: every file holding a copy of an added or changed document, plus the citing files given. */
  rebuild: string[];
  /** Per document, what the change log records. */
  changes: DocumentChange[];
}

/**
 * Compares the live documents with the plan after the change.
 * @param citing files whose text may cite a document added, removed or changed
 * @param replacedFiles files the change replaces (their documents are "replaced", not "merged", when they stay)
 */
export function planChange(
  live: ReadonlyMap<string, LiveDocument>,
  plan: Pick<CorpusPlan, 'documents' | 'references'>,
  citing: Iterable<string>,
  opts: { replace?: boolean } = {},
): ChangePlan {
  const next = new Map(plan.documents.map((d) => [d.id, d]));
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  const changes: DocumentChange[] = [];
  const rebuild = new Set<string>(citing);
  const paths = (s: readonly DocumentSource[]) => [...new Set(s.map((x) => x.path))];
  for (const doc of plan.documents) {
    const old = live.get(doc.id);
    const aliases = plan.references.aliases.get(doc.id) ?? [];
    const event = { docId: doc.id, title: doc.title, kind: doc.kind, ...(doc.issuer ? { issuer: doc.issuer } : {}), sources: paths(doc.sources) };
    if (!old) {
      added.push(doc.id);
      changes.push({ action: 'added', ...event });
    } else if (
      !sameSources(old.sources, doc.sources) ||
      old.title !== doc.title ||
      old.kind !== doc.kind ||
      (old.issuer ?? '') !== (doc.issuer ?? '') ||
      (old.docNumber ?? '') !== (doc.docNumber ?? '') ||
      (old.aliases ?? []).join('\n') !== aliases.join('\n')
    ) {
      changed.push(doc.id);
      const newSource = paths(doc.sources).some((p) => !old.sources.some((s) => s.path === p));
      changes.push({ action: opts.replace ? 'replaced' : newSource ? 'merged' : 'updated', ...event });
    } else continue;
    for (const s of doc.sources) rebuild.add(s.path);
  }
  for (const old of live.values()) {
    if (next.has(old.id)) continue;
    removed.push(old.id);
    changes.push({ action: 'removed', docId: old.id, title: old.title, kind: old.kind, ...(old.issuer ? { issuer: old.issuer } : {}), sources: paths(old.sources) });
  }
  const present = new Set(plan.documents.flatMap((d) => d.sources.map((s) => s.path)));
  return { added, removed, changed, rebuild: [...rebuild].filter((p) => present.has(p)).sort(), changes };
}

/**
 * Stable JSON (keys sorted) for comparing an index document built now with
 * the one Meilisearch holds: only documents that differ are sent.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** What to send to one index: documents to add or replace, ids to delete. */
export interface IndexDiff {
  upsert: Array<Record<string, unknown>>;
  remove: string[];
}

/**
 * The difference between the documents an index holds for the documents being
 * rebuilt and the ones built now.
 */
export function diffIndex(current: ReadonlyArray<Record<string, unknown>>, built: ReadonlyArray<Record<string, unknown>>): IndexDiff {
  const have = new Map(current.map((d) => [String(d.id), stableJson(d)]));
  const ids = new Set(built.map((d) => String(d.id)));
  return {
    upsert: built.filter((d) => have.get(String(d.id)) !== stableJson(d)),
    remove: [...have.keys()].filter((id) => !ids.has(id)),
  };
}
