/**
 * `npx tsx bench/single-file.ts [--copies 1,4] [--work DIR]`: ingest memory of ONE large file (issue 17), written to
 * bench/results-single-file.json.
 *
 * The synthetic file is the real corpus's largest file followed by `n − 1` perturbed copies of it
 * (bench/scale-corpus.ts: other places, shifted years), as one file: a compilation n times the size. Each size is
 * ingested by bench/ingest-probe.ts into a fresh Meilisearch (heap cap as in scale-bench.ts), and its peak RSS and
 * live heap are set against the file's size. A multi-file corpus keeps
 * memory flat (one file at a time, bench/README.md); this shows what one file's size costs.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestMeili } from '../tests/helpers/meili.js';
import { CORPUS_DIR, readRealCorpus } from '../tests/helpers/corpus.js';
import { runTs, type FullIngest } from './run-bench.js';
import { perturbCopy, titlesOf } from './scale-corpus.js';
import { loadManifest } from '../ingest/run-ingest.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const COPIES = (arg('--copies') ?? '1,4').split(',').map(Number);
const WORK = path.resolve(arg('--work') ?? path.join(tmpdir(), 'policy-kb-single-file'));
const HEAP_CAP_MB = 512;

async function main() {
  const files = await readRealCorpus();
  const largest = files.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const titles = titlesOf(largest, await loadManifest(CORPUS_DIR));
  const runs = [];
  for (const n of COPIES) {
    const dir = path.join(WORK, `x${n}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    // Copies renamed by perturbCopy keep duplicate detection from merging them into the first.
    const parts = [largest.text, ...Array.from({ length: n - 1 }, (_, i) => perturbCopy(largest, i + 1, titles).text)];
    const text = parts.join('\n\n');
    await writeFile(path.join(dir, `single${path.extname(largest.path)}`), text);
    const meili = await startTestMeili();
    try {
      console.error(`[single-file] ${n} × the largest file (${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MB), load average ${loadavg()[0]!.toFixed(1)}…`);
      const r = await runTs<FullIngest>('ingest-probe.ts', ['full', dir, meili.url, meili.masterKey], { nodeFlags: [`--max-old-space-size=${HEAP_CAP_MB}`] }).catch((err: unknown) => err as Error);
      // A failed size is a result too (kept, and the next size still runs).
      if (r instanceof Error) {
        runs.push({ copies: n, fileMb: +(Buffer.byteLength(text) / 2 ** 20).toFixed(2), failed: r.message });
        continue;
      }
      runs.push({ copies: n, fileMb: +(Buffer.byteLength(text) / 2 ** 20).toFixed(2), characters: r.characters, documents: r.documents, clauses: r.clauses, seconds: r.seconds.total, peakRssMb: r.peakRssMb, baselineRssMb: r.baselineRssMb, liveHeapMb: r.liveHeapMb });
    } finally {
      await meili.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const out = { date: new Date().toISOString(), cpus: cpus().length, heapCapMb: HEAP_CAP_MB, largestFile: largest.path, runs };
  await writeFile(path.join(HERE, 'results-single-file.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(JSON.stringify(out, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
