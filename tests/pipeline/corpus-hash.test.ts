/**
 * What `npm start` hashes to decide whether the index is current: the corpus, the pipeline's stages and the shared
 * core the index is built with (settings, synonyms, registry, thesaurus).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pipelineFiles } from '../../ingest/corpus/hash.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rel = (files: string[]) => files.map((f) => path.relative(ROOT, f));
const temp: string[] = [];
afterAll(async () => {
  await Promise.all(temp.map((d) => rm(d, { recursive: true, force: true })));
});

describe('pipelineFiles', () => {
  it('covers the shared core the index is built with, not only ingest/', async () => {
    const files = rel(await pipelineFiles());
    expect(files).toEqual(expect.arrayContaining(['ingest/run-ingest.ts', 'core/index/settings.ts', 'core/departments/registry.json', 'core/departments/functions.json']));
    expect(files.some((f) => f.startsWith('src/'))).toBe(false);
  });

  it('walks every directory given, code and data only, in a stable order', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'policy-kb-hash-'));
    temp.push(dir);
    await mkdir(path.join(dir, 'a', 'deep'), { recursive: true });
    await mkdir(path.join(dir, 'b'));
    await Promise.all([
      writeFile(path.join(dir, 'a', 'deep', 'x.ts'), ''),
      writeFile(path.join(dir, 'a', 'notes.md'), ''),
      writeFile(path.join(dir, 'b', 'y.json'), '{}'),
    ]);
    const files = (await pipelineFiles([path.join(dir, 'b'), path.join(dir, 'a')])).map((f) => path.relative(dir, f));
    expect(files).toEqual(['a/deep/x.ts', 'b/y.json']);
  });
});
