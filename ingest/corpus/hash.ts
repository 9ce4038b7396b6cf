import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const INGEST_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ROOT = path.dirname(INGEST_DIR);
/**
 * What an index is built with: the pipeline's stages and the shared core they build it from — segmentation, index
 * settings and synonyms, the department registry and its functions, the thesaurus. A change to any of them must
 * re-ingest an unchanged corpus (the core moved out of ingest/ in the restructuring; hashing ingest/ alone missed it).
 */
const BUILT_WITH = [INGEST_DIR, path.join(ROOT, 'core')];

/** Source files of the pipeline itself, paths from the project root: a parser change must re-ingest an unchanged corpus. */
export async function pipelineFiles(dirs: readonly string[] = BUILT_WITH): Promise<string[]> {
  const walk = async (dir: string): Promise<string[]> => {
    const out: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) out.push(...(await walk(p)));
      else if (/\.(ts|json)$/.test(entry.name)) out.push(p);
    }
    return out;
  };
  return (await Promise.all(dirs.map(walk))).flat().sort();
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
    h.update(`code:${path.relative(ROOT, p)}\0`);
    h.update(await readFile(p));
  }
  return h.digest('hex');
}
