/**
 * Division-of-labour tables that extraction turned into one cell per line:
 *
 *     序号 / 重点任务 / 牵头单位 / 配合单位 / 1 / 实施…行动 / 市经济信息委 / 市发展改革委、市科技局 / 2 / …
 *
 * The header row is a run of short column names opening with 序号 and naming a
 * department column; each row then opens with its number (1, 2, 3 … in order)
 * and has at most one line per remaining column — fewer when a cell was empty
 * (the missing cells are the last ones, unless the last cells fit the last columns:
 * a date under 完成时限, a name under 责任领导 — a row without 配合单位 still ends with
 * its leader and deadline). A header name or a body's name cut
 * over two lines is one cell; a decorated page number between cells is dropped. Each row becomes one tab-separated
 * line, so the table reader sees a table and gives each column's role; without
 * this the rejoiner would glue a task to its departments and the page-number
 * cleaner would drop the row numbers.
 */
import { foldDigits, matchNumbering } from '../../../core/patterns/numbering.js';
import type { Edit } from '../offset-map.js';
import { lineSpans, type Cleaner, type LineSpan } from '../cleaner.js';

/** Column names of division-of-labour tables. */
const HEADER_CELL =
  /^(序号|编号|(?:重点|主要|工作|具体|目标)?任务(?:名称|内容|事项|措施)?|(?:重点|工作|建设)?项目(?:名称|内容)?|工作(?:内容|措施|目标|事项|举措)|主要(?:内容|措施|举措)|具体(?:措施|举措)|(?:牵头|责任|配合|协同|协办|参与|主责)(?:责任)?(?:单位|部门|处室|科室)|(?:责任|牵头|分管|牵头负责)(?:[省市区县])?领导|责任人|完成(?:时限|时间)|时间节点|时限(?:要求)?|进度安排|备注)$/;
const NUMBER_COLUMN = /^(序号|编号)$/;
const DEPARTMENT_COLUMN = /(单位|部门|处室|科室)$/;
const DEADLINE_COLUMN = /^(完成(?:时限|时间)|时间节点|时限(?:要求)?|进度安排)$/;
const LEADER_COLUMN = /(领导|责任人)$/;
/** A deadline cell: 2026年12月底, 11月底前, 2026年全年, 长期坚持, 持续推进. */
const DEADLINE_CELL = /^(?:(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|前|以前|上旬|中旬|下旬|全年|年内|年底|起)*(?:前)?|长期(?:坚持)?|持续(?:推进)?|[一二三四]季度(?:末)?)$/;
/** A person's name in a 责任领导 cell (李卫东, 赵红): a few characters, no body ending. */
const PERSON_CELL = /^[\u4e00-\u9fff]{2,4}(?:同志)?$/;
/** How names of bodies end; a line cut inside a name (市市场监督 / 管理局) leaves its end on the next line. */
const BODY_TAIL = /[厅局委办部院会室署心司团行府位门队关馆联组班处]$/;
/** A page number with decorations (-7-, — 3 —) between two cells of a row: furniture, never a cell. */
const DECORATED_PAGE_NUMBER = /^[-—–－~～·•]+[ \u3000]*\d{1,4}[ \u3000]*[-—–－~～·•]+$/;

const trim = (s: string) => s.replace(/^[ \u3000]+|[ \u3000]+$/g, '');

/** One cell: the lines it was written on (a header name or a body's name may be cut over two). */
type Cell = number[];

/**
 * The header's columns starting at line `i`, or undefined when no such header starts there. A column name cut over
 * two lines (完成 / 时限) is one column.
 */
function headerAt(lines: string[], i: number): Cell[] | undefined {
  if (!NUMBER_COLUMN.test(lines[i]!)) return undefined;
  const cols: Cell[] = [];
  for (let k = i; k < lines.length && cols.length < 8; k++) {
    if (HEADER_CELL.test(lines[k]!)) cols.push([k]);
    else if (k + 1 < lines.length && HEADER_CELL.test(lines[k]! + lines[k + 1]!)) cols.push([k, ++k]);
    else break;
  }
  const names = cols.map((c) => c.map((k) => lines[k]).join(''));
  return names.length >= 3 && names.slice(1).some((c) => DEPARTMENT_COLUMN.test(c)) ? cols : undefined;
}

/**
 * The cells of row `n` opening at line `j` (its number's line): the lines up to the next row's number, a numbered
 * paragraph or a blank line, one per column; decorated page numbers between them are skipped. A row with more lines
 * than columns had a body's name cut at a line's end (市市场监督 / 管理局): such a rest joins its cell again.
 */
function rowAt(lines: string[], j: number, n: number, columns: number): Cell[] {
  const cells: Cell[] = [[j]];
  for (let k = j + 1; k < lines.length && cells.length < columns + 2; k++) {
    const line = lines[k]!;
    if (DECORATED_PAGE_NUMBER.test(foldDigits(line))) continue;
    if (line === '' || foldDigits(line) === String(n + 1) || matchNumbering(line)) break;
    cells.push([k]);
  }
  const endOf = (cell: Cell) => lines[cell[cell.length - 1]!]!;
  const cutRest = (i: number) => {
    const line = lines[cells[i]![0]!]!;
    const before = endOf(cells[i - 1]!);
    return line.length <= 6 && BODY_TAIL.test(line) && !BODY_TAIL.test(before) && !/[。；，、）)]$/.test(before);
  };
  for (let i = cells.length - 1; i > 1 && cells.length > columns; i--) {
    if (cutRest(i)) cells.splice(i - 1, 2, [...cells[i - 1]!, ...cells[i]!]);
  }
  return cells.slice(0, columns);
}

/** Edits turning one cell-per-line table (header at line index `h`) into tab-separated rows; returns where it ends. */
function tabulate(spans: LineSpan[], lines: string[], h: number, header: Cell[], edits: Edit[]): number {
  const columns = header.length;
  const columnName = (c: number) => header[c]!.map((k) => lines[k]).join('');
  const text = (cell: Cell) => foldDigits(cell.map((i) => lines[i]).join(''));
  /** Whether a cell's text fits column `c` by its kind (a date under 完成时限, a person under 责任领导); undefined for other columns. */
  const fits = (cell: Cell, c: number): boolean | undefined => {
    const name = columnName(c);
    if (DEADLINE_COLUMN.test(name)) return DEADLINE_CELL.test(text(cell));
    if (LEADER_COLUMN.test(name)) return PERSON_CELL.test(text(cell)) && !BODY_TAIL.test(text(cell));
    return undefined;
  };
  /**
   * The column of each cell of a row short of cells: the last cells go to the last columns they fit (a deadline,
   * a leader), skipping such columns left empty; the others fill the columns in order (number, task, departments).
   */
  const placeCells = (cells: Cell[]): number[] => {
    const place = cells.map((_, i) => i);
    let i = cells.length - 1;
    for (let c = columns - 1; i >= 2 && c > i && fits(cells[i]!, c) !== undefined; c--) {
      if (fits(cells[i]!, c)) place[i--] = c;
    }
    return place;
  };
  /** Joins a row's cells: tabs between cells (one per column moved over, for empty cells), nothing inside one. */
  const joinCells = (cells: Cell[], place: number[] = cells.map((_, i) => i)) => {
    const flat = cells.flatMap((cell, c) => cell.map((k, i) => ({ k, sep: i > 0 ? '' : '\t'.repeat(c > 0 ? place[c]! - place[c - 1]! : 0) })));
    for (let i = 1; i < flat.length; i++) edits.push({ start: spans[flat[i - 1]!.k]!.end, end: spans[flat[i]!.k]!.start, text: flat[i]!.sep, artifact: true });
  };
  joinCells(header);
  let k = header[columns - 1]!.at(-1)! + 1;
  for (let n = 1; ; n++) {
    // Blank lines between rows are page breaks inside the table.
    let j = k;
    while (j < lines.length && (lines[j] === '' || DECORATED_PAGE_NUMBER.test(foldDigits(lines[j]!)))) j++;
    if (j >= lines.length || foldDigits(lines[j]!) !== String(n)) return k;
    if (j > k) edits.push({ start: spans[k - 1]!.end, end: spans[j]!.start, text: '\n' });
    const cells = rowAt(lines, j, n, columns);
    if (cells.length === 1) return k;
    joinCells(cells, cells.length < columns ? placeCells(cells) : undefined);
    k = cells[cells.length - 1]!.at(-1)! + 1;
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
      const header = headerAt(lines, i);
      if (header) i = tabulate(spans, lines, i, header, edits) - 1;
    }
    return { edits };
  },
};
