import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const INGEST_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Source files of the pipeline itself: a parser change must re-ingest an unchanged corpus. */
async function pipelineFiles(dir = INGEST_DIR): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await pipelineFiles(p)));
    else if (/\.(ts|json)$/.test(entry.name)) out.push(p);
  }
  return out.sort();
}

/**
 * Content hash of what an index is built from: every corpus file (by relative
 * path and bytes, manifest included) and the pipeline's own code. `npm start`
 * re-ingests only when it changes.
 */
export async function computeCorpusHash(corpusFiles: Array<{ path: string; absPath: string }>): Promise<string> {
  const h = createHash('sha256');
  for (const f of [...corpusFiles].sort((a, b) => a.path.localeCompare(b.path))) {
    h.update(`file:${f.path}\0`);
    h.update(await readFile(f.absPath));
  }
  for (const p of await pipelineFiles()) {
    h.update(`code:${path.relative(INGEST_DIR, p)}\0`);
    h.update(await readFile(p));
  }
  return h.digest('hex');
}
