import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

/**
 * The pages' script and stylesheet: hand-written files in ./assets, served
 * under names carrying a hash of their content (/assets/app.3f2a….css), so
 * they can be cached for a year and a new version is a new name. Read and
 * compressed once at start; nothing to build.
 */
export interface Asset {
  /** The public path: /assets/<name>.<hash>.<ext>. */
  path: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
}

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

function load(file: string): Asset {
  const body = readFileSync(path.join(DIR, file));
  const ext = path.extname(file);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    path: `/assets/${path.basename(file, ext)}.${hash}${ext}`,
    type: TYPES[ext] ?? 'application/octet-stream',
    body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
  };
}

export const ASSETS = {
  css: load('app.css'),
  js: load('app.js'),
  icon: load('icon.svg'),
};

/** Each asset by its public path. */
export const ASSETS_BY_PATH = new Map(Object.values(ASSETS).map((a) => [a.path, a]));

/** A year, and never revalidated: the name changes with the content. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
