/**
 * `npx tsx bench/incremental.ts [--scale 20]`: what an incremental change costs
 * against a full ingest, and what readers see meanwhile.
 *
 * Builds the N× corpus (bench/scale-corpus.ts) in a temporary library, ingests
 * it in full (timed), serves the API with the admin routes on a free port, then
 * adds one new document of real size (another province's copy of a real
 * plan, never seen by the corpus) and removes it again through
 * `POST/DELETE /v1/admin/documents` — each change timed as the job's wall time
 * (child process start included) and as the change itself (the job report).
 * Meanwhile 4 clients search over HTTP without pause; their latencies are
 * reported for a quiet baseline and during each change (p50/p99/max, non-200s).
 * Writes bench/results-incremental.json.
 */
import { cpus, tmpdir } from 'node:os';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { request } from 'undici';
import { startTestMeili } from '../tests/helpers/meili.js';
import { CORPUS_DIR } from '../tests/helpers/corpus.js';
import { buildApp } from '../src/app.js';
import { listCorpusFiles, readSourceFile } from '../ingest/read/index.js';
import { loadManifest, runIngest } from '../ingest/run-ingest.js';
import { MANIFEST_FILE } from '../ingest/corpus/manifest.js';
import { normalizeText } from '../ingest/normalize/index.js';
import { splitDocuments } from '../ingest/split/index.js';
import { perturbCopy, scaleCorpus } from './scale-corpus.js';
import type { SourceFile } from '../ingest/stages.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const SCALE = Number(arg('scale', '20'));
const CLIENTS = 4;
const BASELINE_MS = 10_000;
const TOKEN = 'bench-admin-token-0123456789abcdef';
const QUERIES = ['数据安全', '5G基站', '大数据局', '网络安全法第二十一条', '算力', '数字政府', '工业互联网', '公共数据开放'];
const log = (s: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

async function readReal(): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const abs of await listCorpusFiles([CORPUS_DIR])) {
    const res = await readSourceFile(abs, path.relative(CORPUS_DIR, abs));
    if (res.ok) out.push(res.file);
  }
  return out;
}

interface Sample {
  at: number;
  ms: number;
  status: number;
}

/** Clients searching one request after another until stopped. */
function load(base: string) {
  const samples: Sample[] = [];
  let running = true;
  let n = 0;
  const client = async () => {
    while (running) {
      const q = QUERIES[n++ % QUERIES.length]!;
      const t = performance.now();
      let status = 0;
      try {
        const res = await request(`${base}/v1/search?q=${encodeURIComponent(q)}&limit=10`);
        await res.body.text();
        status = res.statusCode;
      } catch {
        status = -1;
      }
      samples.push({ at: t, ms: performance.now() - t, status });
    }
  };
  const all = Promise.all(Array.from({ length: CLIENTS }, client));
  return {
    samples,
    stop: async () => {
      running = false;
      await all;
    },
  };
}

function summarize(samples: Sample[], from: number, to: number) {
  const xs = samples.filter((s) => s.at >= from && s.at < to);
  const ms = xs.map((s) => s.ms).sort((a, b) => a - b);
  const q = (p: number) => +(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0).toFixed(2);
  return {
    requests: xs.length,
    perSecond: +((xs.length / (to - from)) * 1000).toFixed(1),
    p50: q(0.5),
    p90: q(0.9),
    p99: q(0.99),
    max: +(ms.at(-1) ?? 0).toFixed(2),
    non200: xs.filter((s) => s.status !== 200).length,
    status5xx: xs.filter((s) => s.status >= 500 || s.status < 0).length,
  };
}

async function main() {
  const work = await mkdtemp(path.join(tmpdir(), 'policy-kb-incr-'));
  const meili = await startTestMeili();
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
    scale: SCALE,
    clients: CLIENTS,
  };
  try {
    const library = path.join(work, `library-x${SCALE}`);
    await mkdir(library);
    const real = await readReal();
    const manifest = await loadManifest(CORPUS_DIR);
    const scaled = scaleCorpus(real, SCALE, manifest);
    for (const f of scaled.files) await writeFile(path.join(library, f.path), f.text);
    await writeFile(path.join(library, MANIFEST_FILE), JSON.stringify(scaled.manifest));
    // The new document: a copy for a province the scaled corpus does not have, of the plan file.
    const source = real.find((f) => f.path.includes('three-year-action-plan'))!;
    const titles = splitDocuments(normalizeText(source)).map((s) => s.title.replace(/\s+/g, '')).filter((t) => t.length >= 4 && !t.includes('山东'));
    const fresh = perturbCopy(source, SCALE, titles);
    const freshFile = path.join(work, `new-${path.basename(fresh.path)}`);
    await writeFile(freshFile, fresh.text);

    const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
    log(`full ingest of the ${SCALE}× library (${scaled.files.length} files)…`);
    const t0 = performance.now();
    const full = await runIngest({ client, paths: [library] });
    const fullWall = (performance.now() - t0) / 1000;
    results.fullIngest = { files: full.files, documents: full.documents, clauses: full.clauses, seconds: full.seconds, wallSeconds: +fullWall.toFixed(2) };
    log(`full ingest: ${full.seconds.total}s, ${full.documents} documents, ${full.clauses} clauses`);

    const app = await buildApp({
      meili: { host: meili.url, apiKey: meili.masterKey },
      admin: { token: TOKEN, corpusDir: library, meili: { host: meili.url, apiKey: meili.masterKey } },
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const traffic = load(address);
    try {
      const b0 = performance.now();
      await new Promise((r) => setTimeout(r, BASELINE_MS));
      const b1 = performance.now();

      const bytes = await readFile(freshFile);
      /** Polls a job until it has finished (a change on a loaded machine can outlast one ?wait). */
      const finished = async (job: any): Promise<any> => {
        while (job.status === 'queued' || job.status === 'running') {
          job = await (await fetch(`${address}${job.url}?wait=120`, { headers: auth })).json();
        }
        return job;
      };
      const addOnce = async () => {
        const form = new FormData();
        form.append('file', new Blob([bytes]), path.basename(fresh.path));
        const t = performance.now();
        const res = await fetch(`${address}/v1/admin/documents?wait=120`, { method: 'POST', headers: auth, body: form });
        const j = await finished((await res.json()) as any);
        if (j.status !== 'done') throw new Error(`add failed: ${JSON.stringify(j.error ?? j)}`);
        return { j, t0: t, t1: performance.now() };
      };
      const removeOnce = async (docId: string) => {
        const t = performance.now();
        const res = await fetch(`${address}/v1/admin/documents/${docId}?wait=120`, { method: 'DELETE', headers: auth });
        const j = await finished((await res.json()) as any);
        if (j.status !== 'done') throw new Error(`remove failed: ${JSON.stringify(j.error ?? j)}`);
        return { j, t0: t, t1: performance.now() };
      };
      const job = ({ j, t0, t1 }: { j: any; t0: number; t1: number }) => ({
        wallSeconds: +((t1 - t0) / 1000).toFixed(2),
        ofFullIngest: +((t1 - t0) / 1000 / full.seconds.total).toFixed(3),
        change: j.report.seconds,
        rebuiltFiles: j.report.rebuiltFiles.length,
        writes: j.report.writes,
        changes: j.report.changes.map((c: any) => `${c.action} ${c.docId}`),
      });
      // The first change pays the pass-1 survey of every file (the worker keeps it); later ones survey only what changed.
      const phases: Record<string, { j: any; t0: number; t1: number }> = {};
      for (const round of ['first', 'second']) {
        log(`${round}: adding one document through POST /v1/admin/documents…`);
        phases[`${round}Add`] = await addOnce();
        const docId = phases[`${round}Add`]!.j.report.changes.find((c: any) => c.action === 'added')?.docId as string;
        log(`added ${docId}: ${JSON.stringify(job(phases[`${round}Add`]!))}`);
        await new Promise((r) => setTimeout(r, 2000));
        phases[`${round}Remove`] = await removeOnce(docId);
        log(`removed: ${JSON.stringify(job(phases[`${round}Remove`]!))}`);
        await new Promise((r) => setTimeout(r, 2000));
      }
      await traffic.stop();
      for (const [name, p] of Object.entries(phases)) results[name] = job(p);
      results.searches = {
        baseline: summarize(traffic.samples, b0, b1),
        ...Object.fromEntries(Object.entries(phases).map(([name, p]) => [`during${name[0]!.toUpperCase()}${name.slice(1)}`, summarize(traffic.samples, p.t0, p.t1)])),
      };
    } finally {
      await traffic.stop();
      await app.close();
    }
    const out = new URL(SCALE === 20 ? './results-incremental.json' : './results-incremental-quick.json', import.meta.url);
    await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await meili.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
