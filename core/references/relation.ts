import type { Relation } from './reference.js';

/**
 * The verbs that say how a text relates to what it cites. Checked in order;
 * the keyword nearest to the citation wins (为贯彻落实…，根据《X》 → basis).
 */
export const RELATION_WORDS: ReadonlyArray<[Relation, RegExp]> = [
  ['basis', /根据|依据/gu],
  ['implements', /贯彻|落实/gu],
];

/** The keyword must stand in the same clause as the citation: these end a clause. */
const CLAUSE_END = /[。；;！？!?，,：:\n]/u;
/** Other citations between keyword and citation are skipped (根据《A》《B》和《C》); other words may not exceed this. */
const MAX_GAP = 12;

/**
 * Classifies the relation of a citation starting at `at` from the words before
 * it in the same clause: 根据/依据 → 'basis', 贯彻/落实 → 'implements', else
 * 'mentions'. `spans` are the other citations of the text, skipped when measuring
 * the distance from keyword to citation.
 */
export function classifyRelation(text: string, at: number, spans: ReadonlyArray<{ start: number; end: number }> = []): Relation {
  let from = at;
  while (from > 0) {
    // A citation before this one (根据《A》《B》) is skipped whole: a line break inside it is not a clause end.
    const inside = spans.find((s) => s.start < from && from <= s.end && s.start < at);
    if (inside && inside.start < from) {
      from = inside.start;
      continue;
    }
    if (CLAUSE_END.test(text[from - 1]!)) break;
    from--;
  }
  const window = text.slice(from, at);
  let best: { relation: Relation; end: number } | undefined;
  for (const [relation, re] of RELATION_WORDS) {
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      const end = from + m.index + m[0].length;
      // 贯彻 inside another title (《关于贯彻…的意见》) is that title's word, not the text's.
      if (spans.some((s) => from + m!.index >= s.start && from + m!.index < s.end)) continue;
      if (!best || end > best.end) best = { relation, end };
    }
  }
  if (!best) return 'mentions';
  let gap = 0;
  for (let i = best.end; i < at; i++) {
    if (spans.some((s) => i >= s.start && i < s.end)) continue;
    if (/[、和及与\s]/u.test(text[i]!)) continue;
    gap++;
  }
  return gap <= MAX_GAP ? best.relation : 'mentions';
}
