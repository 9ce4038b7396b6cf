/**
 * The ingest CLI's arguments, parsed without I/O so every flag can be tested.
 * Flags may come before, between or after the paths; `--` ends the flags.
 */
import { DEFAULT_MAX_LOSS } from './guard/check-swap.js';

export interface IngestArgs {
  paths: string[];
  allowShrink: boolean;
  /** 0–1. */
  maxLoss: number;
  /** Where to write the JSON report; undefined: none. */
  report: string | undefined;
  verbose: boolean;
  help: boolean;
}

export const INGEST_USAGE = `usage: npm run ingest -- [options] [files or folders…]   (default: CORPUS_DIR)

  --allow-shrink       swap in the new index even when it lost more than --max-loss of the documents now serving
                       (an empty index is refused always)
  --max-loss <pct>     largest share of the live documents an ingest may lose, in percent (default ${DEFAULT_MAX_LOSS * 100})
  --report <file>      write every message (file, place, rule), the failed and skipped files and the totals as JSON
  --verbose            print every warning as it is found
  --help               this text

exit codes: 0 every file read and the index swapped in; 1 some files failed or were skipped (the index still
swapped in, the files listed); 2 refused (empty, or shrunk too much) or aborted — the index serving is unchanged`;

/** Thrown for an unknown flag or a missing value; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses `argv` (without node and the script). */
export function parseIngestArgs(argv: string[]): IngestArgs {
  const args: IngestArgs = { paths: [], allowShrink: false, maxLoss: DEFAULT_MAX_LOSS, report: undefined, verbose: false, help: false };
  let flagsDone = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (flagsDone || !raw.startsWith('--')) {
      args.paths.push(raw);
      continue;
    }
    if (raw === '--') {
      // npm passes its own `--` through when the user typed one; paths after a second one are still paths.
      if (args.paths.length > 0) flagsDone = true;
      continue;
    }
    const [flag, inline] = raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--allow-shrink':
        args.allowShrink = true;
        break;
      case '--verbose':
        args.verbose = true;
        break;
      case '--help':
        args.help = true;
        break;
      case '--report':
        args.report = value();
        break;
      case '--max-loss': {
        const v = value();
        const pct = Number(v.replace(/%$/, ''));
        if (!Number.isFinite(pct) || pct < 0 || pct > 100) throw new UsageError(`--max-loss takes a percentage from 0 to 100, got ${v}`);
        args.maxLoss = pct / 100;
        break;
      }
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  return args;
}

/** The CLI's exit code: 2 refused or aborted, 1 some files failed or were skipped, 0 otherwise. */
export function ingestExitCode(outcome: { refusedOrAborted: boolean; failed: number; skipped: number }): 0 | 1 | 2 {
  if (outcome.refusedOrAborted) return 2;
  return outcome.failed > 0 || outcome.skipped > 0 ? 1 : 0;
}
