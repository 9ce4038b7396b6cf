import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCorpusFiles, readSourceFile } from '../../ingest/read/index.js';
import { buildCorpus, type BuiltCorpus } from '../../ingest/pipeline.js';
import { loadDepartmentRegistry } from '../../core/departments/index.js';
import { loadManifest } from '../../ingest/run-ingest.js';

/**
 * The note-shapes samples: plans written in the shapes of issue 19, hand-labelled.
 * `shapes` is the sample the rules were built on; `blind` was written and
 * labelled after them and run only once they stood.
 */
export const SHAPES_SAMPLES = {
  shapes: { dir: '../labels/shapes/', labels: '../labels/tasks-shapes.json' },
  blind: { dir: '../labels/shapes-blind/', labels: '../labels/tasks-shapes-blind.json' },
  blind2: { dir: '../labels/shapes-blind2/', labels: '../labels/tasks-shapes-blind2.json' },
  blind3: { dir: '../labels/shapes-blind3/', labels: '../labels/tasks-shapes-blind3.json' },
  blind4: { dir: '../labels/shapes-blind4/', labels: '../labels/tasks-shapes-blind4.json' },
  blind5: { dir: '../labels/shapes-blind5/', labels: '../labels/tasks-shapes-blind5.json' },
} as const;
export type ShapesSample = keyof typeof SHAPES_SAMPLES;

export const shapesLabelsFile = (sample: ShapesSample): string => fileURLToPath(new URL(SHAPES_SAMPLES[sample].labels, import.meta.url));

const cached = new Map<ShapesSample, Promise<BuiltCorpus>>();

/** A sample built through the whole pure pipeline (a manifest gives only titles the splitter misses). */
export function loadShapesSample(sample: ShapesSample = 'shapes'): Promise<BuiltCorpus> {
  let built = cached.get(sample);
  if (!built) {
    built = (async () => {
      const dir = fileURLToPath(new URL(SHAPES_SAMPLES[sample].dir, import.meta.url));
      const files = [];
      for (const abs of await listCorpusFiles([dir])) {
        const res = await readSourceFile(abs, path.relative(dir, abs));
        if (!res.ok) throw new Error(`cannot read ${abs}: ${res.message.message}`);
        files.push(res.file);
      }
      return buildCorpus(files, { registry: await loadDepartmentRegistry(), manifest: await loadManifest(dir) });
    })();
    cached.set(sample, built);
  }
  return built;
}
