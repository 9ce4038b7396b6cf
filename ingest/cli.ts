/**
 * `npm run ingest [-- <files or dirs>]`: ingest the corpus (or the given paths)
 * into Meilisearch and print progress and a summary. Uses MEILI_HOST when set;
 * otherwise starts the embedded server on DATA_DIR for the duration of the run.
 */
import { Meilisearch } from 'meilisearch';
import { loadConfig } from '../src/config.js';
import { startEmbeddedMeili, stopOnSignals } from '../src/meili/embedded.js';
import { formatReport, runIngest } from './run-ingest.js';
import { LIBRARY_COMMANDS, runLibraryCommand } from './incremental/cli.js';

async function main(): Promise<number> {
  const paths = process.argv.slice(2).filter((a) => a !== '--');
  // add / remove / replace: an incremental change to the library (ingest/incremental/cli.ts).
  if (LIBRARY_COMMANDS.includes(paths[0] as never)) return runLibraryCommand(paths);
  const config = loadConfig();
  let host = config.MEILI_HOST;
  let apiKey = config.MEILI_MASTER_KEY;
  let stop: (() => Promise<void>) | undefined;
  if (!host) {
    const meili = await startEmbeddedMeili({ dataDir: config.DATA_DIR, port: config.MEILI_PORT });
    stopOnSignals(meili.stop);
    ({ url: host, masterKey: apiKey, stop } = meili);
  }
  try {
    const client = new Meilisearch({ host, apiKey });
    const report = await runIngest({
      client,
      paths: paths.length ? paths : [config.CORPUS_DIR],
      log: (line) => console.log(line),
    });
    console.log(formatReport(report));
    return 0;
  } finally {
    await stop?.();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`ingest failed: ${err instanceof Error ? err.message : String(err)}`);
    console.error('The previously indexed data (if any) is still being served unchanged.');
    process.exit(1);
  },
);
