/**
 * A collection of speech excerpts (论述摘编): quotation paragraphs, each run
 * closed by an attribution line "——2014 年 2 月 27 日在…上的讲话", grouped under
 * year headings ("2014 年").
 */
import { draft, type Draft } from './draft.js';
import type { ParseLine } from './lines.js';
import { matchAttribution, matchYearHeading } from './line-patterns.js';
import { blockOf, contentsBlock, spanOf, type BuildContext } from './context.js';

/** Builds year headings and excerpts under `root`. */
export function buildSpeeches(ctx: BuildContext, root: Draft, from = 0): void {
  const { lines } = ctx;
  let year: Draft | undefined;
  let pending: ParseLine[] = [];
  let excerpts = 0;

  // Paragraphs with no attribution after them: before the first excerpt they
  // are the title and preface; later they are a quotation whose source is missing.
  const flush = (): void => {
    for (const line of pending) {
      if (excerpts > 0) {
        ctx.report('warning', 'parse/excerpt-without-attribution', 'a paragraph is not followed by an attribution line', line.start);
      }
      (year ?? root).children.push(blockOf(line));
    }
    pending = [];
  };

  for (let i = from; i < lines.length; i++) {
    const contentsEnd = ctx.contents.get(i);
    if (contentsEnd !== undefined) {
      flush();
      (year ?? root).children.push(contentsBlock(lines, i, contentsEnd));
      i = contentsEnd - 1;
      continue;
    }
    const line = lines[i]!;
    const y = matchYearHeading(line.clean);
    if (y) {
      flush();
      year = draft('heading', {
        seg: `year_${y.year}`,
        label: `${y.year}年`,
        heading: `${y.year}年`,
        own: [spanOf(line)],
        at: line.start,
        cite: 'append',
        piece: `${y.year}年`,
        data: { numbering: '年', year: y.year },
      });
      root.children.push(year);
      continue;
    }
    const a = matchAttribution(line.clean);
    // An attribution names a date, or is a short source line; a dash-led line of prose is a quotation.
    if (a && (a.date || (a.text.length <= 60 && !/[。；]/.test(a.text)))) {
      if (!pending.length) {
        ctx.report('warning', 'parse/attribution-without-quote', 'an attribution line follows no quotation', line.start);
        (year ?? root).children.push(blockOf(line));
        continue;
      }
      excerpts++;
      (year ?? root).children.push(
        draft('excerpt', {
          prefix: 'exc',
          own: [...pending.map(spanOf), spanOf(line)],
          at: pending[0]!.start,
          cite: 'replace',
          piece: a.text,
          data: { attribution: a.text, ...(a.date ? { date: a.date } : {}) },
        }),
      );
      pending = [];
      continue;
    }
    pending.push(line);
  }
  flush();
}
