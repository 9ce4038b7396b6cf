import { describe, expect, it } from 'vitest';
import { dcgAt, mean, ndcgAt, recallAt, reciprocalRank } from '../eval/metrics.js';
import { gradeHits, type Judgment } from '../eval/judgments.js';

describe('ranking metrics', () => {
  it('computes DCG with 2^g − 1 gains and log2 discounts', () => {
    expect(dcgAt([3, 2, 0, 1], 10)).toBeCloseTo(7 + 3 / Math.log2(3) + 1 / Math.log2(5), 10);
    expect(dcgAt([3, 2, 1], 1)).toBe(7);
  });

  it('normalises by the ideal ordering of every judged grade', () => {
    expect(ndcgAt([3, 2, 1], [1, 2, 3])).toBeCloseTo(1, 10);
    expect(ndcgAt([1, 2, 3], [1, 2, 3])).toBeLessThan(1);
    expect(ndcgAt([0, 0], [])).toBe(0);
    // A relevant clause never returned lowers the score.
    expect(ndcgAt([3], [3, 3])).toBeCloseTo(7 / (7 + 7 / Math.log2(3)), 10);
  });

  it('counts recall over judged clauses and the rank of the first relevant one', () => {
    expect(recallAt([0, 2, 0, 1], 4)).toBe(0.5);
    expect(recallAt([1, 1], 0)).toBe(0);
    expect(reciprocalRank([0, 0, 2])).toBeCloseTo(1 / 3);
    expect(reciprocalRank([0, 0])).toBe(0);
    expect(mean([1, 2, 3])).toBe(2);
  });
});

describe('gradeHits', () => {
  const relevant: Judgment[] = [
    { doc: '数据安全法', text: '维护数据安全，应当坚持', grade: 3 },
    { doc: '数据安全法', text: '数据安全', grade: 1 },
  ];
  it('matches a hit by title fragment and text fragment, whitespace ignored, each judgment once', () => {
    const hits = [
      { docTitle: '中华人民共和国数据安全法', text: '第四条 维护数据安全，\n应当坚持总体国家安全观' },
      { docTitle: '中华人民共和国数据安全法', text: '第四条 维护数据安全，应当坚持总体国家安全观' },
      { docTitle: '中华人民共和国网络安全法', text: '维护数据安全，应当坚持' },
    ];
    expect(gradeHits(hits, relevant)).toEqual([3, 1, 0]);
  });
});
