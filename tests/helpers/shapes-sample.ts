import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCorpusFiles, readSourceFile } from '../../ingest/read/index.js';
import { buildCorpus, type BuiltCorpus } from '../../ingest/pipeline.js';
import { loadDepartmentRegistry } from '../../ingest/departments/index.js';
import { loadManifest } from '../../ingest/run-ingest.js';

/** The note-shapes sample: plans written in the shapes of issue 19, hand-labelled in tasks-shapes.json. */
export const SHAPES_DIR = fileURLToPath(new URL('../labels/shapes/', import.meta.url));
export const SHAPES_LABELS = new URL('../labels/tasks-shapes.json', import.meta.url);

let cached: Promise<BuiltCorpus> | undefined;

/** The sample built through the whole pure pipeline (its manifest gives only two titles the splitter misses). */
export function loadShapesSample(): Promise<BuiltCorpus> {
  cached ??= (async () => {
    const files = [];
    for (const abs of await listCorpusFiles([SHAPES_DIR])) {
      const res = await readSourceFile(abs, path.relative(SHAPES_DIR, abs));
      if (!res.ok) throw new Error(`cannot read ${abs}: ${res.message.message}`);
      files.push(res.file);
    }
    return buildCorpus(files, { registry: await loadDepartmentRegistry(), manifest: await loadManifest(SHAPES_DIR) });
  })();
  return cached;
}
