/**
 * A real Meilisearch for integration tests: the same verified binary the
 * product runs, on a free loopback port, with a fresh temporary data dir that
 * `stop()` removes. Set DEBUG_MEILI=1 to see the server's output.
 *
 *   const meili = await startTestMeili();
 *   afterAll(() => meili.stop());
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedMeili, type MeiliLogLevel } from '../../meili/embedded.js';

export interface TestMeili {
  url: string;
  masterKey: string;
  /** pid of the meilisearch process. */
  pid: number;
  /** The temporary DATA_DIR (removed by stop). */
  dataDir: string;
  /** Stops the server and removes its data dir. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts a throwaway Meilisearch.
 * @param opts.logLevel meilisearch's own log level; defaults to 'ERROR'
 */
export async function startTestMeili(opts: { logLevel?: MeiliLogLevel } = {}): Promise<TestMeili> {
  const dataDir = await mkdtemp(join(tmpdir(), 'policy-kb-meili-'));
  const debug = process.env.DEBUG_MEILI === '1';
  try {
    const meili = await startEmbeddedMeili({
      dataDir,
      logLevel: opts.logLevel ?? (debug ? 'INFO' : 'ERROR'),
      log: debug ? (line) => console.error(`[meili] ${line}`) : undefined,
    });
    let stopped: Promise<void> | undefined;
    return {
      url: meili.url,
      masterKey: meili.masterKey,
      pid: meili.pid,
      dataDir,
      stop: () =>
        (stopped ??= (async () => {
          await meili.stop();
          await rm(dataDir, { recursive: true, force: true });
        })()),
    };
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}
