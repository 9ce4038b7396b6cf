/**
 * Division-of-labour tables that extraction turned into one cell per line:
 *
 *     序号 / 重点任务 / 牵头单位 / 配合单位 / 1 / 实施…行动 / 市经济信息委 / 市发展改革委、市科技局 / 2 / …
 *
 * The header row is a run of short column names opening with 序号 and naming a
 * department column; each row then opens with its number (1, 2, 3 … in order)
 * and has at most one line per remaining column — fewer when a cell was empty
 * (the missing cells are the last ones). Each row becomes one tab-separated
 * line, so the table reader sees a table and gives each column's role; without
 * this the rejoiner would glue a task to its departments and the page-number
 * cleaner would drop the row numbers.
 */
import { foldDigits, matchNumbering } from '../../../core/patterns/numbering.js';
import type { Edit } from '../offset-map.js';
import { lineSpans, type Cleaner, type LineSpan } from '../cleaner.js';

/** Column names of division-of-labour tables. */
const HEADER_CELL =
  /^(序号|编号|(?:重点|主要|工作|具体|目标)?任务(?:名称|内容|事项|措施)?|工作(?:内容|措施|目标|事项|举措)|主要(?:内容|措施|举措)|具体(?:措施|举措)|(?:牵头|责任|配合|协同|协办|参与|主责)(?:责任)?(?:单位|部门)|(?:责任|牵头|分管|牵头负责)(?:[省市区县])?领导|责任人|完成(?:时限|时间)|时间节点|时限(?:要求)?|进度安排|备注)$/;
const NUMBER_COLUMN = /^(序号|编号)$/;
const DEPARTMENT_COLUMN = /(单位|部门)$/;
const DEADLINE_COLUMN = /^(完成(?:时限|时间)|时间节点|时限(?:要求)?|进度安排)$/;
/** A deadline cell: 2026年12月底, 11月底前, 2026年全年, 长期坚持, 持续推进. */
const DEADLINE_CELL = /^(?:(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|前|以前|上旬|中旬|下旬|全年|年内|年底|起)*(?:前)?|长期(?:坚持)?|持续(?:推进)?|[一二三四]季度(?:末)?)$/;

const trim = (s: string) => s.replace(/^[ \u3000]+|[ \u3000]+$/g, '');

/** The header's column names starting at line `i`, or undefined when no such header starts there. */
function headerAt(lines: string[], i: number): string[] | undefined {
  if (!NUMBER_COLUMN.test(lines[i]!)) return undefined;
  const cols: string[] = [];
  for (let k = i; k < lines.length && HEADER_CELL.test(lines[k]!) && cols.length < 8; k++) cols.push(lines[k]!);
  return cols.length >= 3 && cols.slice(1).some((c) => DEPARTMENT_COLUMN.test(c)) ? cols : undefined;
}

/** Edits turning one cell-per-line table (header at line index `h`) into tab-separated rows; returns where it ends. */
function tabulate(text: string, spans: LineSpan[], lines: string[], h: number, columns: number, edits: Edit[]): number {
  // A row short of cells keeps its deadline in the last column when that column is the deadline: the empty cells are
  // the ones before it (a row without 配合单位 still ends with its 完成时限).
  const deadlineLast = DEADLINE_COLUMN.test(lines[h + columns - 1]!);
  const joinLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) edits.push({ start: spans[k]!.end, end: spans[k + 1]!.start, text: '\t', artifact: true });
  };
  joinLines(h, h + columns - 1);
  let k = h + columns;
  for (let n = 1; ; n++) {
    // Blank lines between rows are page breaks inside the table.
    let j = k;
    while (j < lines.length && lines[j] === '') j++;
    if (j >= lines.length || foldDigits(lines[j]!) !== String(n)) return k;
    if (j > k) edits.push({ start: spans[k - 1]!.end, end: spans[j]!.start, text: '\n' });
    let end = j + 1;
    while (end < lines.length && end - j < columns && lines[end] !== '' && foldDigits(lines[end]!) !== String(n + 1) && !matchNumbering(lines[end]!)) end++;
    if (end === j + 1) return k;
    const missing = columns - (end - j);
    const last = foldDigits(lines[end - 1]!);
    if (deadlineLast && missing > 0 && end - j >= 3 && last && DEADLINE_CELL.test(last)) {
      joinLines(j, end - 2);
      edits.push({ start: spans[end - 2]!.end, end: spans[end - 1]!.start, text: '\t'.repeat(missing + 1), artifact: true });
    } else joinLines(j, end - 1);
    k = end;
  }
}

/** Cell-per-line division-of-labour tables → one tab-separated line per row. */
export const tabulateCellLines: Cleaner = {
  name: 'tabulate-cell-lines',
  clean: (text) => {
    const spans = lineSpans(text);
    const lines = spans.map((s) => trim(text.slice(s.start, s.end)));
    const edits: Edit[] = [];
    for (let i = 0; i < lines.length; i++) {
      const cols = headerAt(lines, i);
      if (cols) i = tabulate(text, spans, lines, i, cols.length, edits) - 1;
    }
    return { edits };
  },
};
