import { describe, expect, it } from 'vitest';
import { checkSwap } from '../../ingest/guard/check-swap.js';
import { ingestExitCode, parseIngestArgs, UsageError } from '../../ingest/cli-args.js';

const live = { documents: 24, clauses: 2100 };

describe('checkSwap', () => {
  it('refuses an empty build, even with allowShrink, and says what would have been lost', () => {
    const v = checkSwap(live, { documents: 0, clauses: 0 }, { allowShrink: true });
    expect(v).toMatchObject({ ok: false, rule: 'swap/empty', lost: { documents: 24, clauses: 2100 } });
    if (!v.ok) expect(v.message).toContain('all 24 documents would have been lost');
  });

  it('refuses an empty first build too (there is nothing to serve)', () => {
    expect(checkSwap({ documents: 0, clauses: 0 }, { documents: 0, clauses: 0 })).toMatchObject({ ok: false, rule: 'swap/empty' });
  });

  it('refuses losing more than half of the live documents by default, accepts exactly half', () => {
    const v = checkSwap(live, { documents: 11, clauses: 900 });
    expect(v).toMatchObject({ ok: false, rule: 'swap/shrink', lost: { documents: 13, clauses: 1200 } });
    if (!v.ok) expect(v.message).toMatch(/13 fewer.*54% lost.*1200 clauses/);
    expect(checkSwap(live, { documents: 12, clauses: 900 }).ok).toBe(true);
  });

  it('takes another share and --allow-shrink', () => {
    expect(checkSwap(live, { documents: 20, clauses: 1 }, { maxLoss: 0.1 }).ok).toBe(false);
    expect(checkSwap(live, { documents: 1, clauses: 1 }, { allowShrink: true }).ok).toBe(true);
    expect(() => checkSwap(live, live, { maxLoss: 2 })).toThrow(RangeError);
  });

  it('accepts growth and a first ingest', () => {
    expect(checkSwap(live, { documents: 30, clauses: 3000 }).ok).toBe(true);
    expect(checkSwap({ documents: 0, clauses: 0 }, { documents: 1, clauses: 3 }).ok).toBe(true);
  });
});

describe('ingest CLI arguments', () => {
  it('reads flags anywhere among the paths, with = or a separate value', () => {
    expect(parseIngestArgs(['--', 'a', '--report=r.json', 'b', '--verbose', '--max-loss', '20', '--allow-shrink'])).toEqual({
      paths: ['a', 'b'],
      report: 'r.json',
      verbose: true,
      maxLoss: 0.2,
      allowShrink: true,
      help: false,
    });
    expect(parseIngestArgs([])).toMatchObject({ paths: [], maxLoss: 0.5, allowShrink: false, report: undefined });
  });

  it('refuses unknown flags and missing values', () => {
    expect(() => parseIngestArgs(['--allow-shrinks'])).toThrow(UsageError);
    expect(() => parseIngestArgs(['--report'])).toThrow(/needs a value/);
    expect(() => parseIngestArgs(['--max-loss=150'])).toThrow(/0 to 100/);
  });

  it('maps outcomes to exit codes 0, 1, 2', () => {
    expect(ingestExitCode({ refusedOrAborted: false, failed: 0, skipped: 0 })).toBe(0);
    expect(ingestExitCode({ refusedOrAborted: false, failed: 1, skipped: 0 })).toBe(1);
    expect(ingestExitCode({ refusedOrAborted: false, failed: 0, skipped: 2 })).toBe(1);
    expect(ingestExitCode({ refusedOrAborted: true, failed: 0, skipped: 0 })).toBe(2);
  });
});
