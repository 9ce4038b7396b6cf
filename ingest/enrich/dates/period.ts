import type { Evidence, Period } from '../../../core/model/dates.js';
import { chineseNumeralToNumber } from '../../../core/patterns/numbering.js';

/**
 * A plan's period: 2024-2025年 in its title (outside any 《》: a notice issuing
 * 《…（2024-2025年）》 has no period of its own), 规划期为2021年到2025年 /
 * 实施期限为… in its text, or the five-year-plan number of its title (“十四五” =
 * 2021–2025; numbered from the sixth, 1981–1985, the first without a gap).
 */
const RANGE = /(?<![\d])((?:19|20)\d{2})\s*年?\s*[-－—–~～至到]\s*((?:19|20)\d{2})\s*年/;
const STATED = /(?:规划|实施|执行|行动|计划)?(?:期|期限|时限|周期)(?:为|是|：|:)\s*((?:19|20)\d{2})\s*年?\s*[-－—–~～至到]\s*((?:19|20)\d{2})\s*年/;
const FIVE_YEAR = /[“"‘]?(十[一二三四五六七八九]?|[六七八九])五[”"’]?(?:时期|期间)?(?:规划|计划|纲要|.{0,30}(?:规划|计划|纲要))/;

function outsideTitleMarks(title: string): string {
  return title.replace(/《[^》]*》/g, '');
}

function range(from: number, to: number, evidence: Evidence): Period | undefined {
  return from <= to && to - from <= 30 ? { from, to, evidence } : undefined;
}

/** The period named in a title (or version marker) itself. */
export function periodFromTitle(title: string, version?: string): Period | undefined {
  const own = outsideTitleMarks([title, version].filter(Boolean).join(''));
  const r = own.match(RANGE);
  if (r) return range(Number(r[1]), Number(r[2]), { from: 'title', text: own });
  const f = own.match(FIVE_YEAR);
  if (f) {
    const n = chineseNumeralToNumber(f[1]!);
    if (n >= 6 && n <= 20) {
      const from = 1981 + 5 * (n - 6);
      return { from, to: from + 4, evidence: { from: 'title', text: own } };
    }
  }
  return undefined;
}

/** A period stated in a sentence: 规划期为2021年到2025年. */
export function periodFromText(text: string): { from: number; to: number; match: string } | undefined {
  const m = text.match(STATED);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from <= to && to - from <= 30 ? { from, to, match: m[0] } : undefined;
}
