import { existsSync } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Manifest, MANIFEST_FILE, type ManifestEntry } from '../corpus/manifest.js';
import { loadManifest } from '../run-ingest.js';

/**
 * The library is a corpus directory: its files and its manifest.json are the
 * source of truth, so a full re-ingest of the directory rebuilds exactly the
 * library that incremental changes produced. Only this module writes to it.
 */

/** A file to bring into the library: where it is now, and the name it will have there (relative to the corpus). */
export interface StagedFile {
  abs: string;
  rel: string;
}

/** Extensions the pipeline reads (ingest/read). */
export const LIBRARY_EXTENSIONS = ['.txt', '.md', '.pdf'] as const;

/**
 * A safe name for a file inside the library: the base name only (no directory
 * can be named, so nothing lands outside the corpus), control and path
 * characters replaced. Chinese names are kept as they are.
 */
export function libraryName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*\u007f]/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 200) || 'upload.txt';
}

/** The manifest with `entries` set for their files (an undefined entry removes the file's metadata). */
export function withEntries(manifest: Manifest | undefined, entries: Record<string, ManifestEntry | undefined>): Manifest {
  const files: Record<string, ManifestEntry> = { ...(manifest?.files ?? {}) };
  for (const [name, entry] of Object.entries(entries)) {
    if (entry && Object.keys(entry).length) files[name] = entry;
    else delete files[name];
  }
  return { ...(manifest?.$comment ? { $comment: manifest.$comment } : {}), files };
}

/**
 * Writes the change into the corpus directory after the index took it: staged
 * files copied in (through a temporary name and a rename, so a reader of the
 * directory never sees half a file), removed files deleted, the manifest
 * rewritten the same way.
 */
export async function commitToLibrary(
  dir: string,
  change: { add: StagedFile[]; remove: string[]; manifest?: Manifest },
): Promise<void> {
  for (const f of change.add) {
    const dest = path.join(dir, f.rel);
    if (path.resolve(f.abs) === path.resolve(dest)) continue;
    await mkdir(path.dirname(dest), { recursive: true });
    const tmp = `${dest}.partial-${process.pid}`;
    await copyFile(f.abs, tmp);
    await rename(tmp, dest);
  }
  for (const rel of change.remove) await rm(path.join(dir, rel), { force: true });
  if (change.manifest) {
    const file = path.join(dir, MANIFEST_FILE);
    const tmp = `${file}.partial-${process.pid}`;
    await writeFile(tmp, `${JSON.stringify(Manifest.parse(change.manifest), null, 2)}\n`);
    await rename(tmp, file);
  }
}

export { loadManifest };

const LOCK_FILE = '.library.lock';

/**
 * One change at a time per library, across processes (the API's jobs, a CLI in
 * another shell): an exclusive lock file holding the owner's pid. A lock left
 * by a process that no longer runs is taken over.
 * @returns a function that releases the lock
 * @throws when another live process holds it
 */
export async function lockLibrary(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(`the library ${dir} is being changed by process ${pid}; try again when it has finished`);
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`could not lock the library ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function libraryHas(dir: string, rel: string): boolean {
  return existsSync(path.join(dir, rel));
}
