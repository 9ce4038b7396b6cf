/**
 * `npx tsx bench/fault-load.ts [--clients 32] [--seconds 60]`: the load test of
 * engine supervision. The corpus is ingested into a supervised embedded
 * Meilisearch of its own (temporary data dir); the API serves it on a free
 * port; `clients` clients search without pause for `seconds`, and the engine
 * is killed (-9, by its pid) once in the middle. Every request's start, end
 * and status are recorded; the summary (bench/fault-load-results.json) says
 * how many answers were not 200, how many requests overlapped the outage, and
 * whether any failure came before the kill or after the engine was back.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { buildApp } from '../src/app.js';
import { superviseEmbeddedMeili } from '../meili/supervise.js';
import { ensureReadKey } from '../meili/keys.js';
import { runIngest } from '../ingest/run-ingest.js';
import { streamSearches, summarise } from '../tests/helpers/fault-stream.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const clients = arg('clients', 32);
const seconds = arg('seconds', 60);

const tmp = await mkdtemp(path.join(os.tmpdir(), 'policy-fault-load-'));
const errors: string[] = [];
const engine = await superviseEmbeddedMeili({ dataDir: tmp, logLevel: 'ERROR', onError: (m) => errors.push(m) });
try {
  const master = new Meilisearch({ host: engine.url, apiKey: engine.masterKey });
  console.log('ingesting the corpus…');
  await runIngest({ client: master, paths: [path.resolve(import.meta.dirname, '../corpus')] });
  const app = await buildApp({ meili: { host: engine.url, apiKey: await ensureReadKey(master) }, engine: () => engine.status() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  console.log(`${clients} clients for ${seconds} s against ${base}; the engine is killed at ${seconds / 2} s`);
  const t0 = performance.now();
  const stream = streamSearches(base, clients);
  await new Promise((r) => setTimeout(r, (seconds / 2) * 1000));
  const pid = engine.pid();
  const killedAt = performance.now();
  process.kill(pid, 'SIGKILL');
  let upAt = Number.POSITIVE_INFINITY;
  while (performance.now() - killedAt < 30_000) {
    if (engine.status().state === 'up' && engine.pid() !== pid) {
      upAt = performance.now();
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, Math.max(0, t0 + seconds * 1000 - performance.now())));
  await stream.stop();
  await app.close();
  const s = summarise(stream.samples, killedAt, upAt);
  const byStatus: Record<string, number> = {};
  for (const x of stream.samples) byStatus[x.status] = (byStatus[x.status] ?? 0) + 1;
  const result = {
    measuredAt: new Date().toISOString(),
    machine: `${os.cpus().length} cores (shared), Node ${process.version}`,
    clients,
    seconds,
    killedAtSeconds: +((killedAt - t0) / 1000).toFixed(2),
    outageMs: Math.round(upAt - killedAt),
    ...s,
    notOk: s.requests - s.ok,
    byStatus,
    status500: byStatus['500'] ?? 0,
    requestsPerSecond: Math.round(s.requests / seconds),
    engineLog: errors,
    health: engine.status(),
  };
  console.log(JSON.stringify(result, null, 2));
  await writeFile(path.resolve(import.meta.dirname, 'fault-load-results.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await engine.stop();
  await rm(tmp, { recursive: true, force: true });
}
