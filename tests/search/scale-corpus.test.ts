import { describe, expect, it } from 'vitest';
import { readRealCorpus, CORPUS_DIR } from '../helpers/corpus.js';
import { loadManifest } from '../../ingest/run-ingest.js';
import { buildCorpus } from '../../ingest/pipeline.js';
import { loadDepartmentRegistry } from '../../core/departments/index.js';
import { scaleCorpus } from '../../bench/scale-corpus.js';

/** The synthetic corpus of the scale benchmark must really be k times the documents, not k copies merged into one. */
describe('scaleCorpus', () => {
  it('makes every copy of every document a distinct document', async () => {
    const [files, manifest, registry] = await Promise.all([readRealCorpus(), loadManifest(CORPUS_DIR), loadDepartmentRegistry()]);
    const one = buildCorpus(files, { manifest, registry });
    const scaled = scaleCorpus(files, 2, manifest);
    expect(scaled.files).toHaveLength(files.length * 2);
    const total = scaled.files.reduce((n, f) => n + f.text.length, 0);
    expect(total / files.reduce((n, f) => n + f.text.length, 0)).toBeGreaterThan(1.95);
    const two = buildCorpus(scaled.files, { manifest: scaled.manifest, registry });
    expect(two.documents.length).toBe(one.documents.length * 2);
    const titles = two.documents.map((d) => d.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.some((t) => t.includes('山东'))).toBe(true);
    expect(titles.filter((t) => t.includes('河北')).length).toBeGreaterThanOrEqual(one.documents.length - 2);
  }, 120_000);
});
