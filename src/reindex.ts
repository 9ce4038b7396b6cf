/**
 * The API's side of `npm start`'s ingest: forks ingest/reindex-worker.ts, so
 * the pipeline's CPU runs in another process while this one answers
 * requests, and relays its progress. One outcome per run: the report, a
 * refused swap (the old index keeps serving), or a failure.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ReindexMessage, ReindexRequest } from '../ingest/reindex-worker.js';

const WORKER = fileURLToPath(new URL('../ingest/reindex-worker.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

export type ReindexOutcome = Exclude<ReindexMessage, { kind: 'log' }>;

export interface ReindexRun {
  outcome: Promise<ReindexOutcome>;
  /** Ends the child (the API is stopping; it ignores the terminal's signals) and resolves when it has exited; the outcome then says 'failed'. */
  stop(): Promise<void>;
}

export function reindexInChild(request: ReindexRequest, log: (line: string) => void): ReindexRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ADMIN_TOKEN;
  const child: ChildProcess = fork(WORKER, [], { execArgv: ['--import', TSX], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const outcome = new Promise<ReindexOutcome>((resolve) => {
    let settled = false;
    child.on('message', (m: ReindexMessage) => {
      if (m.kind === 'log') return log(m.line);
      settled = true;
      resolve(m);
    });
    child.once('error', (err) => {
      if (!settled) resolve({ kind: 'failed', message: err.message });
      settled = true;
    });
    child.once('exit', (code, signal) => {
      if (!settled) resolve({ kind: 'failed', message: `the ingest process ended (${signal ?? `exit ${code}`}) before reporting` });
      settled = true;
    });
  });
  child.send(request);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { outcome, stop };
}
