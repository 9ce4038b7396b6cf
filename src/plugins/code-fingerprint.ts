/**
 * A fingerprint of the code serving the answers, for ETags: the same on every
 * replica running the same release (so two API replicas behind one proxy hand
 * out the same validators and a client's If-None-Match works whichever one it
 * reaches), different as soon as any source file changes (so a deployment that
 * changes an answer's shape without an ingest still changes the ETags).
 * Computed once per process from the files' contents — never from a clock, a
 * pid or a random number, which two replicas would disagree on.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What shapes an answer: the API, the pipeline whose index it reads, the installed versions. */
const PARTS = ['src', 'ingest', 'package-lock.json'];

function files(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(join(path, e.name)) : [join(path, e.name)]))
      .sort();
  } catch {
    return [path];
  }
}

let cached: string | undefined;

/** sha256 over the relative paths and contents of src/, ingest/ and package-lock.json, 12 hex characters. */
export function codeFingerprint(root: string = ROOT): string {
  if (root === ROOT && cached) return cached;
  const hash = createHash('sha256');
  for (const part of PARTS) {
    for (const file of files(join(root, part))) {
      hash.update(relative(root, file)).update('\0');
      try {
        hash.update(readFileSync(file));
      } catch {
        // A part that is absent (a trimmed image) counts as absent on every replica alike.
      }
      hash.update('\0');
    }
  }
  const out = hash.digest('hex').slice(0, 12);
  if (root === ROOT) cached = out;
  return out;
}
