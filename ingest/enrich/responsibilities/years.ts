/** Years mentioned by a task, and its deadlines as written. */
export interface YearsAndDeadlines {
  years: number[];
  deadlines: string[];
}

// A year, optionally with the words that make it a deadline before (到, 至, 截至, 自) and after (年底, 前, 起…).
const YEAR = /(?:(到|至|截至|截止到|截止|自|从|于)\s*)?((?:19|20)\d{2})\s*年((?:\s*(?:年底|年末|底|末|上半年|下半年|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末)?))*)(前|以前|之前|起|开始)?/g;

/** Removes cited titles (《…（2018-2022年）》), whose years are not the task's. */
function withoutTitles(text: string): string {
  return text.replace(/《[^《》]*》/g, (m) => ' '.repeat(m.length));
}

/**
 * Finds the years a text names and the deadlines among them: a year becomes a
 * deadline when words around it make it one (到2025年, 2023年年底前, 自2020年起);
 * a bare year (2020年新开通…) is only a year. Ranges (2024—2026年) give both ends.
 */
export function extractYears(text: string): YearsAndDeadlines {
  const t = withoutTitles(text);
  const years = new Set<number>();
  const deadlines: string[] = [];
  for (const m of t.matchAll(/((?:19|20)\d{2})\s*[-—–－~至到]\s*((?:19|20)\d{2})\s*年/g)) {
    years.add(Number(m[1]));
    years.add(Number(m[2]));
  }
  for (const m of t.matchAll(YEAR)) {
    const [whole, before, year, after, closing] = m;
    years.add(Number(year));
    if (before || (after && after.trim()) || closing) {
      const d = whole.replace(/\s+/g, '');
      if (!deadlines.includes(d)) deadlines.push(d);
    }
  }
  return { years: [...years].sort((a, b) => a - b), deadlines };
}
