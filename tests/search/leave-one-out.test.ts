/**
 * The pure parts of leave-one-out relaxation: how much each word weighs, and how ranked lists merge by the share of
 * the query each kept. (The queries themselves are exercised through the service in search-service.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { mergeByShare, wordWeights } from '../../src/services/search/leave-one-out.js';
import { intentMarker } from '../../core/thesaurus/thesaurus.js';
import type { ClauseHit } from '../../src/services/search/context.js';

const hit = (id: string, score: number) => ({ id, _rankingScore: score }) as unknown as ClauseHit;

describe('wordWeights', () => {
  const weight = (w: string) => ({ 个人信息: 3, 删除: 2, 平台: 1 })[w] ?? 0;

  it('keeps each content word its own weight, never zero', () => {
    expect(wordWeights(['个人信息', '删除', '未知'], weight)).toEqual([3, 2, 0.01]);
  });

  it('gives an intent cue half the lightest content word, so it ranks but cannot decide', () => {
    const [, , cue] = wordWeights(['个人信息', '平台', intentMarker('obligation')], weight);
    expect(cue).toBe(0.5);
  });
});

describe('mergeByShare', () => {
  it('ranks by ranking score × share kept, keeping a clause once at its best', () => {
    const merged = mergeByShare(
      [
        { hits: [hit('a', 0.9), hit('b', 0.8)], share: 0.5 },
        { hits: [hit('b', 0.7), hit('c', 0.6)], share: 1 },
      ],
      new Set(),
    );
    expect(merged.map((h) => h.id)).toEqual(['b', 'c', 'a']);
  });

  it('leaves out excluded clauses (those already shown as every-word hits)', () => {
    const merged = mergeByShare([{ hits: [hit('a', 1), hit('b', 1)], share: 1 }], new Set(['a']));
    expect(merged.map((h) => h.id)).toEqual(['b']);
  });

  it('breaks ties by id so pages are stable', () => {
    const merged = mergeByShare([{ hits: [hit('z', 0.5), hit('m', 0.5)], share: 1 }], new Set());
    expect(merged.map((h) => h.id)).toEqual(['m', 'z']);
  });
});
