/**
 * The supervisor's give-up path (the restart path is exercised end to end in
 * tests/integration/faults.test.ts): a binary that runs the real Meilisearch
 * once and then refuses to start, so every restart fails; after maxRestarts
 * the supervisor gives up, says so, and leaves nothing running.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareMeiliBinary } from '../../meili/binary.js';
import { superviseEmbeddedMeili } from '../../meili/supervise.js';
import { isProcessAlive } from '../../meili/processes.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-supervise-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('superviseEmbeddedMeili', () => {
  it('gives up after maxRestarts failed restarts in a row, with the reason, and leaves nothing running', async () => {
    const real = await prepareMeiliBinary();
    const once = join(dir, 'meili-once.sh');
    // First run: the real server. Later runs: an engine that cannot open its database.
    await writeFile(once, `#!/bin/sh\nif [ -e "${dir}/ran" ]; then echo "Error: database is corrupted" >&2; exit 1; fi\ntouch "${dir}/ran"\nexec "${real}" "$@"\n`);
    await chmod(once, 0o755);
    const errors: string[] = [];
    let gaveUp: string | undefined;
    const engine = await superviseEmbeddedMeili({
      dataDir: join(dir, 'data'),
      binaryPath: once,
      logLevel: 'ERROR',
      maxRestarts: 2,
      backoffMs: 50,
      onError: (m) => errors.push(m),
      onGiveUp: (reason) => (gaveUp = reason),
    });
    try {
      const pid = engine.pid();
      process.kill(pid, 'SIGKILL');
      const deadline = Date.now() + 30_000;
      while (!gaveUp && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(gaveUp).toMatch(/could not be brought back after 2 restarts in a row; giving up/);
      expect(engine.status()).toMatchObject({ state: 'gave-up', restarts: 2, lastExit: { status: 'exited with status 137 (killed by SIGKILL)' } });
      expect(errors.filter((e) => /restart \d\/2 failed/.test(e))).toHaveLength(2);
      expect(isProcessAlive(pid)).toBe(false);
    } finally {
      await engine.stop();
    }
  }, 60_000);
});
