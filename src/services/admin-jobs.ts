import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { LibraryCommand } from '../../ingest/incremental/cli.js';
import type { WorkerReply, WorkerRequest } from '../../ingest/incremental/worker.js';
import type { ChangeReport } from '../../ingest/incremental/apply-change.js';

/**
 * Admin work (add, replace, remove) as jobs, one at a time, in a worker child
 * process (ingest/incremental/worker.ts) running the same commands as
 * `npm run ingest -- add …`: parsing, segmenting and converting take seconds
 * of CPU that must not stall the API's event loop, the per-file errors are the
 * CLI's own, and a crash in the pipeline cannot take the API down. The worker
 * lives as long as the API, so dictionaries load once and unchanged files are
 * not surveyed again. Jobs live in memory (the last
 * {@link KEEP_JOBS}); what they changed is in the change log, which persists.
 */

export const JobStatus = z.enum(['queued', 'running', 'done', 'failed']);

export interface Job {
  id: string;
  command: LibraryCommand;
  /** What was asked: file names, or the document id. */
  targets: string[];
  status: z.infer<typeof JobStatus>;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** The ingest report, when done (or refused with per-file errors). */
  report?: ChangeReport;
  /** Why it failed: the per-file errors' summary, or what went wrong. */
  error?: { code: string; message: string; files?: ChangeReport['failed'] };
}

export interface JobSpec {
  command: LibraryCommand;
  /** Arguments for the command: staged file paths, doc ids or library file names. */
  args: string[];
  /** What the job shows as its targets (names, not staging paths). */
  targets: string[];
  /** Manifest-style metadata file for the files added. */
  metaFile?: string;
  /** Removed when the job ends (the staged uploads). */
  cleanup?: string;
}

export interface JobRunnerOptions {
  corpusDir: string;
  meili: { host: string; apiKey?: string };
  /** Longest a job may run, ms (default 15 minutes). */
  timeoutMs?: number;
  /** Jobs waiting at most (default 20). */
  maxQueued?: number;
}

export const KEEP_JOBS = 200;

const WORKER = fileURLToPath(new URL('../../ingest/incremental/worker.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

export interface JobRunner {
  submit(spec: JobSpec): Job;
  get(id: string): Job | undefined;
  /** Resolves when the job has finished, or after `ms` (whichever comes first). */
  wait(id: string, ms: number): Promise<Job | undefined>;
  queued(): number;
  /** Starts the worker now rather than with the first job (its start takes seconds: dictionaries). */
  warm(): void;
  close(): Promise<void>;
}

export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const jobs = new Map<string, Job>();
  const specs = new Map<string, JobSpec>();
  const waiting: string[] = [];
  const listeners = new Map<string, Array<() => void>>();
  let running: { id: string; kill: () => void } | undefined;
  let closed = false;
  let idle: Promise<void> = Promise.resolve();

  const finish = (job: Job, patch: Partial<Job>) => {
    Object.assign(job, patch, { finishedAt: new Date().toISOString() });
    for (const fn of listeners.get(job.id) ?? []) fn();
    listeners.delete(job.id);
    // Forget the oldest finished jobs past the cap.
    for (const [id, j] of jobs) {
      if (jobs.size <= KEEP_JOBS) break;
      if (j.status === 'done' || j.status === 'failed') jobs.delete(id);
    }
  };

  /** The worker process, started with the first job and kept: it holds the dictionaries and pass-1 surveys. */
  let worker: { child: ChildProcess; ready: Promise<void>; stderr: string[] } | undefined;
  const startWorker = () => {
    const env: NodeJS.ProcessEnv = { ...process.env, MEILI_HOST: opts.meili.host, MEILI_MASTER_KEY: opts.meili.apiKey ?? '', MEILI_PORT: '', LIBRARY_DIR: opts.corpusDir };
    delete env.ADMIN_TOKEN;
    const child = fork(WORKER, [], { execArgv: ['--import', TSX], env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const stderr: string[] = [];
    child.stderr!.on('data', (b: Buffer) => {
      stderr.push(...b.toString().split('\n').filter(Boolean));
      stderr.splice(0, Math.max(0, stderr.length - 50));
    });
    const ready = new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(stderr.at(-1) ?? `the worker exited (${code})`)));
    });
    ready.catch(() => {});
    child.on('exit', () => {
      if (worker?.child === child) worker = undefined;
    });
    return (worker = { child, ready, stderr });
  };

  const run = async (job: Job, spec: JobSpec): Promise<void> => {
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    const argv = [spec.command, ...spec.args, '--corpus', opts.corpusDir, ...(spec.metaFile ? ['--meta', spec.metaFile] : [])];
    const w = worker ?? startWorker();
    const reply = await w.ready.then(
      () =>
        new Promise<WorkerReply>((resolve) => {
          const timer = setTimeout(() => w.child.kill('SIGTERM'), opts.timeoutMs ?? 15 * 60_000);
          const onMessage = (m: WorkerReply) => {
            if (m.id !== job.id) return;
            done(m);
          };
          // A worker that dies mid-job fails the job with what it said last; the next job starts a new one.
          const onExit = (code: number | null) => done({ id: job.id, error: w.stderr.at(-1) ?? `the worker exited (${code})` });
          const done = (m: WorkerReply) => {
            clearTimeout(timer);
            w.child.off('message', onMessage);
            w.child.off('exit', onExit);
            resolve(m);
          };
          w.child.on('message', onMessage);
          w.child.once('exit', onExit);
          running = { id: job.id, kill: () => w.child.kill('SIGTERM') };
          w.child.send({ id: job.id, argv } satisfies WorkerRequest);
        }),
      (err: Error) => ({ id: job.id, error: err.message }) as WorkerReply,
    );
    running = undefined;
    if (spec.cleanup) await rm(spec.cleanup, { recursive: true, force: true });
    if ('error' in reply) return finish(job, { status: 'failed', error: { code: 'ingest/failed', message: reply.error } });
    const report = reply.report as ChangeReport;
    if (report.ok) return finish(job, { status: 'done', report });
    const files = report.failed;
    const message = files.map((f) => (f.path ? `${f.path}: ${f.message} [${f.rule}]` : `${f.message} [${f.rule}]`)).join('; ');
    finish(job, { status: 'failed', report, error: { code: files[0]?.rule ?? 'failed', message: `nothing was changed: ${message}`, files } });
  };

  const pump = () => {
    if (running || closed) return;
    const id = waiting.shift();
    if (!id) return;
    const job = jobs.get(id)!;
    idle = run(job, specs.get(id)!)
      .catch((err: unknown) => finish(job, { status: 'failed', error: { code: 'ingest/failed', message: err instanceof Error ? err.message : String(err) } }))
      .finally(() => {
        specs.delete(id);
        pump();
      });
  };

  return {
    submit(spec) {
      const job: Job = { id: `job-${randomBytes(8).toString('hex')}`, command: spec.command, targets: spec.targets, status: 'queued', createdAt: new Date().toISOString() };
      jobs.set(job.id, job);
      specs.set(job.id, spec);
      waiting.push(job.id);
      queueMicrotask(pump);
      return job;
    },
    get: (id) => jobs.get(id),
    wait(id, ms) {
      const job = jobs.get(id);
      if (!job || job.status === 'done' || job.status === 'failed' || ms <= 0) return Promise.resolve(job);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(jobs.get(id)), ms);
        listeners.set(id, [...(listeners.get(id) ?? []), () => (clearTimeout(timer), resolve(jobs.get(id)))]);
      });
    },
    queued: () => waiting.length,
    warm() {
      if (!worker && !closed) startWorker();
    },
    async close() {
      closed = true;
      running?.kill();
      await idle;
      worker?.child.disconnect();
      worker?.child.kill('SIGTERM');
    },
  };
}
