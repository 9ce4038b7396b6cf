/**
 * The pure parts of leave-one-out relaxation: how much each word weighs, and how ranked lists merge by the share of
 * the query each kept. (The queries themselves are exercised through the service in search-service.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { LEAVE_TWO_OUT_MAX_QUERIES, leaveTwoOutQueries, mergeByShare, PINNED_DROP, wordWeights } from '../../src/services/search/leave-one-out.js';
import { intentMarker, synonymMarker } from '../../core/thesaurus/thesaurus.js';
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

describe('leaveTwoOutQueries', () => {
  it('gives up every pair of words once, each keeping the rest of the weight', () => {
    const qs = leaveTwoOutQueries(['手机号', '商家', '卖', '他人'], [1, 1, 1, 1], new Set());
    expect(qs).toHaveLength(6);
    expect(qs.map((q) => q.words.join('|'))).toContain('手机号|他人');
    expect(qs.every((q) => q.share === 0.5 && !q.full)).toBe(true);
  });

  it('cuts the share of a query that gave up a pinned word', () => {
    const qs = leaveTwoOutQueries(['省大数据局', '数据', '共享', '平台'], [2, 1, 1, 1], new Set(['省大数据局']));
    const withoutPinned = qs.find((q) => !q.words.includes('省大数据局') && q.words.includes('数据'))!;
    const keepingPinned = qs.find((q) => q.words.includes('省大数据局') && q.words.length === 2)!;
    expect(withoutPinned.share).toBeCloseTo((2 / 5) * PINNED_DROP);
    expect(keepingPinned.share).toBeCloseTo(3 / 5);
  });

  it('is not for short or long queries', () => {
    expect(leaveTwoOutQueries(['a', 'b', 'c'], [1, 1, 1], new Set())).toEqual([]);
    expect(leaveTwoOutQueries(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [1, 1, 1, 1, 1, 1, 1], new Set())).toEqual([]);
  });
});

describe('leaveTwoOutQueries keeps a subject', () => {
  it('never leaves only a number and single characters (2025 年 without 充电 桩)', () => {
    const qs = leaveTwoOutQueries(['2025', '年', '充电', '桩'], [20, 2, 9, 2], new Set());
    expect(qs.map((q) => q.words.join('|'))).not.toContain('2025|年');
    expect(qs.map((q) => q.words.join('|'))).toContain('2025|充电');
  });
});

describe('leaveTwoOutQueries and thesaurus words', () => {
  it('counts a thesaurus entry as a subject, even of one character (卖 → 出售)', () => {
    const sell = synonymMarker('卖');
    const qs = leaveTwoOutQueries(['手机号', '商家', sell, '年'], [10, 8, 2, 2], new Set());
    expect(qs.map((q) => q.words.join('|'))).toContain(`${sell}|年`);
  });
});

describe('leaveTwoOutQueries is bounded', () => {
  it('asks at most LEAVE_TWO_OUT_MAX_QUERIES, those keeping the most weight', () => {
    const qs = leaveTwoOutQueries(['甲乙', '丙丁', '戊己', '庚辛', '壬癸', '子丑'], [1, 2, 3, 4, 5, 6], new Set());
    expect(qs).toHaveLength(LEAVE_TWO_OUT_MAX_QUERIES);
    expect(qs[0]!.words).toEqual(['戊己', '庚辛', '壬癸', '子丑']);
    expect(qs.every((q, i) => i === 0 || q.share <= qs[i - 1]!.share)).toBe(true);
  });
});
