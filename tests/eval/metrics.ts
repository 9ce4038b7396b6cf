/**
 * Ranking metrics over graded hits (grade 0 = not relevant). Standard
 * definitions: gains 2^g − 1 discounted by log2(rank + 1); recall counts
 * relevant clauses of any grade; reciprocal rank of the first relevant one.
 */

const gain = (g: number) => 2 ** g - 1;

/** DCG of the first k grades. */
export function dcgAt(grades: number[], k: number): number {
  return grades.slice(0, k).reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
}

/** nDCG@k: DCG of the ranking over DCG of the ideal ranking of every judged grade; 0 when nothing is judged. */
export function ndcgAt(grades: number[], judged: number[], k = 10): number {
  const ideal = dcgAt([...judged].sort((a, b) => b - a), k);
  return ideal === 0 ? 0 : dcgAt(grades, k) / ideal;
}

/** Share of the judged relevant clauses found in the first k hits. */
export function recallAt(grades: number[], relevantCount: number, k = 10): number {
  if (relevantCount === 0) return 0;
  return grades.slice(0, k).filter((g) => g > 0).length / relevantCount;
}

/** 1 / rank of the first relevant hit within the first k; 0 when none. */
export function reciprocalRank(grades: number[], k = 10): number {
  const i = grades.slice(0, k).findIndex((g) => g > 0);
  return i === -1 ? 0 : 1 / (i + 1);
}

export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
