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
import type { SupervisedMeili } from '../meili/supervise.js';
import { combineEngineStatus, linkShards, shardName, superviseEmbeddedShards, type ShardEndpoint } from '../meili/shards.js';
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

  // The library's instances, home shard first: external ones from MEILI_HOST, or MEILI_SHARDS embedded ones.
  let endpoints: ShardEndpoint[];
  let engines: SupervisedMeili[] | undefined;
  let giveUp: (reason: string) => void = () => {};
  if (config.MEILI_HOST) {
    endpoints = config.MEILI_SHARD_HOSTS.map((url, i) => ({ name: shardName(i), url, masterKey: config.MEILI_MASTER_KEY }));
    say(`Using the Meilisearch at ${config.MEILI_SHARD_HOSTS.join(', ')}`);
  } else {
    const many = config.MEILI_SHARDS > 1 ? ` as ${config.MEILI_SHARDS} shards` : '';
    say(`Starting the embedded Meilisearch${many} (data in ${config.DATA_DIR})…`);
    const started = await superviseEmbeddedShards(config.MEILI_SHARDS, {
      dataDir: config.DATA_DIR,
      port: config.MEILI_PORT,
      onError: (message, detail) => console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), msg: message, ...detail })),
      onInfo: (message, detail) => console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: message, ...detail })),
      onGiveUp: (reason) => giveUp(reason),
    });
    engines = started;
    for (const e of started) stopOnSignals(e.stop);
    endpoints = started.map((e, i) => ({ name: shardName(i), url: e.url, masterKey: e.masterKey }));
    for (const [i, e] of started.entries()) say(`Meilisearch ${started.length > 1 ? `${shardName(i)} ` : ''}${e.url} is up (pid ${e.pid()}).`);
  }
  const host = endpoints[0]!.url;
  const apiKey = endpoints[0]!.masterKey;
  const clients = endpoints.map((e) => new Meilisearch({ host: e.url, apiKey: e.masterKey }));
  const client = clients[0]!;
  for (const c of clients) {
    const stale = await dropStaleBuilds(c);
    if (stale.length) say(`Removed ${stale.length} build index(es) left by an interrupted ingest on ${c.config.host}: ${stale.join(', ')}`);
  }
  const readKeys = await Promise.all(clients.map((c) => ensureReadKey(c)));
  const readKey = readKeys[0]!;
  await linkShards(endpoints, readKeys);
  const [meta, corpusHash] = await Promise.all([readCorpusMeta(client), hashInputs([config.CORPUS_DIR])]);
  // The pipeline runs in a child process (src/reindex.ts): a background re-index must not stall requests.
  const runs = new Set<() => Promise<void>>();
  let stopping = false;
  stopOnSignals(async () => {
    stopping = true;
    await Promise.all([...runs].map((stop) => stop()));
  });
  const ingest = async () => {
    const run = reindexInChild(
      { host: host!, apiKey, shards: endpoints.slice(1).map((e) => ({ host: e.url, apiKey: e.masterKey })), paths: [config.CORPUS_DIR] },
      say,
    );
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
  } else if ((meta.shards ?? 1) !== clients.length) {
    // The clauses sit on the shards of another layout: a federated search would miss or double them. Rebuilt before serving.
    say(`The index was built for ${meta.shards ?? 1} shard(s), not ${clients.length}: ingesting ${config.CORPUS_DIR} again before serving…`);
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
    meili: { host, apiKey: readKey, ...(endpoints.length > 1 ? { remotes: endpoints.map((e) => e.name) } : {}) },
    logger: { level: config.LOG_LEVEL },
    engine: engines ? () => combineEngineStatus(engines.map((e) => e.status())) : undefined,
    cors: { origins: config.CORS_ORIGINS },
    // Uploads land in the corpus directory, so `npm run ingest` over it rebuilds the same library.
    // The incremental writer keeps clauses on the home shard only (ingest/incremental): over shards, changes go
    // through a full ingest, and the admin API stays off rather than misplace a document's clauses.
    ...(config.ADMIN_TOKEN && endpoints.length === 1
      ? { admin: { token: config.ADMIN_TOKEN, corpusDir: config.CORPUS_DIR, maxUploadBytes: config.ADMIN_MAX_UPLOAD_BYTES, meili: { host, apiKey } } }
      : {}),
  });
  if (config.ADMIN_TOKEN && endpoints.length > 1) say('ADMIN_TOKEN is set but the library is sharded: the admin API is off (changes go through `npm run ingest`).');
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
