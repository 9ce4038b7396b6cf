import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocKind } from '../../core/model/document.js';
import type { DocumentSlice, NormalizedFile, SourceFile } from '../../ingest/stages.js';
import { normalizeText } from '../../ingest/normalize/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS = path.resolve(here, '../../corpus');
export const FIXTURES = path.resolve(here, '../fixtures/parse');

function sourceOf(text: string, file: string): SourceFile {
  return {
    path: file,
    format: file.endsWith('.md') ? 'md' : 'txt',
    encoding: 'utf-8',
    text,
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}

/** A file that normalization left as it was (identity offset map). */
export function identityFile(text: string, file = 'fixture.txt'): NormalizedFile {
  return { source: sourceOf(text, file), text, map: { norm: [0], orig: [0] }, artifacts: 0, messages: [] };
}

export interface SliceMeta {
  title: string;
  kind: DocKind;
  version?: string;
  date?: string;
}

/** A slice of [start, end) of a normalized file. */
export function sliceOf(file: NormalizedFile, meta: SliceMeta, start = 0, end = file.text.length): DocumentSlice {
  return { ...meta, start, end, text: file.text.slice(start, end), file, index: 0, messages: [] };
}

/** A whole synthetic text as one slice. */
export function textSlice(text: string, meta: SliceMeta): DocumentSlice {
  return sliceOf(identityFile(text), meta);
}

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

const normalized = new Map<string, NormalizedFile>();

/** A corpus file through the real normalization (cached: the compilation takes a while). */
export function corpusFile(name: string): NormalizedFile {
  let file = normalized.get(name);
  if (!file) {
    file = normalizeText(sourceOf(readFileSync(path.join(CORPUS, name), 'utf8'), name));
    normalized.set(name, file);
  }
  return file;
}

/** Offset of the line that is exactly `title` (blanks ignored), searching from `from`; -1 if none. */
export function titleLineOffset(text: string, title: string, from = 0): number {
  const want = title.replace(/[\s\u3000]/g, '');
  let pos = from;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    if (text.slice(pos, nl).replace(/[\s\u3000#*]/g, '') === want) return pos;
    pos = nl + 1;
  }
  return -1;
}

/**
 * The slice of a document inside a compilation: from its title line to the
 * title line of the document after it — located by the title lines only, as
 * the split stage does.
 */
export function documentInFile(file: NormalizedFile, title: string, nextTitle: string, kind: DocKind): DocumentSlice {
  const start = titleLineOffset(file.text, title);
  if (start < 0) throw new Error(`title line not found: ${title}`);
  const end = titleLineOffset(file.text, nextTitle, start + 1);
  if (end < 0) throw new Error(`title line not found: ${nextTitle}`);
  return sliceOf(file, { title, kind }, start, end);
}

/** Counts lines of a text that open an article (第N条 followed by a blank) — the hand count with grep. */
export function grepArticles(text: string): number {
  return text.split('\n').filter((l) => /^[ \u3000]*第[零〇一二两三四五六七八九十百千\d]+条[ \u3000]/.test(l)).length;
}
