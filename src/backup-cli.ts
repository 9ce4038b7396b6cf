/**
 * `npm run backup` and `npm run restore -- <file.dump>`: Meilisearch's own
 * dumps (a dump holds every index, its settings and the API keys, and loads
 * into any later 1.x; a snapshot is only for the same version).
 *
 * backup — asks the engine for a dump and waits for it. With the embedded
 * engine the dump is DATA_DIR/meili/dumps/<uid>.dump; it uses the running
 * server when `npm start` is up, or starts one for the duration. With
 * MEILI_HOST the dump is written on that server, in its --dump-dir.
 * `--out <dir>` copies it there too (embedded only).
 *
 * restore — embedded only, with `npm start` stopped: moves the database aside
 * (DATA_DIR/meili/data.ms.before-restore-<time>, kept until you delete it) and
 * starts Meilisearch with --import-dump, which loads the dump before it serves;
 * then stops. The next `npm start` serves the restored index. For an external
 * server: start it with `--import-dump <file>` on an empty database.
 */
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { Meilisearch } from 'meilisearch';
import { loadConfig } from '../core/config.js';
import { launchEmbeddedMeili, prepareEmbeddedMeili, findFreePort, startEmbeddedMeili, stopOnSignals } from '../meili/embedded.js';
import { readOrCreateMasterKey, runningEmbeddedUrl } from '../meili/data-dir.js';

const DUMP_TIMEOUT_MS = 10 * 60_000;

async function backup(outDir: string | undefined): Promise<number> {
  const config = loadConfig();
  let host = config.MEILI_HOST;
  let apiKey = config.MEILI_MASTER_KEY;
  let stop: (() => Promise<void>) | undefined;
  const dumpDir = config.MEILI_HOST ? undefined : join(config.DATA_DIR, 'meili', 'dumps');
  if (!host) {
    const running = await runningEmbeddedUrl(join(config.DATA_DIR, 'meili', 'embedded.lock'));
    apiKey = await readOrCreateMasterKey(join(config.DATA_DIR, 'meili-master-key'));
    if (running) {
      host = running;
      console.log(`Using the running embedded Meilisearch at ${running}`);
    } else {
      const meili = await startEmbeddedMeili({ dataDir: config.DATA_DIR, port: config.MEILI_PORT });
      stopOnSignals(meili.stop);
      ({ url: host, stop } = meili);
    }
  }
  try {
    const client = new Meilisearch({ host, apiKey });
    const task = await client.createDump().waitTask({ timeout: DUMP_TIMEOUT_MS, interval: 250 });
    if (task.status !== 'succeeded') throw new Error(`the dump task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`);
    const uid = (task.details as { dumpUid?: string } | undefined)?.dumpUid;
    if (!dumpDir) {
      console.log(`Dump ${uid}.dump written by ${host} into its dump directory (--dump-dir).`);
      return 0;
    }
    const file = join(dumpDir, `${uid}.dump`);
    const { size } = await stat(file);
    console.log(`Backup written: ${file} (${(size / 1024 / 1024).toFixed(1)} MB)`);
    if (outDir) {
      await mkdir(outDir, { recursive: true });
      const copy = join(resolve(outDir), basename(file));
      await copyFile(file, copy);
      console.log(`Copied to ${copy}`);
    }
    console.log(`Restore with: npm start stopped, npm run restore -- ${file}`);
    return 0;
  } finally {
    await stop?.();
  }
}

async function restore(file: string | undefined): Promise<number> {
  if (!file) {
    console.error('usage: npm run restore -- <file.dump>');
    return 2;
  }
  const config = loadConfig();
  if (config.MEILI_HOST) {
    console.error('restore works on the embedded engine only; for MEILI_HOST, start that server with --import-dump on an empty database.');
    return 2;
  }
  const dump = resolve(file);
  if (!existsSync(dump)) {
    console.error(`no such dump: ${dump}`);
    return 2;
  }
  // Taking the lock first: it refuses while `npm start` (or another run) holds this database.
  const prepared = await prepareEmbeddedMeili({ dataDir: config.DATA_DIR });
  try {
    if (existsSync(prepared.dbPath)) {
      const aside = `${prepared.dbPath}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(prepared.dbPath, aside);
      console.log(`The current database was moved to ${aside} (delete it once the restore is checked).`);
    }
    console.log(`Importing ${dump}…`);
    const meili = await launchEmbeddedMeili({
      ...prepared,
      port: await findFreePort(prepared.host),
      extraArgs: ['--import-dump', dump],
      // A large dump takes a while to load before the server answers /health.
      startTimeoutMs: DUMP_TIMEOUT_MS,
      keepLock: true,
    });
    try {
      const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
      const { results } = await client.getIndexes({ limit: 100 });
      for (const index of results) {
        const stats = await index.getStats();
        console.log(`  ${index.uid}: ${stats.numberOfDocuments} documents`);
      }
    } finally {
      await meili.stop();
    }
    console.log('Restored. The next npm start serves it.');
    return 0;
  } finally {
    await prepared.lock.release();
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2).filter((a) => a !== '--');
  if (command === 'backup') {
    const i = rest.indexOf('--out');
    return backup(i >= 0 ? rest[i + 1] : undefined);
  }
  if (command === 'restore') return restore(rest[0]);
  console.error('usage: npm run backup [-- --out <dir>] | npm run restore -- <file.dump>');
  return 2;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`${process.argv[2] ?? 'backup'} failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
