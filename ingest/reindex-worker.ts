/**
 * `npm start`'s ingest, in a child process of the API (src/reindex.ts forks
 * it): reading, parsing, segmenting and converting the corpus take tens of
 * seconds of CPU, which on the API's event loop stalled every request of a
 * background re-index (bench/reindex-latency.ts). Here they cost the API
 * nothing but a core, and a crash in the pipeline cannot take it down.
 *
 * Message in (one): {@link ReindexRequest}. Messages out: {@link ReindexMessage}s —
 * progress lines, then exactly one outcome; then the process exits. The API
 * going away closes the channel and ends the process (a build index it leaves is
 * dropped at the next start, ingest/push.ts dropStaleBuilds).
 */
import { Meilisearch } from 'meilisearch';
import { SwapRefusedError } from './guard/check-swap.js';
import { formatReport, runIngest, type IngestReport } from './run-ingest.js';

export interface ReindexRequest {
  host: string;
  apiKey?: string;
  /** The other shards' engines when the clauses are spread over several (meili/shards.ts); none by default. */
  shards?: { host: string; apiKey?: string }[];
  paths: string[];
}

export type ReindexMessage =
  | { kind: 'log'; line: string }
  | { kind: 'done'; report: IngestReport; summary: string }
  /** The new generation would have lost too much (ingest/guard/check-swap.ts): the old one keeps serving. */
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string };

if (!process.send) {
  console.error('reindex-worker.ts runs as the API\'s child process (IPC); use `npm run ingest` from a shell');
  process.exit(2);
}
const send = (m: ReindexMessage) => new Promise<void>((resolve) => process.send!(m, () => resolve()));

process.on('disconnect', () => process.exit(0));
// A Ctrl-C reaches the whole process group: the API decides when this process ends (it stops it, or goes away).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => {});
process.once('message', (req: ReindexRequest) => {
  void (async () => {
    try {
      const client = new Meilisearch({ host: req.host, apiKey: req.apiKey });
      const shards = (req.shards ?? []).map((s) => new Meilisearch({ host: s.host, apiKey: s.apiKey }));
      const report = await runIngest({ client, shards, paths: req.paths, log: (line) => void send({ kind: 'log', line }) });
      await send({ kind: 'done', report, summary: formatReport(report) });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await send(err instanceof SwapRefusedError ? { kind: 'refused', message } : { kind: 'failed', message });
    }
    process.disconnect();
  })();
});
