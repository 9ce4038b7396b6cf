/**
 * Tables pasted as TAB-separated rows. A table may carry a title row (one
 * filled cell, then empties), a header that spans two lines (merged cells:
 * "任务名称\t责任部门\t工作任务" over "\t\t2024 年\t2025 年\t2026 年"), header rows
 * repeated at every page, group rows ("数字经济发展指标\t\t\t"), and
 * continuation rows whose first cell is empty because it was merged with the
 * row above.
 */
import { draft, type Draft } from './draft.js';
import type { ParseLine } from './lines.js';
import { squeezeCjkSpaces } from './lines.js';
import { spanOf } from './context.js';

const filled = (line: ParseLine): number => (line.cells ?? []).filter(Boolean).length;

/** Whether line i opens a table: a row with two filled cells, or a title row right above one. */
export function opensTable(lines: ParseLine[], i: number): boolean {
  const line = lines[i]!;
  if (!line.cells) return false;
  if (filled(line) >= 2) return true;
  const next = lines[i + 1];
  return !!next?.cells && filled(next) >= 2 && !!line.cells[0];
}

/**
 * Index just past the table that starts at line i: the run of lines with
 * cells, and group lines without cells between rows ("数字经济发展指标" set on
 * its own line when the extraction dropped the empty cells).
 */
export function tableEnd(lines: ParseLine[], i: number): number {
  let j = i + 1;
  while (j < lines.length && (lines[j]!.cells || (isGroupLine(lines[j]!) && filled(lines[j + 1] ?? lines[j]!) >= 2))) j++;
  return j;
}

function isGroupLine(line: ParseLine): boolean {
  return !line.cells && line.clean.length <= 30 && !/[。；，！？：]/.test(line.clean) && !/^[（(]?[一二三四五六七八九十\d]+[、.．）)]/.test(line.clean);
}

const key = (cells: string[]): string => cells.map((c) => squeezeCjkSpaces(c)).join('\t').replace(/\t+$/, '');

/**
 * Builds a `table` with its `row`s from the lines of one table. Row cells are
 * keyed by column name; a two-line header names a column "上/下"
 * (工作任务/2024年). Repeated header lines are skipped and counted.
 */
export function buildTable(lines: ParseLine[]): Draft {
  let k = 0;
  let title: ParseLine | undefined;
  if (filled(lines[0]!) === 1 && lines[1] && filled(lines[1]) >= 2 && lines[0]!.cells![0]) {
    title = lines[0];
    k = 1;
  }
  const header = lines[k]!;
  k++;
  let sub: ParseLine | undefined;
  if (lines[k]?.cells && isSubHeader(header.cells!, lines[k]!.cells!)) {
    sub = lines[k];
    k++;
  }
  const columns = columnNames(header.cells!, sub?.cells);
  const headerKey = key(header.cells!);
  const subKey = sub ? key(sub.cells!) : undefined;
  const table = draft('table', {
    prefix: 'table',
    own: [title, header, sub].filter((l): l is ParseLine => !!l).map(spanOf),
    at: (title ?? header).start,
    cite: 'table',
    ...(title ? { heading: squeezeCjkSpaces(title.cells![0]!) } : {}),
    data: {
      header: header.cells!.map(squeezeCjkSpaces),
      ...(sub ? { subHeader: sub.cells!.map(squeezeCjkSpaces) } : {}),
      columns,
    },
  });
  const numberColumn = /^(序号|编号|序)$/.test(columns[0] ?? '');
  let repeated = 0;
  let lastFirst = '';
  let group: string | undefined;
  for (; k < lines.length; k++) {
    const line = lines[k]!;
    const cells = line.cells ?? [line.clean, ...columns.slice(1).map(() => '')];
    const rowKey = key(cells);
    if (rowKey === headerKey) {
      repeated++;
      if (subKey !== undefined && lines[k + 1]?.cells && key(lines[k + 1]!.cells!) === subKey) k++;
      continue;
    }
    const isGroup = !line.cells || (cells.filter(Boolean).length === 1 && !!cells[0] && columns.length >= 3 && cells.length >= 3);
    const data: Record<string, unknown> = {};
    const values = [...cells];
    if (isGroup) {
      group = squeezeCjkSpaces(cells[0]!);
      data.group = true;
    } else if (!values[0] && lastFirst) {
      // A merged first cell: the task name of the row above applies.
      values[0] = lastFirst;
      data.continuation = true;
    }
    if (!isGroup && values[0]) lastFirst = values[0];
    const record: Record<string, string> = {};
    const width = Math.max(columns.length, values.length);
    for (let c = 0; c < width; c++) {
      const name = columns[c] ?? `列${c + 1}`;
      record[name] = values[c] ?? '';
    }
    data.cells = record;
    if (group && !isGroup) data.groupLabel = group;
    const printed = numberColumn && /^\d+$/.test(values[0] ?? '') ? values[0] : undefined;
    table.children.push(
      draft('row', {
        prefix: 'row',
        ...(printed ? { label: printed } : {}),
        own: [spanOf(line)],
        at: line.start,
        cite: 'append',
        data,
      }),
    );
  }
  if (repeated) table.data.repeatedHeaders = repeated;
  return table;
}

/** A second header line fills cells the first left empty (merged above) and holds no prose. */
function isSubHeader(header: string[], next: string[]): boolean {
  if (next[0]) return false;
  if (next.some((c) => c.length > 20 || /[。；]/.test(c))) return false;
  return next.some((c, i) => !!c && !header[i]) && next.filter(Boolean).length >= 1;
}

function columnNames(header: string[], sub: string[] | undefined): string[] {
  const width = Math.max(header.length, sub?.length ?? 0);
  const names: string[] = [];
  let spanning = '';
  for (let i = 0; i < width; i++) {
    const top = squeezeCjkSpaces(header[i] ?? '');
    if (top) spanning = top;
    const below = squeezeCjkSpaces(sub?.[i] ?? '');
    // An empty header cell with a sub-header under it belongs to the merged cell on its left.
    const above = top || (below ? spanning : '');
    let name = below ? (above ? `${above}/${below}` : below) : above || `列${i + 1}`;
    while (names.includes(name)) name = `${name}′`;
    names.push(name);
  }
  return names;
}
