import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { Manifest, MANIFEST_FILE } from './corpus/manifest.js';
import { computeCorpusHash } from './corpus/hash.js';
import { listCorpusFiles, readSourceFile } from './read/index.js';
import { buildCorpus } from './pipeline.js';
import { loadDepartmentRegistry, departmentDictionary } from './departments/index.js';
import { createSegmenter } from './enrich/segment/index.js';
import { policyTerms } from './enrich/segment/policy-terms.js';
import { payloadCounts, toIndexStreams } from './to-index/index.js';
import { pushIndexes } from './push.js';
import type { SourceFile } from './stages.js';
import type { TextMessage } from './model/messages.js';

export interface IngestReport {
  corpusHash: string;
  files: number;
  failed: Array<{ path: string; rule: string; message: string }>;
  documents: number;
  clauses: number;
  tasks: number;
  references: number;
  unknownDepartments: string[];
  warnings: number;
  seconds: { read: number; parse: number; index: number; total: number };
}

export interface IngestOptions {
  client: Meilisearch;
  /** Files or directories; a directory's manifest.json is used when present. */
  paths: string[];
  log?: (line: string) => void;
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

/**
 * The whole ingest, I/O included: read files (a bad file is reported and
 * skipped), build the corpus, convert, and swap fresh indexes in atomically.
 */
export async function runIngest(opts: IngestOptions): Promise<IngestReport> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const sources: SourceFile[] = [];
  const failed: IngestReport['failed'] = [];
  let manifest: Manifest | undefined;
  for (const p of opts.paths) {
    const base = await baseDirOf(p);
    manifest ??= await loadManifest(base);
    const files = await listCorpusFiles([p]);
    for (const abs of files) {
      const rel = path.relative(base, abs) || path.basename(abs);
      const res = await readSourceFile(abs, rel);
      if (res.ok) {
        sources.push(res.file);
        log(`read   ${rel} (${res.file.encoding}, ${res.file.text.length.toLocaleString()} chars)`);
      } else {
        failed.push({ path: rel, rule: res.message.rule, message: res.message.message });
        log(`FAILED ${rel}: ${res.message.message} [${res.message.rule}] — skipped, the other files are still ingested`);
      }
    }
  }
  const corpusHash = await hashInputs(opts.paths);
  const t1 = performance.now();

  const registry = await loadDepartmentRegistry();
  const segmenter = createSegmenter({ userWords: [...departmentDictionary(registry), ...policyTerms] });
  const built = buildCorpus(sources, {
    manifest,
    registry,
    onProgress: (e) => {
      if (e.stage === 'parse') log(`parse  ${e.path}: ${e.documents} documents, ${e.nodes} nodes`);
      if (e.stage === 'merge') log(`merge  ${e.documents} logical documents (${e.merged} duplicate copies merged)`);
      if (e.stage === 'enrich') log(`enrich ${e.tasks} tasks, ${e.references} references`);
    },
  });
  const counts = payloadCounts(built);
  const t2 = performance.now();

  // Segmentation of clause text happens while pushing (streamed), so it is counted in `index`.
  log(`index  ${counts.clauses} clauses into fresh indexes…`);
  await pushIndexes(opts.client, toIndexStreams(built, { segmenter, registry, corpusHash, ingestedAt: new Date().toISOString() }), {
    onProgress: log,
  });
  const t3 = performance.now();

  const unknown = new Set<string>();
  for (const m of built.messages as TextMessage[]) {
    if (m.rule === 'owners/unknown-department') unknown.add(m.message.replace(/^.*?[:：]\s*/, ''));
  }
  const report: IngestReport = {
    corpusHash,
    files: sources.length,
    failed,
    documents: counts.documents,
    clauses: counts.clauses,
    tasks: counts.tasks,
    references: counts.references,
    unknownDepartments: [...unknown].sort(),
    warnings: built.messages.filter((m) => m.severity !== 'info').length,
    seconds: {
      read: +((t1 - t0) / 1000).toFixed(2),
      parse: +((t2 - t1) / 1000).toFixed(2),
      index: +((t3 - t2) / 1000).toFixed(2),
      total: +((t3 - t0) / 1000).toFixed(2),
    },
  };
  return report;
}

export function formatReport(r: IngestReport): string {
  const lines = [
    `Ingested ${r.files} files → ${r.documents} documents, ${r.clauses} clauses, ${r.tasks} tasks, ${r.references} references in ${r.seconds.total}s`,
    `  (read ${r.seconds.read}s, parse+enrich ${r.seconds.parse}s, index ${r.seconds.index}s; ${r.warnings} warnings)`,
  ];
  if (r.failed.length) {
    lines.push(`  ${r.failed.length} file(s) could not be read and were skipped:`);
    for (const f of r.failed) lines.push(`    ${f.path}: ${f.message} [${f.rule}]`);
  }
  if (r.unknownDepartments.length) {
    lines.push(`  ${r.unknownDepartments.length} department name(s) not in the registry (kept as written): ${r.unknownDepartments.slice(0, 20).join('、')}`);
  }
  return lines.join('\n');
}
