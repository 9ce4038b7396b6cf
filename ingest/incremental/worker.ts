/**
 * The admin API's worker: a long-lived child process that runs library
 * commands (the CLI's `add`, `remove`, `replace`) sent over IPC, one at a time.
 * It loads the segmenter's dictionaries and the department registry once and
 * keeps pass-1 surveys of unchanged library files between changes, so a change
 * costs what it touches, not a process start and a corpus survey. The engine
 * comes from MEILI_HOST / MEILI_MASTER_KEY, the library to survey at start from
 * LIBRARY_DIR (both set by the API).
 *
 * Messages in: `{ id, argv }` (argv as the CLI takes it, `--corpus` included).
 * Messages out: `{ id, report }` or `{ id, error }`; progress goes to stderr.
 */
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { loadDepartmentRegistry } from '../../core/departments/index.js';
import { createSegmenter, segmenterWords } from '../../core/segment/index.js';
import { warmSurveyCache, type SurveyCache } from './apply-change.js';
import { parseArgs, runCommand } from './cli.js';

export interface WorkerRequest {
  id: string;
  argv: string[];
}
export type WorkerReply = { id: string; report: unknown } | { id: string; error: string };

const host = process.env.MEILI_HOST;
if (!host || !process.send) {
  console.error('worker.ts runs as the API\'s child process (IPC) with MEILI_HOST set');
  process.exit(2);
}
const client = new Meilisearch({ host, apiKey: process.env.MEILI_MASTER_KEY || undefined });
const registry = await loadDepartmentRegistry();
const segmenter = createSegmenter({ userWords: segmenterWords(registry) });
const cache: SurveyCache = new Map();
const log = (line: string) => console.error(line);

let queue = Promise.resolve();
process.on('message', (msg: WorkerRequest) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      const args = parseArgs(msg.argv);
      const report = await runCommand(client, args, path.resolve(args.corpus ?? '.'), { log, segmenter, registry, cache });
      reply = { id: msg.id, report };
    } catch (err) {
      reply = { id: msg.id, error: err instanceof Error ? err.message : String(err) };
    }
    process.send!(reply);
  });
});
// The API going away closes the channel: nothing is left running.
process.on('disconnect', () => process.exit(0));
process.send({ id: 'ready', report: null } satisfies WorkerReply);
// Survey the library while idle, so the first change does not pay for every file (jobs wait behind it, as before).
const library = process.env.LIBRARY_DIR;
if (library) {
  queue = queue.then(async () => {
    const t = performance.now();
    const n = await warmSurveyCache(library, cache).catch((err: unknown) => (log(`survey of ${library} failed: ${String(err)}`), 0));
    log(`surveyed ${n} library files in ${((performance.now() - t) / 1000).toFixed(1)}s`);
  });
}
