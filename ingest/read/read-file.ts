/**
 * The read stage's edge: the only code in the pipeline that reads files.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { textMessage } from '../../core/model/messages.js';
import type { ReadResult, SourceFile } from '../stages.js';
import { decodeText } from './decode.js';
import { extractPdfText } from './pdf-text.js';

/** Extensions the pipeline reads, and the format each one means. */
const FORMATS: Record<string, SourceFile['format']> = { '.txt': 'txt', '.md': 'md', '.pdf': 'pdf' };

/** Corpus files that are never documents: the corpus manifest and READMEs. */
function isSkipped(name: string): boolean {
  return name.startsWith('.') || name === 'manifest.json' || /^readme(\..*)?$/i.test(name);
}

/**
 * Lists the documents under the given files or directories: directories are
 * walked recursively; .txt, .md and .pdf files are kept; dotfiles and dot
 * directories, manifest.json and README* are skipped, also when named
 * explicitly. Any other file named explicitly is kept whatever its extension
 * (readSourceFile then reports it as unsupported rather than it silently
 * disappearing). Returns absolute paths, sorted (by code point) and without
 * duplicates, so the corpus order is the same on every machine.
 */
export async function listCorpusFiles(paths: string[]): Promise<string[]> {
  return (await listCorpusInputs(paths)).files;
}

/** A file found in a directory that the pipeline does not read, and why. */
export interface SkippedFile {
  /** Absolute path. */
  path: string;
  rule: 'read/unsupported';
  reason: string;
}

/**
 * listCorpusFiles, plus the files of walked directories that were left out
 * because of their type (a .docx, a .xlsx…): an operator who drops a Word file
 * into the corpus must be told it was not read, not find it silently missing.
 * Dotfiles, manifest.json and README* are left out by design and not listed.
 */
export async function listCorpusInputs(paths: string[]): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const found = new Set<string>();
  const skipped: SkippedFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (isSkipped(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && FORMATS[path.extname(entry.name).toLowerCase()]) found.add(full);
      else if (entry.isFile()) skipped.push({ path: full, rule: 'read/unsupported', reason: unsupportedReason(entry.name) });
    }
  };
  for (const p of paths) {
    const abs = path.resolve(p);
    if ((await stat(abs)).isDirectory()) await walk(abs);
    else if (!isSkipped(path.basename(abs))) found.add(abs);
  }
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: [...found].sort(byCodePoint), skipped: skipped.sort((a, b) => byCodePoint(a.path, b.path)) };
}

function unsupportedReason(name: string): string {
  const ext = path.extname(name).toLowerCase();
  return `unsupported file type "${ext || '(none)'}": only .txt, .md and .pdf are read`;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/**
 * Whether the bytes are a PDF. A file named .pdf may have a little junk before
 * the header (pdf.js looks through the first KB too); any other file counts
 * only when it starts with the header.
 */
function isPdf(bytes: Uint8Array, declaredPdf: boolean): boolean {
  if (PDF_MAGIC.every((b, i) => bytes[i] === b)) return true;
  return declaredPdf && Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/**
 * Reads and decodes one file. Never throws for a problem with the file: an
 * unreadable, empty, binary, corrupt or unsupported file comes back as
 * `{ ok: false, message }` with rule 'read/io', 'read/empty', 'read/binary',
 * 'read/corrupt-pdf' or 'read/unsupported'. `displayPath` is the path recorded
 * on the SourceFile and in messages (relative to the corpus directory).
 */
export async function readSourceFile(absPath: string, displayPath: string): Promise<ReadResult> {
  const fail = (rule: string, message: string): ReadResult => ({
    ok: false,
    path: displayPath,
    message: textMessage('error', rule, message, { path: displayPath }),
  });
  const ext = path.extname(absPath).toLowerCase();
  const declared = FORMATS[ext];
  if (!declared) return fail('read/unsupported', unsupportedReason(absPath));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(absPath));
  } catch (error) {
    return fail('read/io', `cannot read the file: ${(error as Error).message}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === 0) return fail('read/empty', 'the file is empty');

  // Trust the content over the name: a PDF saved as .txt is still a PDF.
  if (declared === 'pdf' || isPdf(bytes, false)) {
    if (!isPdf(bytes, true)) return fail('read/corrupt-pdf', 'not a PDF: the %PDF- header is missing');
    let text: string;
    try {
      text = await extractPdfText(bytes);
    } catch (error) {
      return fail('read/corrupt-pdf', `the PDF cannot be read: ${(error as Error).message}`);
    }
    if (text.replace(/[\s\f]/g, '') === '') return fail('read/empty', 'the PDF has no text layer (a scan needs OCR first)');
    return { ok: true, file: { path: displayPath, format: 'pdf', encoding: 'pdf', text, sha256 } };
  }

  const decoded = decodeText(bytes);
  if ('rule' in decoded) return { ok: false, path: displayPath, message: { ...decoded, path: displayPath } };
  return { ok: true, file: { path: displayPath, format: declared, encoding: decoded.encoding, text: decoded.text, sha256 } };
}
