import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PINNED_MEILI_SHA256,
  PINNED_MEILI_VERSION,
  assertSupportedPlatform,
  locateMeiliBinary,
  prepareMeiliBinary,
  sha256OfFile,
} from '../../meili/binary.js';
import { MeiliBinaryError } from '../../meili/errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-kb-binary-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fakeBinary(name: string, content: string): Promise<{ path: string; sha: string }> {
  const path = join(dir, name);
  await writeFile(path, content, { mode: 0o644 });
  return { path, sha: createHash('sha256').update(content).digest('hex') };
}

describe('prepareMeiliBinary', () => {
  it('refuses a file whose sha256 differs, names both hashes, and leaves it non-executable', async () => {
    const { path, sha } = await fakeBinary('tampered', '#!/bin/sh\necho not meilisearch\n');
    const err = await prepareMeiliBinary({ path }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliBinaryError);
    expect((err as Error).message).toContain(sha);
    expect((err as Error).message).toContain(PINNED_MEILI_SHA256);
    expect((err as Error).message).toContain('MEILI_HOST');
    expect((await stat(path)).mode & 0o111).toBe(0);
  });

  it('accepts a file matching the expected sha256 and sets its run bit', async () => {
    const { path, sha } = await fakeBinary('good', '#!/bin/sh\nexit 0\n');
    expect((await stat(path)).mode & 0o111).toBe(0);
    await expect(prepareMeiliBinary({ path, expectedSha256: sha })).resolves.toBe(path);
    expect((await stat(path)).mode & 0o777).toBe(0o755);
  });

  it('re-checks a file that changed after a successful verification', async () => {
    const { path, sha } = await fakeBinary('changes', 'first version\n');
    await prepareMeiliBinary({ path, expectedSha256: sha });
    // Different size, so the size+mtime cache cannot mistake it for the verified file.
    await writeFile(path, 'second, longer version\n');
    await expect(prepareMeiliBinary({ path, expectedSha256: sha })).rejects.toBeInstanceOf(MeiliBinaryError);
  });

  it('reports a missing file clearly', async () => {
    await expect(prepareMeiliBinary({ path: join(dir, 'absent') })).rejects.toThrow(/missing/);
  });

  it.each([
    ['darwin', 'arm64'],
    ['linux', 'arm64'],
    ['win32', 'x64'],
  ])('refuses %s-%s and explains how to use an external Meilisearch', async (platform, arch) => {
    expect(() => assertSupportedPlatform(platform, arch)).toThrow(MeiliBinaryError);
    expect(() => assertSupportedPlatform(platform, arch)).toThrow(/MEILI_HOST=.*MEILI_MASTER_KEY/);
    await expect(prepareMeiliBinary({ platform, arch })).rejects.toThrow(`${platform}-${arch}`);
  });

  it('locates the bundled binary and it matches the pinned checksum', async () => {
    const path = locateMeiliBinary();
    expect(path).toMatch(/@gaubee\/meilisearch-linux-amd64\/meilisearch$/);
    expect(existsSync(path)).toBe(true);
    expect(await sha256OfFile(path)).toBe(PINNED_MEILI_SHA256);
    expect(PINNED_MEILI_VERSION).toBe('1.21.0');
  });
});
