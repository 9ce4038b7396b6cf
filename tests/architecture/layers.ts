/**
 * The layering rule of the code, as data and one pure check (run by
 * tests/architecture/layers.test.ts in `npm test`):
 *
 *   core/   the shared model, patterns, segmentation, registries, ids, index schemas, the citation resolver:
 *           imports nothing of ingest/, src/ or meili/ (it is pure; the adapters sit at the edges).
 *   meili/  the Meilisearch adapter (launcher, transport, errors, task waiting): may use core/, never ingest/ or src/.
 *   ingest/ the pipeline: core/ and meili/, never src/.
 *   src/    the API: core/ and meili/; of ingest/ only the jobs it starts (ENTRY_POINTS), never a pipeline stage.
 *
 * An import is every relative specifier of a file: `import … from`, `export … from`, `import(…)`, and
 * `new URL('…', import.meta.url)` (how a worker or child process is named), type-only imports included.
 */
import path from 'node:path';

export type Layer = 'core' | 'meili' | 'ingest' | 'src';

/** The ingest modules the API may name: what runs a whole job (its messages and reports), not a stage. */
export const INGEST_ENTRY_POINTS: readonly string[] = [
  'ingest/run-ingest.ts',
  'ingest/reindex-worker.ts',
  'ingest/push.ts',
  'ingest/guard/',
  'ingest/corpus/',
  'ingest/incremental/',
];

export interface SourceText {
  /** Repository-relative, forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  line: number;
  imports: string;
  rule: string;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new\s+URL\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;

export function layerOf(file: string): Layer | undefined {
  const top = file.split('/')[0];
  return top === 'core' || top === 'meili' || top === 'ingest' || top === 'src' ? top : undefined;
}

/** The relative specifiers of one file, resolved to repository paths, with their line numbers. */
export function importsOf(file: SourceText): Array<{ target: string; line: number }> {
  const out: Array<{ target: string; line: number }> = [];
  for (const m of file.text.matchAll(SPECIFIER)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), m[2]!));
    out.push({ target: target.replace(/\.js$/, '.ts'), line: file.text.slice(0, m.index).split('\n').length });
  }
  return out;
}

function ruleBroken(from: Layer, target: string): string | undefined {
  const to = layerOf(target);
  if (!to || to === from) return undefined;
  if (from === 'core') return 'core imports nothing of ingest/, src/ or meili/';
  if (from === 'meili' && to !== 'core') return 'meili/ imports only core/';
  if (from === 'ingest' && to === 'src') return 'ingest/ never imports src/';
  if (from === 'src' && to === 'ingest' && !INGEST_ENTRY_POINTS.some((e) => (e.endsWith('/') ? target.startsWith(e) : target === e))) {
    return 'src/ never imports an ingest pipeline stage (only the jobs in INGEST_ENTRY_POINTS)';
  }
  return undefined;
}

export function violations(files: readonly SourceText[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const from = layerOf(file.path);
    if (!from) continue;
    for (const { target, line } of importsOf(file)) {
      const rule = ruleBroken(from, target);
      if (rule) out.push({ file: file.path, line, imports: target, rule });
    }
  }
  return out;
}
