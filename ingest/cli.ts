/**
 * `npm run ingest [-- options] [-- <files or dirs>]`: ingest the corpus (or the given paths)
 * into Meilisearch and print progress and a summary. Uses MEILI_HOST when set;
 * otherwise starts the embedded server on DATA_DIR for the duration of the run.
 * Exit codes and flags: cli-args.ts (INGEST_USAGE).
 */
import { writeFile } from 'node:fs/promises';
import { Meilisearch } from 'meilisearch';
import { loadConfig } from '../core/config.js';
import { openShards } from '../meili/shards.js';
import { formatReport, runIngest, type IngestReport } from './run-ingest.js';
import { ingestExitCode, INGEST_USAGE, parseIngestArgs, UsageError, type IngestArgs } from './cli-args.js';
import { SwapRefusedError } from './guard/check-swap.js';
import type { TextMessage } from '../core/model/messages.js';
import { LIBRARY_COMMANDS, runLibraryCommand } from './incremental/cli.js';

function place(m: TextMessage): string {
  return `${m.path ?? '(corpus)'}${m.offset !== undefined ? `@${m.offset}` : ''}`;
}

async function ingest(args: IngestArgs): Promise<number> {
  const config = loadConfig();
  const messages: TextMessage[] = [];
  let report: IngestReport | undefined;
  let refusal: { rule: string; message: string } | undefined;
  let abort: string | undefined;

  let stop: (() => Promise<void>) | undefined;
  try {
    // One engine, or the shards the clauses are spread over (MEILI_SHARDS, or several MEILI_HOST URLs).
    const opened = await openShards({ hosts: config.MEILI_SHARD_HOSTS, masterKey: config.MEILI_MASTER_KEY, count: config.MEILI_SHARDS, dataDir: config.DATA_DIR, port: config.MEILI_PORT });
    stop = opened.stop;
    const [home, ...others] = opened.endpoints.map((e) => new Meilisearch({ host: e.url, apiKey: e.masterKey }));
    report = await runIngest({
      client: home!,
      shards: others,
      paths: args.paths.length ? args.paths : [config.CORPUS_DIR],
      log: (line) => console.log(line),
      allowShrink: args.allowShrink,
      maxLoss: args.maxLoss,
      onMessage: (m) => {
        if (args.report) messages.push(m);
        if (args.verbose && m.severity !== 'info') console.log(`${m.severity.padEnd(7)} ${place(m)}: ${m.message} [${m.rule}]`);
      },
    });
    console.log(formatReport(report));
  } catch (err) {
    if (err instanceof SwapRefusedError) {
      refusal = { rule: err.verdict.rule, message: err.message };
      console.error(`ingest ${err.message}.`);
    } else {
      abort = err instanceof Error ? err.message : String(err);
      console.error(`ingest failed: ${abort}`);
    }
    console.error('The index serving (if any) is unchanged.');
  } finally {
    await stop?.();
  }
  const code = ingestExitCode({
    refusedOrAborted: refusal !== undefined || abort !== undefined,
    failed: report?.failed.length ?? 0,
    skipped: report?.skipped.length ?? 0,
  });
  if (args.report) {
    const failed = report?.failed ?? messages.filter((m) => m.severity === 'error').map((m) => ({ path: m.path, rule: m.rule, message: m.message }));
    const body = { exitCode: code, swapped: code < 2, refusal, abort, report, failed, messages };
    await writeFile(args.report, `${JSON.stringify(body, null, 2)}\n`);
    console.log(`Report (${messages.length} messages) written to ${args.report}`);
  }
  return code;
}

async function main(): Promise<number> {
  // add / remove / replace: an incremental change to the library (ingest/incremental/cli.ts).
  const words = process.argv.slice(2).filter((a) => a !== '--');
  if (LIBRARY_COMMANDS.includes(words[0] as never)) return runLibraryCommand(words);
  let args: IngestArgs;
  try {
    args = parseIngestArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\n${INGEST_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(INGEST_USAGE);
    return 0;
  }
  return ingest(args);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`ingest failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
