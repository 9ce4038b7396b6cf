import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { Manifest, MANIFEST_FILE } from './corpus/manifest.js';
import { computeCorpusHash } from './corpus/hash.js';
import { listCorpusFiles, listCorpusInputs, readSourceFile } from './read/index.js';
import { buildFileParts, manifestEntry, planCorpus, surveyFile, type CorpusPlan, type FileSurvey } from './pipeline.js';
import { loadDepartmentRegistry, type DepartmentRegistry } from '../core/departments/index.js';
import { createSegmenter, segmenterWords, type Segmenter } from '../core/segment/index.js';
import { createIndexConverter, type IndexEntry } from './to-index/index.js';
import { pushIndexes } from './push.js';
import { textMessage, type TextMessage } from '../core/model/messages.js';
import { INDEX } from '../core/index/index-names.js';
import { checkSwap, SwapRefusedError, type IndexSize } from './guard/check-swap.js';

export interface IngestReport {
  corpusHash: string;
  files: number;
  failed: Array<{ path: string; rule: string; message: string }>;
  /** Files in the folders given that the pipeline does not read (a .docx…), with the reason. */
  skipped: Array<{ path: string; rule: string; message: string }>;
  documents: number;
  clauses: number;
  tasks: number;
  references: number;
  unknownDepartments: string[];
  warnings: number;
  seconds: {
    /** Pass 1: read and parse every file, keep light facts, plan merges and references. */
    survey: number;
    /** Of pass 2, the CPU time spent parsing again and enriching (overlaps `index`). */
    build: number;
    /** Pass 2, wall time: build, segment and convert each file's documents while Meilisearch indexes them. */
    index: number;
    total: number;
  };
}

export interface IngestOptions {
  client: Meilisearch;
  /** Files or directories; a directory's manifest.json is used when present. */
  paths: string[];
  log?: (line: string) => void;
  /** The segmenter for index fields (default: the product's, with department names and policy terms). */
  segmenter?: Segmenter;
  /** Receives every message of the ingest (read failures, skipped files, warnings, infos), with file, place and rule. */
  onMessage?: (m: TextMessage) => void;
  /** Swap in a build that lost more than `maxLoss` of the live documents (never an empty one). Default false. */
  allowShrink?: boolean;
  /** Largest share of the live documents a build may lose before the swap is refused; default 0.5. */
  maxLoss?: number;
  /** More instances to spread the clauses over (shards 1…N-1 of a network; `client` is shard 0). Default none. */
  shards?: Meilisearch[];
}

/** Where relative display paths start: the directory given, or a file's own directory. */
async function baseDirOf(p: string): Promise<string> {
  return (await stat(p)).isDirectory() ? p : path.dirname(p);
}

/** Reads and validates the manifest of a corpus directory; a missing manifest is fine. */
export async function loadManifest(dir: string): Promise<Manifest | undefined> {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = Manifest.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    // A configuration mistake, not a text problem: stop before touching the index.
    throw new Error(`${file} is invalid:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

/** Lists and hashes the inputs without parsing them (for `npm start`'s "is the index current?" check). */
export async function hashInputs(paths: string[]): Promise<string> {
  const entries: Array<{ path: string; absPath: string }> = [];
  for (const p of paths) {
    const base = await baseDirOf(p);
    for (const abs of await listCorpusFiles([p])) entries.push({ path: path.relative(base, abs), absPath: abs });
    const manifest = path.join(base, MANIFEST_FILE);
    if (existsSync(manifest)) entries.push({ path: MANIFEST_FILE, absPath: manifest });
  }
  return computeCorpusHash(entries);
}

/** An input file: where it is, and the path it is known by (relative to the directory given). */
interface InputFile {
  abs: string;
  rel: string;
}

type Failure = IngestReport['failed'][number];

async function listInputs(paths: string[]): Promise<{ files: InputFile[]; skipped: Failure[]; manifest: Manifest | undefined }> {
  const files: InputFile[] = [];
  const skipped: Failure[] = [];
  let manifest: Manifest | undefined;
  for (const p of paths) {
    const base = await baseDirOf(p);
    manifest ??= await loadManifest(base);
    const rel = (abs: string) => path.relative(base, abs) || path.basename(abs);
    const listed = await listCorpusInputs([p]);
    for (const abs of listed.files) files.push({ abs, rel: rel(abs) });
    for (const s of listed.skipped) skipped.push({ path: rel(s.path), rule: s.rule, message: s.reason });
  }
  return { files, skipped, manifest };
}

/**
 * Pass 1: reads and surveys every file. A file that cannot be read or parsed
 * is reported and skipped; the others are still ingested.
 */
async function surveyAll(
  files: InputFile[],
  manifest: Manifest | undefined,
  log: (line: string) => void,
  onMessage: (m: TextMessage) => void,
): Promise<{ surveys: FileSurvey[]; readable: InputFile[]; failed: Failure[] }> {
  const surveys: FileSurvey[] = [];
  const readable: InputFile[] = [];
  const failed: Failure[] = [];
  for (const f of files) {
    const res = await readSourceFile(f.abs, f.rel);
    if (!res.ok) {
      failed.push({ path: f.rel, rule: res.message.rule, message: res.message.message });
      onMessage(res.message);
      log(`FAILED ${f.rel}: ${res.message.message} [${res.message.rule}] — skipped, the other files are still ingested`);
      continue;
    }
    try {
      const survey = surveyFile(res.file, manifestEntry(manifest, res.file));
      surveys.push(survey);
      readable.push(f);
      log(`parse  ${f.rel} (${res.file.encoding}, ${res.file.text.length.toLocaleString()} chars): ${survey.documents.length} documents, ${survey.nodes} nodes`);
    } catch (err) {
      // A parser bug on one unusual file must not cost the rest of the corpus.
      const message = err instanceof Error ? err.message : String(err);
      failed.push({ path: f.rel, rule: 'parse/failed', message });
      onMessage(textMessage('error', 'parse/failed', message, { path: f.rel }));
      log(`FAILED ${f.rel}: could not be parsed (${message}) [parse/failed] — skipped, the other files are still ingested`);
    }
  }
  return { surveys, readable, failed };
}

/** What the report needs from the messages — counted as they come, so they do not pile up over a large corpus. */
interface MessageTally {
  warnings: number;
  unknownDepartments: Set<string>;
  onMessage: (m: TextMessage) => void;
}

function tally(into: MessageTally, messages: readonly TextMessage[]): void {
  for (const m of messages) {
    into.onMessage(m);
    if (m.severity !== 'info') into.warnings++;
    if (m.rule === 'owners/unknown-department' && typeof m.data?.department === 'string') into.unknownDepartments.add(m.data.department);
  }
}

/**
 * Pass 2 as a stream of index entries: each file is read and built again a
 * document at a time, converted, and handed to the push; each document is let
 * go before the next is parsed, and the file's text before the next file is read.
 */
async function* buildAll(
  files: InputFile[],
  plan: CorpusPlan,
  deps: { manifest: Manifest | undefined; registry: DepartmentRegistry; converter: ReturnType<typeof createIndexConverter> },
  sink: MessageTally & { buildMs: number; log: (line: string) => void },
): AsyncGenerator<IndexEntry> {
  for (const f of files) {
    const res = await readSourceFile(f.abs, f.rel);
    if (!res.ok) throw new Error(`${f.rel} could not be read a second time: ${res.message.message}`);
    const fileMap = new Map([[res.file.path, res.file]]);
    const built = { documents: 0, tasks: 0, references: 0 };
    const parts = buildFileParts(res.file, plan, { manifest: deps.manifest, registry: deps.registry });
    for (;;) {
      const t = performance.now();
      const next = parts.next();
      sink.buildMs += performance.now() - t;
      if (next.done) break;
      const part = next.value;
      tally(sink, part.messages);
      built.documents += part.documents.length;
      built.tasks += part.tasks.length;
      built.references += part.references.length;
      yield* deps.converter.part({ ...part, files: fileMap });
    }
    // A copy merged into a better one elsewhere is not indexed from this file: say so, or "0 documents" looks like a loss.
    const elsewhere = (plan.copies.get(res.file.path)?.length ?? 0) - built.documents;
    const note = elsewhere > 0 ? ` (+${elsewhere} duplicate cop${elsewhere === 1 ? 'y' : 'ies'} indexed from another file)` : '';
    sink.log(`index  ${f.rel}: ${built.documents} documents${note}, ${built.tasks} tasks, ${built.references} references`);
  }
  yield* deps.converter.finish();
}

/** An ingest after pass 1: the plan is made; `entries()` streams pass 2. */
export interface PreparedIngest {
  corpusHash: string;
  files: number;
  failed: Failure[];
  skipped: Failure[];
  /** Pass 2 as index entries, file by file (once). */
  entries(): AsyncGenerator<IndexEntry>;
  /** Totals, complete once `entries()` has been consumed. */
  totals(): Omit<IngestReport, 'seconds'> & { buildMs: number };
}

/**
 * Pass 1 over the inputs (read, survey, plan), returning pass 2 as a stream —
 * for `runIngest`, and for anything else that wants the final index documents
 * without holding the corpus (the benchmark writes them to a file).
 */
export async function prepareIngest(opts: Omit<IngestOptions, 'client'>): Promise<PreparedIngest> {
  const log = opts.log ?? (() => {});
  const onMessage = opts.onMessage ?? (() => {});
  const { files, skipped, manifest } = await listInputs(opts.paths);
  for (const s of skipped) {
    log(`SKIPPED ${s.path}: ${s.message} [${s.rule}]`);
    onMessage(textMessage('warning', s.rule, `skipped: ${s.message}`, { path: s.path }));
  }
  const corpusHash = await hashInputs(opts.paths);
  const registry = await loadDepartmentRegistry();
  const { surveys, readable, failed } = await surveyAll(files, manifest, log, onMessage);
  const plan = planCorpus(surveys);
  log(`merge  ${plan.documents.length} logical documents (${plan.duplicatesMerged} duplicate copies merged)`);

  const segmenter = opts.segmenter ?? createSegmenter({ userWords: segmenterWords(registry) });
  const outline = { documents: plan.documents, catalogue: plan.catalogue, aliases: plan.references.aliases };
  const converter = createIndexConverter(outline, { segmenter, registry, corpusHash, ingestedAt: new Date().toISOString() });
  const sink = { warnings: 0, unknownDepartments: new Set<string>(), buildMs: 0, log, onMessage };
  tally(sink, plan.messages);
  const inputs = { corpusHash, files: readable.length, failed, skipped };
  return {
    ...inputs,
    entries: () => buildAll(readable, plan, { manifest, registry, converter }, sink),
    totals: () => {
      const counts = converter.counts();
      return {
        ...inputs,
        documents: counts.documents,
        clauses: counts.clauses,
        tasks: counts.tasks,
        references: counts.references,
        unknownDepartments: [...sink.unknownDepartments].sort(),
        warnings: sink.warnings,
        buildMs: sink.buildMs,
      };
    },
  };
}

/**
 * The whole ingest, I/O included, in two passes over the files (see
 * pipeline.ts): survey every file and plan the corpus, then build, convert and
 * push file by file into fresh indexes, swapped in atomically at the end. Memory
 * holds the plan and one file's documents, not the corpus.
 */
export async function runIngest(opts: IngestOptions): Promise<IngestReport> {
  const t0 = performance.now();
  const prepared = await prepareIngest(opts);
  const t1 = performance.now();
  const shards = opts.shards ?? [];
  const before = await liveSize(opts.client, shards);
  await pushIndexes(opts.client, withShardCount(prepared.entries(), 1 + shards.length), {
    shards,
    onProgress: opts.log,
    beforeSwap: (counts) => {
      const after = { documents: counts[INDEX.documents], clauses: counts[INDEX.clauses] };
      const verdict = checkSwap(before, after, { allowShrink: opts.allowShrink, maxLoss: opts.maxLoss });
      if (!verdict.ok) throw new SwapRefusedError(verdict, before, after);
    },
  });
  const t2 = performance.now();
  const { buildMs, ...totals } = prepared.totals();
  const secs = (ms: number) => +(ms / 1000).toFixed(2);
  return { ...totals, seconds: { survey: secs(t1 - t0), build: secs(buildMs), index: secs(t2 - t1), total: secs(t2 - t0) } };
}

/**
 * The meta document records how many shards the index was spread over: a
 * library built for another count must be ingested again, not read (server.ts).
 */
async function* withShardCount(entries: AsyncIterable<IndexEntry>, shards: number): AsyncGenerator<IndexEntry> {
  for await (const e of entries) yield e.index === INDEX.meta ? { ...e, doc: { ...e.doc, shards } } : e;
}

/** Documents and clauses of the generation now serving (0 when nothing was ingested yet); clauses summed over the shards. */
async function liveSize(client: Meilisearch, shards: Meilisearch[] = []): Promise<IndexSize> {
  const count = async (c: Meilisearch, uid: string) => {
    try {
      return (await c.index(uid).getStats()).numberOfDocuments;
    } catch (err) {
      if ((err as { cause?: { code?: string } }).cause?.code === 'index_not_found') return 0;
      throw err;
    }
  };
  const [documents, ...clauses] = await Promise.all([count(client, INDEX.documents), ...[client, ...shards].map((c) => count(c, INDEX.clauses))]);
  return { documents, clauses: clauses.reduce((a, b) => a + b, 0) };
}

export function formatReport(r: IngestReport): string {
  const lines = [
    `Ingested ${r.files} files → ${r.documents} documents, ${r.clauses} clauses, ${r.tasks} tasks, ${r.references} references in ${r.seconds.total}s`,
    `  (read+parse ${r.seconds.survey}s, then build ${r.seconds.build}s while indexing ${r.seconds.index}s; ${r.warnings} warnings)`,
  ];
  if (r.failed.length) {
    lines.push(`  ${r.failed.length} file(s) could not be read and were skipped:`);
    for (const f of r.failed) lines.push(`    ${f.path}: ${f.message} [${f.rule}]`);
  }
  if (r.skipped.length) {
    lines.push(`  ${r.skipped.length} file(s) of an unsupported type were not read:`);
    for (const f of r.skipped) lines.push(`    ${f.path}: ${f.message} [${f.rule}]`);
  }
  if (r.unknownDepartments.length) {
    lines.push(`  ${r.unknownDepartments.length} department name(s) not in the registry (kept as written): ${r.unknownDepartments.slice(0, 20).join('、')}`);
  }
  return lines.join('\n');
}
