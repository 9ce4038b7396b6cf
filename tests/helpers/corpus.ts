import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCorpusFiles, readSourceFile } from '../../ingest/read/index.js';
import { buildCorpus, type BuiltCorpus } from '../../ingest/pipeline.js';
import { loadManifest } from '../../ingest/run-ingest.js';
import { loadDepartmentRegistry } from '../../core/departments/index.js';
import type { SourceFile } from '../../ingest/stages.js';

export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');

let cached: Promise<BuiltCorpus> | undefined;

/** Reads the real corpus from disk. */
export async function readRealCorpus(dir = CORPUS_DIR): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const abs of await listCorpusFiles([dir])) {
    const res = await readSourceFile(abs, path.relative(dir, abs));
    if (!res.ok) throw new Error(`cannot read ${abs}: ${res.message.message}`);
    files.push(res.file);
  }
  return files;
}

/** The real corpus built through the whole pure pipeline; cached per test file (module instance). */
export function loadRealCorpus(): Promise<BuiltCorpus> {
  cached ??= (async () => {
    const [files, manifest, registry] = await Promise.all([readRealCorpus(), loadManifest(CORPUS_DIR), loadDepartmentRegistry()]);
    return buildCorpus(files, { manifest, registry });
  })();
  return cached;
}
