/**
 * `npm start`: the only file that listens. Starts the embedded Meilisearch
 * (unless MEILI_HOST points at one), ingests the corpus when the index is
 * missing or was built from other inputs, and serves the API.
 */
import { Meilisearch } from 'meilisearch';
import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { startEmbeddedMeili, stopOnSignals } from './meili/embedded.js';
import { readCorpusMeta } from '../ingest/push.js';
import { formatReport, hashInputs, runIngest } from '../ingest/run-ingest.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const say = (line: string) => console.log(line);

  let host = config.MEILI_HOST;
  let apiKey = config.MEILI_MASTER_KEY;
  if (host) {
    say(`Using the Meilisearch at ${host}`);
  } else {
    say(`Starting the embedded Meilisearch (data in ${config.DATA_DIR})…`);
    const meili = await startEmbeddedMeili({ dataDir: config.DATA_DIR, port: config.MEILI_PORT });
    stopOnSignals(meili.stop);
    host = meili.url;
    apiKey = meili.masterKey;
    say(`Meilisearch ${meili.url} is up (pid ${meili.pid}).`);
  }

  const client = new Meilisearch({ host, apiKey });
  const [meta, corpusHash] = await Promise.all([readCorpusMeta(client), hashInputs([config.CORPUS_DIR])]);
  const ingest = async () => {
    const report = await runIngest({ client, paths: [config.CORPUS_DIR], log: say });
    say(formatReport(report));
  };
  let background: Promise<void> | undefined;
  if (!meta) {
    say(`No index yet: ingesting ${config.CORPUS_DIR}…`);
    await ingest();
  } else if (meta.corpusHash !== corpusHash) {
    // The old index keeps serving until the new one is swapped in.
    say('The corpus or the pipeline changed since the last ingest: re-indexing in the background.');
    background = ingest().catch((err: unknown) => {
      console.error(`Re-indexing failed; still serving the previous index: ${err instanceof Error ? err.message : String(err)}`);
    });
  } else {
    say(`The index is current (ingested ${meta.ingestedAt}); not re-ingesting.`);
  }

  const app = await buildApp({
    meili: { host, apiKey },
    logger: { level: config.LOG_LEVEL },
    // Uploads land in the corpus directory, so `npm run ingest` over it rebuilds the same library.
    ...(config.ADMIN_TOKEN
      ? { admin: { token: config.ADMIN_TOKEN, corpusDir: config.CORPUS_DIR, maxUploadBytes: config.ADMIN_MAX_UPLOAD_BYTES, meili: { host, apiKey } } }
      : {}),
  });
  stopOnSignals(() => app.close());
  await app.listen({ port: config.PORT, host: config.HOST });
  say(`API ready at http://${config.HOST}:${config.PORT}  (docs: http://${config.HOST}:${config.PORT}/docs)`);
  await background;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
