/**
 * `npm run ingest -- add <files…>`, `remove <docId|file…>`, `replace <docId|file> <file>`:
 * incremental changes to the library (the corpus directory and its index).
 *
 * Options: `--corpus <dir>` (default CORPUS_DIR), `--meta <file.json>` (manifest-style
 * metadata for the files added: `{ "files": { "name.txt": { "title": … } } }`),
 * `--json` (the report as one line `@@report {…}` at the end of stdout, progress on stderr).
 * Exit codes: 0 done, 1 refused (a file could not be taken; nothing changed), 2 a usage or
 * engine error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { z } from 'zod';
import { loadConfig } from '../../core/config.js';
import { startEmbeddedMeili, stopOnSignals } from '../../meili/embedded.js';
import { Manifest, type ManifestEntry } from '../corpus/manifest.js';
import { INDEX } from '../../core/index/index-names.js';
import { applyChange, ChangeRequestError, formatChangeReport, type ChangeOptions, type ChangeReport, type ChangeRequest } from './apply-change.js';
import { fetchAll } from './index-writer.js';
import { libraryName, type StagedFile } from './library.js';

export const LIBRARY_COMMANDS = ['add', 'remove', 'replace'] as const;
export type LibraryCommand = (typeof LIBRARY_COMMANDS)[number];

export const REPORT_PREFIX = '@@report ';

const Args = z.object({
  command: z.enum(LIBRARY_COMMANDS),
  targets: z.array(z.string()).min(1),
  corpus: z.string().optional(),
  meta: z.string().optional(),
  json: z.boolean(),
});
export type Args = z.infer<typeof Args>;

export function parseArgs(argv: readonly string[]): Args {
  const rest = argv.filter((a) => a !== '--');
  const out: Record<string, unknown> = { command: rest[0], targets: [], json: false };
  for (let i = 1; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--corpus' || a === '--meta') out[a.slice(2)] = rest[++i];
    else (out.targets as string[]).push(a);
  }
  const parsed = Args.safeParse(out);
  if (!parsed.success) {
    throw new ChangeRequestError(
      'usage: npm run ingest -- add <files…> | remove <docId|file…> | replace <docId|file> <file>  [--corpus dir] [--meta meta.json] [--json]',
      'usage',
    );
  }
  return parsed.data;
}

/**
 * The library files a document is read from. Removing a document removes its
 * files; a file that also holds documents that are neither the document's
 * attachments nor part of it is refused (remove the file itself to take them all).
 */
export async function filesOfDocument(client: Meilisearch, docId: string): Promise<string[]> {
  const docs = await fetchAll(client, INDEX.documents, { fields: ['id', 'sources', 'attachmentOf', 'partOf'] });
  const doc = docs.find((d) => d.id === docId);
  if (!doc) throw new ChangeRequestError(`no document has the id ${docId}`, 'library/unknown-document');
  const paths = [...new Set((doc.sources as Array<{ path: string }>).map((s) => s.path))];
  for (const p of paths) {
    const others = docs.filter(
      (d) => d.id !== docId && d.attachmentOf !== docId && d.partOf !== docId && doc.attachmentOf !== d.id && (d.sources as Array<{ path: string }>).some((s) => s.path === p),
    );
    if (others.length) {
      throw new ChangeRequestError(
        `${docId} is read from ${p}, which also holds ${others.length} other document(s) (${others
          .slice(0, 3)
          .map((d) => d.id)
          .join(', ')}…): remove or replace the file itself`,
        'library/shared-file',
      );
    }
  }
  return paths;
}

const isDocId = (s: string) => /^doc-[0-9a-f]{6,}$/.test(s);

/** A target of remove/replace — a doc id or a library file — as library file names. */
async function libraryFiles(client: Meilisearch, corpusDir: string, target: string): Promise<string[]> {
  if (isDocId(target)) return filesOfDocument(client, target);
  const rel = path.isAbsolute(target) || target.startsWith('.') ? path.relative(corpusDir, path.resolve(target)) : target;
  return [rel];
}

/** Turns the command into a change request. */
export async function toRequest(client: Meilisearch, args: Args, corpusDir: string): Promise<ChangeRequest> {
  const staged = (files: string[]): StagedFile[] => files.map((f) => ({ abs: path.resolve(f), rel: libraryName(f) }));
  let metadata: Record<string, ManifestEntry> | undefined;
  if (args.meta) {
    const parsed = Manifest.safeParse(JSON.parse(await readFile(args.meta, 'utf8')));
    if (!parsed.success) throw new ChangeRequestError(`${args.meta} is not manifest-style metadata: ${parsed.error.issues[0]?.message}`, 'usage/meta');
    metadata = Object.fromEntries(Object.entries(parsed.data.files).map(([name, e]) => [libraryName(name), e]));
  }
  if (args.command === 'add') return { corpusDir, add: staged(args.targets), metadata };
  if (args.command === 'remove') {
    const remove = (await Promise.all(args.targets.map((t) => libraryFiles(client, corpusDir, t)))).flat();
    const metaOff = Object.fromEntries(remove.map((r) => [r, undefined]));
    return { corpusDir, remove, metadata: metaOff };
  }
  if (args.targets.length !== 2) throw new ChangeRequestError('usage: replace <docId|file> <new file>', 'usage');
  const remove = await libraryFiles(client, corpusDir, args.targets[0]!);
  return { corpusDir, remove, add: staged([args.targets[1]!]), metadata, replace: true };
}

/** Runs one library command against MEILI_HOST, or the embedded engine on DATA_DIR. */
export async function runLibraryCommand(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const config = loadConfig();
  // With --json, stdout carries only the report: progress goes to stderr.
  const say = args.json ? (line: string) => console.error(line) : (line: string) => console.log(line);
  if (config.MEILI_SHARDS > 1) {
    // The incremental writer puts clauses on the home shard only; over shards a document's clauses could end up on two.
    console.error(`The library is spread over ${config.MEILI_SHARDS} shards: add, replace and remove are not supported there yet; change the corpus folder and run \`npm run ingest\`.`);
    return 2;
  }
  let host = config.MEILI_HOST;
  let apiKey = config.MEILI_MASTER_KEY;
  let stop: (() => Promise<void>) | undefined;
  if (!host) {
    const meili = await startEmbeddedMeili({ dataDir: config.DATA_DIR, port: config.MEILI_PORT });
    stopOnSignals(meili.stop);
    ({ url: host, masterKey: apiKey, stop } = meili);
  }
  const corpusDir = path.resolve(args.corpus ?? config.CORPUS_DIR);
  try {
    const report = await runCommand(new Meilisearch({ host, apiKey }), args, corpusDir, { log: say });
    say(formatChangeReport(report));
    if (args.json) console.log(`${REPORT_PREFIX}${JSON.stringify(report)}`);
    return report.ok ? 0 : 1;
  } finally {
    await stop?.();
  }
}

/**
 * One parsed command against an engine: the change's report, or a refusal
 * report for a request that cannot be carried out (it reads like a refused
 * file: one rule, one message). Engine failures throw.
 */
export async function runCommand(client: Meilisearch, args: Args, corpusDir: string, opts: ChangeOptions = {}): Promise<ChangeReport> {
  try {
    return await applyChange(client, await toRequest(client, args, corpusDir), opts);
  } catch (err) {
    if (!(err instanceof ChangeRequestError)) throw err;
    return refused(err);
  }
}

function refused(err: ChangeRequestError): ChangeReport {
  return {
    ok: false,
    failed: [{ path: '', rule: err.rule, message: err.message }],
    skipped: [],
    changes: [],
    relinked: [],
    rebuiltFiles: [],
    writes: {},
    documents: 0,
    events: [],
    seconds: { survey: 0, build: 0, write: 0, total: 0 },
  };
}
