/**
 * `npm start`: the only file that listens. Starts the embedded Meilisearch
 * under a supervisor (unless MEILI_HOST points at one), removes build indexes
 * a killed ingest left, ingests the corpus when the index is missing or was
 * built from other inputs, and serves the API with a read-only key.
 *
 * Stops on SIGINT, SIGTERM and SIGHUP: the API first (running requests finish,
 * new ones get 503), then the engine. Exits with 1 when the engine cannot be
 * brought back (see meili/supervise.ts), so a process manager takes over.
 */
import { Meilisearch } from 'meilisearch';
import { loadConfig } from '../core/config.js';
import { buildApp } from './app.js';
import { stopOnSignals, stopWithNpmParent } from '../meili/embedded.js';
import { superviseEmbeddedMeili, type SupervisedMeili } from '../meili/supervise.js';
import { ensureReadKey } from '../meili/keys.js';
import { dropStaleBuilds, readCorpusMeta } from '../ingest/push.js';
import { hashInputs } from '../ingest/run-ingest.js';
import { reindexInChild } from './reindex.js';

/** Exit status when the supervisor gives up on the engine. */
const ENGINE_GAVE_UP_EXIT = 1;

async function main(): Promise<void> {
  const config = loadConfig();
  stopWithNpmParent();
  const say = (line: string) => console.log(line);

  let host = config.MEILI_HOST;
  let apiKey = config.MEILI_MASTER_KEY;
  let engine: SupervisedMeili | undefined;
  let giveUp: (reason: string) => void = () => {};
  if (host) {
    say(`Using the Meilisearch at ${host}`);
  } else {
    say(`Starting the embedded Meilisearch (data in ${config.DATA_DIR})…`);
    engine = await superviseEmbeddedMeili({
      dataDir: config.DATA_DIR,
      port: config.MEILI_PORT,
      onError: (message, detail) => console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), msg: message, ...detail })),
      onInfo: (message, detail) => console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: message, ...detail })),
      onGiveUp: (reason) => giveUp(reason),
    });
    stopOnSignals(engine.stop);
    host = engine.url;
    apiKey = engine.masterKey;
    say(`Meilisearch ${engine.url} is up (pid ${engine.pid()}).`);
  }

  const client = new Meilisearch({ host, apiKey });
  const stale = await dropStaleBuilds(client);
  if (stale.length) say(`Removed ${stale.length} build index(es) left by an interrupted ingest: ${stale.join(', ')}`);
  const readKey = await ensureReadKey(client);
  const [meta, corpusHash] = await Promise.all([readCorpusMeta(client), hashInputs([config.CORPUS_DIR])]);
  // The pipeline runs in a child process (src/reindex.ts): a background re-index must not stall requests.
  const runs = new Set<() => Promise<void>>();
  let stopping = false;
  stopOnSignals(async () => {
    stopping = true;
    await Promise.all([...runs].map((stop) => stop()));
  });
  const ingest = async () => {
    const run = reindexInChild({ host: host!, apiKey, paths: [config.CORPUS_DIR] }, say);
    runs.add(run.stop);
    const outcome = await run.outcome.finally(() => runs.delete(run.stop));
    if (outcome.kind === 'done') say(outcome.summary);
    else if (outcome.kind === 'refused') console.error(`Ingest of ${config.CORPUS_DIR} ${outcome.message}.`);
    // Stopped by a signal: the shutdown under way exits the process; this run just ends quietly.
    else if (stopping) await new Promise<never>(() => {});
    else throw new Error(outcome.message);
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
    meili: { host, apiKey: readKey },
    logger: { level: config.LOG_LEVEL },
    engine: engine ? () => engine.status() : undefined,
    cors: { origins: config.CORS_ORIGINS },
    // Uploads land in the corpus directory, so `npm run ingest` over it rebuilds the same library.
    ...(config.ADMIN_TOKEN
      ? { admin: { token: config.ADMIN_TOKEN, corpusDir: config.CORPUS_DIR, maxUploadBytes: config.ADMIN_MAX_UPLOAD_BYTES, meili: { host, apiKey } } }
      : {}),
  });
  stopOnSignals(() => app.close());
  giveUp = (reason) => {
    console.error(`${reason}. Stopping the API (exit ${ENGINE_GAVE_UP_EXIT}) so the process manager can take over.`);
    void app.close().finally(() => process.exit(ENGINE_GAVE_UP_EXIT));
  };
  await app.listen({ port: config.PORT, host: config.HOST });
  say(`API ready at http://${config.HOST}:${config.PORT}  (docs: http://${config.HOST}:${config.PORT}/docs; pid ${process.pid})`);
  await background;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
