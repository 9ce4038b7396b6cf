/**
 * Whether a freshly built index may replace the one serving. Pure: the caller
 * counts both generations and acts on the verdict (push.ts aborts the swap).
 * One wrong path (`npm run ingest -- ./typo`) must not wipe the library, so an
 * empty build is always refused and a build that lost more than `maxLoss` of
 * the live documents is refused unless the operator says so.
 */

/** Counts of one index generation. */
export interface IndexSize {
  documents: number;
  clauses: number;
}

export interface CheckSwapOptions {
  /** Accept a build that lost more than `maxLoss` of the live documents (still never an empty one). Default false. */
  allowShrink?: boolean;
  /** Largest share of the live documents a build may lose, 0–1. Default 0.5. */
  maxLoss?: number;
}

export type SwapVerdict =
  | { ok: true }
  | { ok: false; rule: 'swap/empty' | 'swap/shrink'; message: string; lost: IndexSize };

/** Default share of the live documents an ingest may lose before it is refused. */
export const DEFAULT_MAX_LOSS = 0.5;

/**
 * Decides whether `after` may replace `before`.
 * - an empty build (0 documents) is refused, even with allowShrink: there is
 *   nothing to serve, and deleting the indexes is not what ingest is for;
 * - a build with fewer than (1 − maxLoss) × before.documents is refused unless
 *   allowShrink; the message says how much would have been lost.
 * @param opts.maxLoss defaults to 0.5; opts.allowShrink to false
 */
export function checkSwap(before: IndexSize, after: IndexSize, opts: CheckSwapOptions = {}): SwapVerdict {
  const maxLoss = opts.maxLoss ?? DEFAULT_MAX_LOSS;
  if (!(maxLoss >= 0 && maxLoss <= 1)) throw new RangeError(`maxLoss must be between 0 and 1, got ${maxLoss}`);
  const lost = { documents: Math.max(0, before.documents - after.documents), clauses: Math.max(0, before.clauses - after.clauses) };
  const serving = `the index now serving (${before.documents} documents, ${before.clauses} clauses)`;
  if (after.documents === 0) {
    return {
      ok: false,
      rule: 'swap/empty',
      message:
        `refused: the new index is empty (no document was read), so it did not replace ${serving}` +
        (before.documents > 0 ? `; all ${before.documents} documents would have been lost` : ''),
      lost,
    };
  }
  if (before.documents === 0 || opts.allowShrink) return { ok: true };
  const share = lost.documents / before.documents;
  if (share > maxLoss) {
    return {
      ok: false,
      rule: 'swap/shrink',
      message:
        `refused: the new index has ${after.documents} documents, ${lost.documents} fewer than ${serving} — ` +
        `${Math.round(share * 100)}% lost, more than the ${Math.round(maxLoss * 100)}% allowed; ` +
        `${lost.clauses} clauses would have gone. Check the paths given, or pass --allow-shrink if the smaller library is intended`,
      lost,
    };
  }
  return { ok: true };
}

/** Thrown by an ingest whose build checkSwap refused; the live index was left untouched. */
export class SwapRefusedError extends Error {
  override name = 'SwapRefusedError';
  constructor(
    readonly verdict: Extract<SwapVerdict, { ok: false }>,
    readonly before: IndexSize,
    readonly after: IndexSize,
  ) {
    super(verdict.message);
  }
}
