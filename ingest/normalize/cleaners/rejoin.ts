/**
 * Rejoining paragraphs that PDF extraction broke: at page ends (often with a
 * blank line in between: "到 2025" / "" / "年，培育…") and, in some files,
 * after every printed line (hard wraps every ~28 characters).
 *
 * THE RULE. A line continues into the next non-blank line when the break is
 * not the author's. Decided in this order:
 *  1. Never across a table row or after a Markdown heading; nor after a dash
 *     lead without a full stop inside (an attribution: ——2014年2月3日，在…的
 *     讲话; a run-in item "——数据要素市场体系初步建立。数据资源…" goes on).
 *  2. A responsibility note on its own line (（责任单位：…）) belongs to the
 *     task before it: join. So does a note broken right after its colon
 *     (…（牵头单位： / 省大数据局）): a parenthesis left open at a colon is
 *     a note whose content follows, never a paragraph's end.
 *  3. A line that ends a sentence (。！？；…：, 。”, or a closing note such as
 *     （责任单位：…）) ends its paragraph: no join.
 *  4. A next line that opens a block (heading, article, numbered item, 专栏,
 *     附件, bullet, table row) starts a new paragraph: no join.
 *  5. A next line starting with a mark no line may start with (，。、）》”…),
 *     a line ending with a mark no line may end with (（《“、，), or a line
 *     leaving a 《 （ “ unclosed: join.
 *  6. Otherwise the line's shape decides. Title-like lines — short, with no
 *     sentence punctuation (titles, dates, signatures, 一、总体思路) — end
 *     where they are. A line is broken, not ended, when
 *       - it has a full stop inside (。！？；: a heading never goes on after
 *         one — "11.建设数据大脑。持续加强…" is body text), or
 *       - it has other sentence punctuation inside (，：) and is not a
 *         numbered heading (（一）加强领导，完善机制 is one; a Markdown bullet
 *         "- 1.推广…，" is an item, not a heading) — or is one, but is as wide
 *         as a full line (28 cells, GB/T 9704, when the file shows no wraps):
 *         headings are short, or
 *       - the file shows hard wraps (see `estimateLineWidth`) and the line is
 *         as wide as a full printed line (within 3 cells): the page, not the
 *         author, ended it. A title is set larger and centred, so it is
 *         shorter; a title long enough to fill the line wraps in the PDF too,
 *         and then joining its two lines is right. In a file without wraps
 *         the width says nothing, and only punctuation decides.
 * The glue is empty (Chinese has no spaces), except between two Latin words.
 */
import {
  endsSentence,
  isBullet,
  isMarkdownHeading,
  isTableRow,
  matchNumbering,
  opensBlock,
  startsWithResponsibilityNote,
  stripLinePrefix,
} from '../../../core/patterns/numbering.js';
import { displayWidth, isAsciiAlnum } from '../../../core/patterns/characters.js';
import type { Edit } from '../offset-map.js';
import { lineSpans, type Cleaner } from '../cleaner.js';

/** GB/T 9704 sets 28 characters per line: the width assumed where a file gives no evidence. */
const GBT_LINE_WIDTH = 28;
/** A line this many cells short of the full width still counts as full (line-breaking rules squeeze punctuation). */
const FULL_LINE_SLACK = 3;

const DASH_LEAD = /^(?:——|－－|--)/;
const CANNOT_START = /^[，。、；：？！）》」』】〕”’…%,.;:?!)]/;
const CANNOT_END = /[（《「『【〔“‘(、，,]$/;
const INNER_PUNCT = /[，；：。！？,;:!?]/;
const INNER_STOP = /[。！？；!?;]/;

const BRACKET_PAIRS: ReadonlyArray<[string, string]> = [['《', '》'], ['（', '）'], ['“', '”'], ['【', '】'], ['〔', '〕']];

/** Whether the last of the `open` marks in the line comes after the last of the `close` marks. */
function leftOpen(s: string, open: readonly string[], close: readonly string[]): boolean {
  return Math.max(...open.map((o) => s.lastIndexOf(o))) > Math.max(...close.map((c) => s.lastIndexOf(c)));
}

/** Whether a title mark, parenthesis or quote opened in the line is not closed in it. */
function hasUnclosedBracket(s: string): boolean {
  return BRACKET_PAIRS.some(([open, close]) => leftOpen(s, [open], [close]));
}

/** Whether the line ends inside a parenthesis it opened, right after a colon: （责任单位： */
function opensNoteAtColon(s: string): boolean {
  return /[：:]$/.test(s) && leftOpen(s, ['（', '('], ['）', ')']);
}

const trimLine = (s: string): string => s.replace(/^[ \u3000]+|[ \u3000]+$/g, '');

/**
 * The typical width, in full-width cells, of the lines a page or a hard wrap
 * broke: the most common width (±1) of lines that do not end a sentence but
 * have commas inside — such lines are almost always broken ones. Undefined
 * when fewer than 5 lines (or less than 15% of them) agree, e.g. in a file with
 * one paragraph per line and no breaks.
 */
export function estimateLineWidth(lines: readonly string[]): number | undefined {
  const hist = new Map<number, number>();
  let total = 0;
  for (const raw of lines) {
    if (isTableRow(raw) || isMarkdownHeading(raw)) continue;
    const line = trimLine(stripLinePrefix(raw));
    if (line === '' || endsSentence(line) || !/[，,]/.test(line)) continue;
    const w = Math.round(displayWidth(line));
    if (w < 16 || w > 60) continue;
    hist.set(w, (hist.get(w) ?? 0) + 1);
    total++;
  }
  let best: number | undefined;
  let bestScore = 0;
  for (const w of hist.keys()) {
    const score = (hist.get(w - 1) ?? 0) + (hist.get(w) ?? 0) + (hist.get(w + 1) ?? 0);
    if (score > bestScore || (score === bestScore && best !== undefined && w > best)) {
      best = w;
      bestScore = score;
    }
  }
  if (best === undefined || bestScore < 5 || bestScore < 0.15 * total) return undefined;
  return best;
}

/**
 * Whether `line` continues into `next` (the next non-blank line). `lineWidth`
 * is the file's full printed line width; without it (no evidence of wrapping)
 * the width rule is off and only punctuation decides — then a long title
 * without punctuation is never taken for a broken line. See the rule at the
 * top of this file.
 */
export function continuesInto(line: string, next: string, lineWidth?: number): boolean {
  if (isTableRow(line) || isTableRow(next) || isMarkdownHeading(line)) return false;
  const body = trimLine(stripLinePrefix(line));
  const nextBody = trimLine(stripLinePrefix(next));
  if (body === '' || nextBody === '') return false;
  if (DASH_LEAD.test(body) && !INNER_STOP.test(body)) return false;
  if (startsWithResponsibilityNote(next)) return true;
  if (opensNoteAtColon(body)) return true;
  if (endsSentence(body)) return false;
  if (opensBlock(next)) return false;
  if (CANNOT_START.test(nextBody) || CANNOT_END.test(body) || hasUnclosedBracket(body)) return true;
  if (INNER_STOP.test(body)) return true;
  const full = displayWidth(body) >= (lineWidth ?? GBT_LINE_WIDTH) - FULL_LINE_SLACK;
  if (INNER_PUNCT.test(body)) return full || isBullet(line) || !matchNumbering(line);
  return lineWidth !== undefined && full;
}

/** Rejoins broken paragraphs (one artifact per break removed). */
export const rejoinBrokenLines: Cleaner = {
  name: 'rejoin-broken-lines',
  clean: (text) => {
    const spans = lineSpans(text);
    const lines = spans.map((s) => text.slice(s.start, s.end));
    const width = estimateLineWidth(lines);
    const edits: Edit[] = [];
    let i = 0;
    while (i < lines.length) {
      if (trimLine(lines[i]!) === '') {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < lines.length && trimLine(lines[j]!) === '') j++;
      if (j >= lines.length) break;
      if (continuesInto(lines[i]!, lines[j]!, width)) {
        const a = spans[i]!.start + lines[i]!.replace(/[ \u3000]+$/, '').length;
        const b = spans[j]!.start + (lines[j]!.length - lines[j]!.replace(/^[ \u3000]+/, '').length);
        const glue = /[A-Za-z]/.test(text[a - 1] ?? '') && /[A-Za-z]/.test(text[b] ?? '') && isAsciiAlnum(text[b]) ? ' ' : '';
        edits.push({ start: a, end: b, text: glue, artifact: true });
      }
      i = j;
    }
    return { edits };
  },
};
