/**
 * `npx tsx bench/reindex-latency.ts --label before|after [--clients 4]`: how
 * searches fare while `npm start` re-indexes the corpus in the background.
 *
 * A Meilisearch of its own (temporary data dir) gets the corpus once; then one
 * corpus file is changed (a trailing newline: same documents, another corpus
 * hash), and the real server (`src/server.ts`, as `npm start` runs it, pointed
 * at that Meilisearch with MEILI_HOST) starts, finds the index stale and
 * re-indexes in the background while it serves. `clients` clients search
 * without pause from "API ready" until the re-index reports, then as long
 * again on the quiet server; one more client searches Meilisearch directly
 * all along, to tell what the engine's own indexing costs from what the API's
 * event loop adds. Results are merged into bench/results-reindex.json under
 * the label.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { runIngest } from '../ingest/run-ingest.js';
import { INDEX } from '../core/index/index-names.js';
import { startTestMeili } from '../tests/helpers/meili.js';
import { FAULT_QUERIES, streamSearches, type Sample } from '../tests/helpers/fault-stream.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const label = arg('label', 'run');
const clients = Number(arg('clients', '4'));
const root = path.resolve(import.meta.dirname, '..');
const resultsFile = path.join(root, 'bench/results-reindex.json');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => +(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(1);
  return { requests: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) };
}
const within = (samples: Sample[], from: number, to: number) =>
  samples.filter((x) => x.start >= from && x.end <= to && x.status === 200).map((x) => x.end - x.start);

const meili = await startTestMeili();
const tmp = await mkdtemp(path.join(os.tmpdir(), 'policy-reindex-'));
let server: ReturnType<typeof spawn> | undefined;
try {
  const corpus = path.join(tmp, 'corpus');
  await cp(path.join(root, 'corpus'), corpus, { recursive: true });
  const master = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
  console.log('ingesting the corpus once…');
  await runIngest({ client: master, paths: [corpus] });
  const first = (await readdir(corpus)).filter((f) => /\.(txt|md)$/.test(f)).sort()[0]!;
  await appendFile(path.join(corpus, first), '\n');

  const port = await freePort();
  const out: string[] = [];
  let readyAt = 0;
  let doneAt = 0;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, MEILI_HOST: meili.url, MEILI_MASTER_KEY: meili.masterKey, CORPUS_DIR: corpus, DATA_DIR: path.join(tmp, 'data'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    server!.once('exit', (code) => reject(new Error(`server exited ${code}: ${out.join('')}`)));
    server!.stdout!.on('data', (b: Buffer) => {
      const text = b.toString();
      out.push(text);
      if (!readyAt && text.includes('API ready')) {
        readyAt = performance.now();
        resolve();
      }
      if (!doneAt && /Ingested \d+ files/.test(text)) doneAt = performance.now();
    });
  });
  await ready;
  if (!out.join('').includes('re-indexing in the background')) throw new Error(`the server did not re-index in the background:\n${out.join('')}`);
  const base = `http://127.0.0.1:${port}`;
  const api = streamSearches(base, clients);
  // The engine directly, the same queries, one client.
  const direct: Sample[] = [];
  let running = true;
  const directLoop = (async () => {
    for (let i = 0; running; i++) {
      const start = performance.now();
      await master.index(INDEX.clauses).search(FAULT_QUERIES[i % FAULT_QUERIES.length]!, { limit: 5 });
      direct.push({ start, end: performance.now(), status: 200 });
    }
  })();
  // doneAt is set by the 'Ingested' line; the re-index finished before the API was ready if it is already set.
  while (!doneAt) await new Promise((r) => setTimeout(r, 20));
  const during = doneAt - readyAt;
  const quietFrom = doneAt + 500;
  const quietTo = quietFrom + Math.max(5_000, Math.min(during, 20_000));
  await new Promise((r) => setTimeout(r, quietTo - performance.now()));
  await api.stop();
  running = false;
  await directLoop;

  const result = {
    measuredAt: new Date().toISOString(),
    machine: `${os.cpus().length} cores (shared), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, Node ${process.version}`,
    clients,
    reindexSeconds: +(during / 1000).toFixed(1),
    apiDuringReindex: stats(within(api.samples, readyAt, doneAt)),
    apiAfter: stats(within(api.samples, quietFrom, quietTo)),
    meiliDuringReindex: stats(within(direct, readyAt, doneAt)),
    meiliAfter: stats(within(direct, quietFrom, quietTo)),
    notOk: api.samples.filter((x) => x.status !== 200).length,
  };
  console.log(JSON.stringify(result, null, 2));
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(await readFile(resultsFile, 'utf8')) as Record<string, unknown>;
  } catch {
    /* first run */
  }
  all[label] = result;
  await writeFile(resultsFile, `${JSON.stringify(all, null, 2)}\n`);
} finally {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await meili.stop();
  await rm(tmp, { recursive: true, force: true });
}
