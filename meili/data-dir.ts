/**
 * What the embedded Meilisearch keeps in DATA_DIR besides its database: the
 * master key file and a lock that says which process owns the database.
 *
 * The lock exists because Meilisearch 1.21 does NOT refuse a second server on
 * the same --db-path (measured: both start and both answer /health), and two
 * schedulers on one task queue would corrupt it. Node has no flock, so the lock
 * is an exclusively created file naming its owner by pid + kernel start time;
 * a lock whose processes are gone is stale and taken over.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, open, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { MeiliStartError } from './errors.js';
import { isSameProcessAlive, processStartTime } from './processes.js';

/** Meilisearch refuses master keys shorter than 16 bytes in production. */
const MIN_KEY_LENGTH = 16;

/**
 * Returns the master key stored at `path`, creating it on first use: 32 random
 * bytes as hex, mode 0600. A looser mode is tightened, since the file is a credential.
 * Created through a temp file + link so that two starters never see a half-written key.
 */
export async function readOrCreateMasterKey(path: string): Promise<string> {
  const key = randomBytes(32).toString('hex');
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, `${key}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(tmp, path);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    await rm(tmp, { force: true });
  }
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) await chmod(path, 0o600);
  const existing = (await readFile(path, 'utf8')).trim();
  if (existing.length < MIN_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(existing)) {
    throw new MeiliStartError(
      `The master key file ${path} is empty, too short (< ${MIN_KEY_LENGTH} characters) or not printable ASCII. ` +
        'Delete it to have a new key generated.',
    );
  }
  return existing;
}

const LockRecord = z.object({
  ownerPid: z.number().int(),
  ownerStart: z.string().optional(),
  meiliPid: z.number().int().optional(),
  meiliStart: z.string().optional(),
  url: z.string().optional(),
});
type LockRecord = z.infer<typeof LockRecord>;

/** Locks held by this process, so a second start from the same process is refused too. */
const heldHere = new Set<string>();

export interface DataDirLock {
  /** Records the server's pid and URL in the lock, for the message a second starter sees. */
  update(meiliPid: number, url: string): Promise<void>;
  release(): Promise<void>;
}

/**
 * Takes the lock file at `path`, or throws a MeiliStartError naming the
 * holder. When the owner is gone but its Meilisearch still runs, the watchdog
 * is tearing it down: wait up to `orphanWaitMs` before giving up.
 * @param opts.orphanWaitMs defaults to 12000 (watchdog poll + graceful stop + kill timeout)
 */
export async function acquireDataDirLock(
  path: string,
  opts: { dbPath: string; orphanWaitMs?: number },
): Promise<DataDirLock> {
  const orphanWaitMs = opts.orphanWaitMs ?? 12_000;
  const self: LockRecord = { ownerPid: process.pid, ownerStart: processStartTime(process.pid) };
  const deadline = Date.now() + orphanWaitMs;
  for (;;) {
    try {
      const fh = await open(path, 'wx', 0o600);
      try {
        await fh.writeFile(JSON.stringify(self));
      } finally {
        await fh.close();
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readLock(path);
    if (!holder && (await isFresh(path)) && Date.now() < deadline) {
      // Another starter created the file and has not written it yet.
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    const state = holder ? holderState(path, holder) : 'stale';
    if (state === 'stale') {
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (state === 'orphan' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    const who = holder?.meiliPid ? `Meilisearch pid ${holder.meiliPid}` : 'a starting Meilisearch';
    const owner = holder && holder.ownerPid !== process.pid ? `, started by process ${holder.ownerPid}` : ' in this process';
    throw new MeiliStartError(
      `The Meilisearch database ${opts.dbPath} is already in use by ${who}${owner}` +
        `${holder?.url ? ` at ${holder.url}` : ''}. Stop that instance first or use another DATA_DIR` +
        (holder?.url
          ? `; or share it: MEILI_HOST=${holder.url} MEILI_MASTER_KEY=<contents of DATA_DIR/meili-master-key>.`
          : '.'),
    );
  }
  heldHere.add(path);
  let released = false;
  return {
    async update(meiliPid, url) {
      const record: LockRecord = { ...self, meiliPid, meiliStart: processStartTime(meiliPid), url };
      await writeFile(path, JSON.stringify(record), { mode: 0o600 });
    },
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(path);
      await unlink(path).catch(() => undefined);
    },
  };
}

async function isFresh(path: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs < 2000;
  } catch {
    return false;
  }
}

async function readLock(path: string): Promise<LockRecord | undefined> {
  try {
    const parsed = LockRecord.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * 'live' — its owner runs (or, for this process, an instance here holds it);
 * 'orphan' — owner gone, its Meilisearch still shutting down; 'stale' — nobody left.
 */
function holderState(path: string, holder: LockRecord): 'live' | 'orphan' | 'stale' {
  const meiliAlive = holder.meiliPid !== undefined && isSameProcessAlive(holder.meiliPid, holder.meiliStart);
  const ownerAlive =
    holder.ownerPid === process.pid ? heldHere.has(path) : isSameProcessAlive(holder.ownerPid, holder.ownerStart);
  if (ownerAlive) return 'live';
  return meiliAlive ? 'orphan' : 'stale';
}

/**
 * The URL of the embedded Meilisearch running on this data dir, from its lock,
 * when that server is alive (so `npm run backup` talks to the running server
 * instead of failing on the lock); undefined otherwise.
 */
export async function runningEmbeddedUrl(lockPath: string): Promise<string | undefined> {
  const holder = await readLock(lockPath);
  if (!holder?.url || holder.meiliPid === undefined) return undefined;
  return isSameProcessAlive(holder.meiliPid, holder.meiliStart) ? holder.url : undefined;
}
