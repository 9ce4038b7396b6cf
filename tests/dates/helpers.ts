import { createHash } from 'node:crypto';
import { buildCorpus } from '../../ingest/pipeline.js';
import { loadDepartmentRegistry } from '../../core/departments/index.js';
import type { Manifest } from '../../ingest/corpus/manifest.js';
import type { SourceFile } from '../../ingest/stages.js';

/** A synthetic file as read from disk. */
export function sourceOf(path: string, text: string): SourceFile {
  return { path, format: path.endsWith('.md') ? 'md' : 'txt', encoding: 'utf-8', text, sha256: createHash('sha256').update(text).digest('hex') };
}

/** Synthetic files through the whole pure pipeline. */
export async function build(files: Record<string, string>, manifest?: Manifest) {
  const registry = await loadDepartmentRegistry();
  return buildCorpus(Object.entries(files).map(([p, t]) => sourceOf(p, t)), { registry, ...(manifest ? { manifest } : {}) });
}
