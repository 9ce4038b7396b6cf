import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import type { Manifest, ManifestEntry } from '../corpus/manifest.js';
import { listCorpusFiles, readSourceFile } from '../read/index.js';
import { buildFile, manifestEntry, planCorpus, surveyFile, type FileSurvey } from '../pipeline.js';
import { loadDepartmentRegistry, type DepartmentRegistry } from '../../core/departments/index.js';
import { createSegmenter, segmenterWords, type Segmenter } from '../../core/segment/index.js';
import { createIndexConverter, toCatalogueDocs, INDEX, type IndexName } from '../to-index/index.js';
import { toDepartmentDocs } from '../../core/index/tasks.js';
import { hashInputs } from '../run-ingest.js';
import type { CorpusMeta } from '../push.js';
import type { SourceFile } from '../stages.js';
import { commitToLibrary, loadManifest, lockLibrary, withEntries, type StagedFile } from './library.js';
import { citedForms, compactText, diffIndex, planChange, type DocumentChange, type IndexDiff, type LiveDocument } from './plan-change.js';
import { ADDITION_ORDER, DELETION_ORDER, fetchAll, inFilter, indexCounts, writeAdditions, writeDeletions, writePartial } from './index-writer.js';
import { appendChanges } from './change-log.js';
import type { ChangeEvent } from '../../core/index/changes.js';

/** A file that could not be taken, with the same rule names as a full ingest's report. */
export interface FileFailure {
  path: string;
  rule: string;
  message: string;
}

export interface ChangeRequest {
  /** The library: a corpus directory, the source of truth a full re-ingest reads. */
  corpusDir: string;
  /** Files to bring in: where they are now, and their name in the library. */
  add?: StagedFile[];
  /** Library files (relative paths) to take out. */
  remove?: string[];
  /** Manifest entries to set (undefined removes one), by library file name. */
  metadata?: Record<string, ManifestEntry | undefined>;
  /** The change replaces files: documents that stay are logged as `replaced`. */
  replace?: boolean;
}

export interface ChangeReport {
  ok: boolean;
  /** Files of the request that could not be read or parsed; when any, nothing was changed. */
  failed: FileFailure[];
  /** Library files that a full ingest would skip too (unreadable), left as they are. */
  skipped: FileFailure[];
  changes: DocumentChange[];
  /** Documents built again only because what they cite changed (links now resolved or unresolved). */
  relinked: string[];
  /** Files parsed and enriched again. */
  rebuiltFiles: string[];
  /** Documents added or replaced, and ids deleted, per index. */
  writes: Partial<Record<IndexName, { upserted: number; deleted: number }>>;
  /** Documents in the library after the change. */
  documents: number;
  events: ChangeEvent[];
  seconds: { survey: number; build: number; write: number; total: number };
}

export interface ChangeOptions {
  log?: (line: string) => void;
  /** Default: the product's (loaded per change: a long-lived caller passes its own). */
  segmenter?: Segmenter;
  registry?: DepartmentRegistry;
  /**
   * Pass-1 results of library files kept between changes by a long-lived
   * caller (the admin API's worker), so a change re-reads only files that
   * changed. Keyed by library path; an entry is used only while the file's
   * size, modification time and manifest entry are what they were.
   */
  cache?: SurveyCache;
}

export type SurveyCache = Map<string, { key: string; survey: FileSurvey; compact: string }>;

/** A thrown error for a request that cannot be carried out (unknown file, name taken…): a usage error, not a file's. */
export class ChangeRequestError extends Error {
  override name = 'ChangeRequestError';
  constructor(
    message: string,
    readonly rule: string,
  ) {
    super(message);
  }
}

const secs = (ms: number) => +(ms / 1000).toFixed(2);

async function readSurvey(f: StagedFile, manifest: Manifest | undefined): Promise<{ survey: FileSurvey; file: SourceFile } | FileFailure> {
  const res = await readSourceFile(f.abs, f.rel);
  if (!res.ok) return { path: f.rel, rule: res.message.rule, message: res.message.message };
  try {
    return { survey: surveyFile(res.file, manifestEntry(manifest, res.file)), file: res.file };
  } catch (err) {
    return { path: f.rel, rule: 'parse/failed', message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Pass 1 for one library file, through the cache when its entry is still
 * valid (same size, modification time and manifest entry). Returns a copy the
 * caller may hand to planning, and the file's compacted text for the citation scan.
 */
async function surveyLibraryFile(
  f: StagedFile,
  manifest: Manifest | undefined,
  cache: SurveyCache | undefined,
): Promise<{ survey: FileSurvey; compact: string; cached: boolean } | FileFailure> {
  const st = await stat(f.abs);
  const key = `${st.size}:${st.mtimeMs}:${JSON.stringify(manifestEntry(manifest, { path: f.rel }) ?? null)}`;
  const hit = cache?.get(f.rel);
  // A copy: planning must not share objects with the cache.
  if (hit?.key === key) return { survey: structuredClone(hit.survey), compact: hit.compact, cached: true };
  const res = await readSourceFile(f.abs, f.rel);
  if (!res.ok) return { path: f.rel, rule: res.message.rule, message: res.message.message };
  try {
    const survey = surveyFile(res.file, manifestEntry(manifest, res.file));
    const compact = compactText(res.file.text);
    cache?.set(f.rel, { key, survey: structuredClone(survey), compact });
    return { survey, compact, cached: false };
  } catch (err) {
    return { path: f.rel, rule: 'parse/failed', message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Fills a survey cache with every file of the library, so the first change
 * after a start costs what later ones do (the admin worker runs it while idle).
 * @returns the number of files surveyed
 */
export async function warmSurveyCache(corpusDir: string, cache: SurveyCache): Promise<number> {
  const manifest = await loadManifest(corpusDir);
  let n = 0;
  for (const abs of await listCorpusFiles([corpusDir])) {
    const res = await surveyLibraryFile({ abs, rel: path.relative(corpusDir, abs) }, manifest, cache);
    if (!('rule' in res)) n++;
    // Let a job that arrives meanwhile be read off the channel between files.
    await new Promise((r) => setImmediate(r));
  }
  return n;
}

/** The live documents: what planning compares the library after the change with. */
async function readLive(client: Meilisearch): Promise<Map<string, LiveDocument>> {
  const docs = await fetchAll(client, INDEX.documents, { fields: ['id', 'title', 'kind', 'issuer', 'docNumber', 'aliases', 'sources', 'order'] });
  return new Map(docs.map((d) => [String(d.id), d as unknown as LiveDocument]));
}

/**
 * One incremental change to the library: files added, replaced or removed,
 * touching only the documents involved and those whose links change because
 * of them.
 *
 * Every file of the library is surveyed again (pass 1: cheap, and what keeps
 * merges and ids exactly as a full ingest would decide them), but only the
 * files holding an added or changed document, or whose text may cite one, are
 * built, segmented and converted again (pass 2, the costly part). Their index
 * documents are compared with the live ones and only the differences are
 * written, in the order described in index-writer.ts. Files are copied into
 * (or deleted from) the corpus directory once the index has taken the change,
 * so a full re-ingest reproduces the same library.
 *
 * A request file that cannot be read or parsed fails the whole change with its
 * per-file error before anything is written.
 */
export async function applyChange(client: Meilisearch, req: ChangeRequest, opts: ChangeOptions = {}): Promise<ChangeReport> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const add = req.add ?? [];
  const remove = req.remove ?? [];
  const release = await lockLibrary(req.corpusDir);
  try {
    const manifest = withEntries(await loadManifest(req.corpusDir), req.metadata ?? {});
    const existing = (await listCorpusFiles([req.corpusDir])).map((abs) => ({ abs, rel: path.relative(req.corpusDir, abs) }));
    const known = new Set(existing.map((f) => f.rel));
    for (const rel of remove) if (!known.has(rel)) throw new ChangeRequestError(`${rel} is not a file of the library`, 'library/unknown-file');
    for (const f of add) {
      if (known.has(f.rel) && !remove.includes(f.rel)) {
        throw new ChangeRequestError(`a file named ${f.rel} is already in the library: replace it instead`, 'library/exists');
      }
    }
    const live = await readLive(client);
    if (!live.size) throw new ChangeRequestError('the index is empty: run a full ingest first (npm run ingest)', 'library/not-ingested');

    // Pass 1: the request's files first — a failure there stops the change before anything is written.
    const failed: FileFailure[] = [];
    const surveys = new Map<string, FileSurvey>();
    for (const f of add) {
      const res = await readSurvey(f, manifest);
      if ('rule' in res) failed.push(res);
      else surveys.set(f.rel, res.survey);
    }
    const empty = { relinked: [], rebuiltFiles: [], writes: {}, documents: live.size, events: [], changes: [], skipped: [] };
    if (failed.length) {
      for (const f of failed) log(`FAILED ${f.path}: ${f.message} [${f.rule}] — nothing was changed`);
      return { ok: false, failed, ...empty, seconds: { survey: secs(performance.now() - t0), build: 0, write: 0, total: secs(performance.now() - t0) } };
    }

    // What a citation of a document that comes or goes may look like.
    const going = new Set([...remove, ...add.map((f) => f.rel)]);
    const forms = new Set<string>();
    for (const d of live.values()) if (d.sources.some((s) => going.has(s.path))) for (const f of citedForms(d)) forms.add(f);
    for (const s of surveys.values()) for (const { candidate } of s.documents) for (const f of citedForms(candidate)) forms.add(f);
    const formList = [...forms];

    const inputs: StagedFile[] = [...existing.filter((f) => !going.has(f.rel)), ...add].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    const citing = new Set<string>();
    const skipped: FileFailure[] = [];
    let cached = 0;
    for (const f of inputs) {
      if (surveys.has(f.rel)) continue;
      const res = await surveyLibraryFile(f, manifest, opts.cache);
      if ('rule' in res) {
        skipped.push(res);
        continue;
      }
      if (res.cached) cached++;
      if (formList.some((form) => res.compact.includes(form))) citing.add(f.rel);
      surveys.set(f.rel, res.survey);
    }
    for (const rel of opts.cache?.keys() ?? []) if (!surveys.has(rel)) opts.cache!.delete(rel);
    const readable = inputs.filter((f) => surveys.has(f.rel));
    const plan = planCorpus(readable.map((f) => surveys.get(f.rel)!));
    surveys.clear();

    const change = planChange(live, plan, citing, { replace: req.replace });
    // Documents citing one that goes or changes, found through the index too (a citation may use a form the text scan missed).
    const targets = [...change.removed, ...change.changed];
    if (targets.length) {
      const refs = await fetchAll(client, INDEX.references, { filter: inFilter('toDocId', targets), fields: ['fromDocId'] });
      const chosen = new Map(plan.documents.map((d) => [d.id, d.sources.find((s) => s.chosen)?.path ?? d.sources[0]?.path]));
      for (const r of refs) {
        const p = chosen.get(String(r.fromDocId));
        if (p && !change.rebuild.includes(p)) change.rebuild.push(p);
      }
      change.rebuild.sort();
    }
    const t1 = performance.now();
    log(`survey ${inputs.length} files (${cached} unchanged since the last change, from memory)`);
    log(`plan   ${plan.documents.length} documents: ${change.added.length} added, ${change.changed.length} changed, ${change.removed.length} removed; building ${change.rebuild.length} file(s) again`);

    // Pass 2 for the files involved only.
    const registry = opts.registry ?? (await loadDepartmentRegistry());
    const segmenter = opts.segmenter ?? createSegmenter({ userWords: segmenterWords(registry) });
    const oldMeta = (await client.index(INDEX.meta).getDocument('corpus').catch(() => undefined)) as CorpusMeta | undefined;
    const outline = { documents: plan.documents, catalogue: plan.catalogue, aliases: plan.references.aliases };
    const converter = createIndexConverter(outline, { segmenter, registry, corpusHash: oldMeta?.corpusHash ?? '', ingestedAt: oldMeta?.ingestedAt ?? '' });
    const built: Record<'clauses' | 'tasks' | 'references' | 'documents', Array<Record<string, unknown>>> = { clauses: [], tasks: [], references: [], documents: [] };
    const rebuiltDocs = new Set<string>();
    const byRel = new Map(readable.map((f) => [f.rel, f]));
    for (const rel of change.rebuild) {
      const f = byRel.get(rel)!;
      const res = await readSourceFile(f.abs, f.rel);
      if (!res.ok) throw new Error(`${f.rel} could not be read a second time: ${res.message.message}`);
      const part = buildFile(res.file, plan, { manifest, registry });
      for (const d of part.documents) rebuiltDocs.add(d.id);
      for (const { index, doc } of converter.part({ ...part, files: new Map([[res.file.path, res.file]]) })) {
        (built[index as keyof typeof built] ??= []).push(doc);
      }
      log(`build  ${rel}: ${part.documents.length} documents, ${part.tasks.length} tasks, ${part.references.length} references`);
    }
    const t2 = performance.now();

    // What the live indexes hold for the documents involved, and the differences.
    const involved = [...new Set([...rebuiltDocs, ...change.removed])];
    const diffs: Partial<Record<IndexName, IndexDiff>> = {};
    if (involved.length) {
      const [clauses, tasks, references, documents] = await Promise.all([
        fetchAll(client, INDEX.clauses, { filter: inFilter('docId', involved) }),
        fetchAll(client, INDEX.tasks, { filter: inFilter('docId', involved) }),
        fetchAll(client, INDEX.references, { filter: inFilter('fromDocId', involved) }),
        client.index(INDEX.documents).getDocuments({ ids: involved, limit: involved.length }).then((r) => r.results as Array<Record<string, unknown>>),
      ]);
      // Tasks keep the order they had (listings stay put); new ones go after every task there is.
      const orderOf = new Map(tasks.map((t) => [String(t.id), Number(t.order)]));
      const top = await client.index(INDEX.tasks).search('', { sort: ['order:desc'], limit: 1, attributesToRetrieve: ['order'] });
      let next = Number((top.hits[0] as { order?: number } | undefined)?.order ?? -1) + 1;
      for (const t of built.tasks) t.order = orderOf.get(String(t.id)) ?? next++;
      diffs.clauses = diffIndex(clauses, built.clauses);
      diffs.tasks = diffIndex(tasks, built.tasks);
      diffs.references = diffIndex(references, built.references);
      diffs.documents = diffIndex(documents, built.documents);
    }
    // Documents not built again keep their content; only their place in the corpus order may move.
    const reorder = plan.documents
      .map((d, order) => ({ id: d.id, order }))
      .filter((d) => !rebuiltDocs.has(d.id) && live.has(d.id) && live.get(d.id)!.order !== d.order);

    // Corpus-wide: department counts over every task, the catalogue's links.
    const others = await fetchAll(client, INDEX.tasks, { fields: ['id', 'docId', 'owners', 'order'] });
    const owners = [
      ...others.filter((t) => !involved.includes(String(t.docId))).sort((a, b) => Number(a.order) - Number(b.order)),
      ...built.tasks,
    ] as Array<{ owners: Parameters<typeof toDepartmentDocs>[1][number]['owners'] }>;
    diffs.departments = diffIndex(await fetchAll(client, INDEX.departments), toDepartmentDocs(registry, owners) as never);
    diffs.catalogue = diffIndex(await fetchAll(client, INDEX.catalogue), toCatalogueDocs(plan.catalogue, plan.documents));

    // Write, in the order that keeps every intermediate state whole (index-writer.ts).
    for (const index of ADDITION_ORDER) await writeAdditions(client, index, diffs[index]?.upsert ?? []);
    await writePartial(client, INDEX.documents, reorder);
    for (const index of DELETION_ORDER) await writeDeletions(client, index, diffs[index]?.remove ?? []);
    for (const index of [INDEX.departments, INDEX.catalogue] as const) {
      await writeAdditions(client, index, diffs[index]!.upsert);
      await writeDeletions(client, index, diffs[index]!.remove);
    }
    await commitToLibrary(req.corpusDir, { add, remove: remove.filter((r) => !add.some((f) => f.rel === r)), manifest: req.metadata ? manifest : undefined });
    const counts = await indexCounts(client, [INDEX.documents, INDEX.clauses, INDEX.tasks, INDEX.references, INDEX.catalogue]);
    const meta: CorpusMeta = {
      id: 'corpus',
      corpusHash: await hashInputs([req.corpusDir]),
      ingestedAt: oldMeta?.ingestedAt ?? new Date().toISOString(),
      changedAt: new Date().toISOString(),
      counts,
    };
    await writeAdditions(client, INDEX.meta, [meta]);
    const events = await appendChanges(client, change.changes);
    const t3 = performance.now();

    const writes: ChangeReport['writes'] = {};
    for (const [index, d] of Object.entries(diffs) as Array<[IndexName, IndexDiff]>) {
      if (d.upsert.length || d.remove.length) writes[index] = { upserted: d.upsert.length, deleted: d.remove.length };
    }
    const eventDocs = new Set(change.changes.map((c) => c.docId));
    const report: ChangeReport = {
      ok: true,
      failed: [],
      skipped,
      changes: change.changes,
      relinked: [...rebuiltDocs].filter(
        (id) => !eventDocs.has(id) && (diffs.references?.upsert.some((r) => r.fromDocId === id) || diffs.references?.remove.some((ref) => ref.startsWith(`${id}--`))),
      ),
      rebuiltFiles: change.rebuild,
      writes,
      documents: counts[INDEX.documents]!,
      events,
      seconds: { survey: secs(t1 - t0), build: secs(t2 - t1), write: secs(t3 - t2), total: secs(t3 - t0) },
    };
    return report;
  } finally {
    await release();
  }
}

export function formatChangeReport(r: ChangeReport): string {
  if (!r.ok) return [`Change refused: ${r.failed.length} file(s) could not be taken; nothing was changed.`, ...r.failed.map((f) => `  ${f.path ? `${f.path}: ` : ''}${f.message} [${f.rule}]`)].join('\n');
  const lines = [
    `Changed the library in ${r.seconds.total}s (survey ${r.seconds.survey}s, build ${r.seconds.build}s, write ${r.seconds.write}s): ${r.documents} documents now`,
    ...r.changes.map((c) => `  ${c.action.padEnd(8)} ${c.docId} 《${c.title}》 (${c.sources.join(', ')})`),
  ];
  if (r.relinked.length) lines.push(`  re-linked citations in ${r.relinked.length} document(s): ${r.relinked.join(', ')}`);
  if (!r.changes.length) lines.push('  no document changed');
  for (const f of r.skipped) lines.push(`  skipped ${f.path}: ${f.message} [${f.rule}]`);
  return lines.join('\n');
}
