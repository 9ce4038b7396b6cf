import type { DepartmentRegistry } from '../../../core/departments/index.js';
import type { PolicyNode } from '../../../core/model/tree.js';
import { splitCellDepartments, isBodyLike } from './department-list.js';
import { parseOwnerNote, type WrittenOwner } from './notes.js';
import { classifyRole } from './roles.js';
import type { Role } from '../../../core/model/task.js';
import { extractYears } from './years.js';

/** Which columns of a task table hold what. */
export interface TaskTableColumns {
  /** The departments columns (责任部门; or 牵头单位 and 配合单位), each with the role it gives. */
  departments: Array<{ key: string; role: Role }>;
  /** The task-name column (任务名称, 重点任务), when there is one. */
  name?: string;
  /** The columns describing the work, in order, with the year each names (2024年 → 2024). */
  work: Array<{ key: string; year?: number }>;
  /** A deadline column (完成时限, 时间节点), when there is one. */
  deadline?: string;
  /** A column naming the responsible official (责任领导, 牵头市领导): a leader, never an owner. */
  leader?: string;
}

const compact = (s: string) => s.replace(/\s+/g, '');
const YEAR_IN = /((?:19|20)\d{2})/;
// 单位 alone is not enough: it is the unit of measure in indicator tables.
const DEPARTMENT_HEADER = /(责任|牵头|配合|协同|协办|参与|主责|负责|承办|实施)(部门|单位|处室|科室)|^(责任)?部门$|^责任主体$/;
const DEADLINE_HEADER = /时限|期限|时间节点|完成时间|进度安排/;
const LEADER_HEADER = /领导|责任人/;

/**
 * Recognizes a task table from its column headers: it needs a departments
 * column (责任部门, 责任单位, 牵头单位, 配合单位…); 牵头单位 and 配合单位 may both be
 * there, each giving its role. Year columns (2024年 …) are work columns with their
 * year; a 完成时限 column gives deadlines. Undefined for other tables (indicators,
 * catalogues).
 */
export function taskTableColumns(keys: string[]): TaskTableColumns | undefined {
  const departments = keys
    .filter((k) => DEPARTMENT_HEADER.test(compact(k)) && !YEAR_IN.test(k))
    .map((key) => ({ key, role: classifyRole(compact(key)) ?? ('responsible' as Role) }));
  if (departments.length === 0) return undefined;
  const isDept = (k: string) => departments.some((d) => d.key === k);
  const deadline = keys.find((k) => !isDept(k) && DEADLINE_HEADER.test(compact(k)));
  const leader = keys.find((k) => !isDept(k) && LEADER_HEADER.test(compact(k)));
  const name =
    keys.find((k) => !isDept(k) && /任务名称|名称|事项/.test(compact(k)) && !YEAR_IN.test(k)) ??
    keys.find((k) => !isDept(k) && /^(重点|主要)?(任务|工作)$/.test(compact(k)));
  const work = keys
    .filter((k) => !isDept(k) && k !== name && k !== deadline && k !== leader && !/^(序号|编号|备注)$/.test(compact(k)))
    .map((key) => {
      const y = compact(key).match(YEAR_IN);
      return y ? { key, year: Number(y[1]) } : { key };
    });
  return { departments, ...(name ? { name } : {}), work, ...(deadline ? { deadline } : {}), ...(leader ? { leader } : {}) };
}

/** A row that repeats the header (责任部门 | 工作任务) or holds only year labels (2024年 | 2025年). */
export function isHeaderRow(cells: Record<string, string>, cols: TaskTableColumns): boolean {
  // The name column is left out: a parser may have filled it from the row above.
  const values = Object.entries(cells)
    .filter(([k]) => k !== cols.name)
    .map(([, v]) => compact(v))
    .filter(Boolean);
  if (values.length === 0) return true;
  if (cols.departments.some((d) => compact(cells[d.key] ?? '') === compact(d.key))) return true;
  return values.every((v) => /^(?:19|20)\d{2}年?$/.test(v));
}

/** A task read from one row of a task table (plus the rows that continue it). */
export interface TableTaskDraft {
  row: PolicyNode;
  /** Rows whose cells continue this row's across a page break. */
  continuations: PolicyNode[];
  title?: string;
  text: string;
  owners: WrittenOwner[];
  /** Fragments of the departments cell that are not bodies. */
  rejected: string[];
  /** The official a leader column names. */
  leaders: string[];
  /** Years of the work columns this row fills, and years its text names. */
  years: number[];
  deadlines: string[];
}

/** The cells of a row: the parser's header → cell map. */
export function rowCells(row: PolicyNode): Record<string, string> | undefined {
  const cells = row.data?.cells;
  return cells && typeof cells === 'object' ? (cells as Record<string, string>) : undefined;
}

/**
 * Reads the tasks of a task table: one per (task name, departments) row, the
 * departments cell split into owners (several names separated by spaces, names
 * cut by a column break repaired), the year columns attached. A row with an
 * empty departments cell continues the row above across a page break: its
 * cells are appended to that row's. Repeated header rows are skipped.
 * Returns undefined when the table is not a task table.
 */
/** Role words inside a departments cell. */
const CELL_ROLES = /[（(](?:牵头|主责|配合)[）)]|牵头|配合|协助|参与/;

export function readTaskTable(table: PolicyNode, registry: DepartmentRegistry): TableTaskDraft[] | undefined {
  const rows = table.children.filter((c) => c.kind === 'row');
  const keys = [...new Set(rows.flatMap((r) => Object.keys(rowCells(r) ?? {})))];
  const cols = taskTableColumns(keys);
  if (!cols) return undefined;
  const drafts: Array<TableTaskDraft & { cells: Record<string, string> }> = [];
  let lastTitle: string | undefined;
  for (const row of rows) {
    const cells = rowCells(row);
    if (!cells || isHeaderRow(cells, cols)) continue;
    const title = (cols.name && cells[cols.name]?.trim()) || lastTitle;
    lastTitle = title;
    const deptCells = cols.departments.map((d) => ({ ...d, cell: cells[d.key]?.trim() ?? '' }));
    const prev = drafts.at(-1);
    if (deptCells.every((d) => !d.cell)) {
      // The departments cell is printed once; a row without it is the rest of the row above.
      if (prev && (!title || title === prev.title)) {
        for (const key of [...cols.work.map((w) => w.key), ...(cols.deadline ? [cols.deadline] : [])]) {
          const add = cells[key]?.trim();
          if (add) prev.cells[key] = (prev.cells[key] ?? '') + add;
        }
        prev.continuations.push(row);
        continue;
      }
      // No department and nothing to continue: kept as a draft without owners, for the enricher to report.
    }
    const owners: WrittenOwner[] = [];
    const rejected: string[] = [];
    for (const d of deptCells) {
      // A 责任单位 cell that gives roles itself (市商务局（牵头）、…, 市商务局牵头，…配合) is read as a note.
      if (d.role === 'responsible' && CELL_ROLES.test(d.cell)) {
        const note = parseOwnerNote(d.cell, registry);
        owners.push(...note.owners);
        rejected.push(...note.rejected);
        continue;
      }
      for (const name of d.cell ? splitCellDepartments(d.cell, registry) : []) {
        if (registry.lookup(name) || isBodyLike(name)) owners.push({ asWritten: name, role: d.role });
        else rejected.push(name);
      }
    }
    drafts.push({
      row,
      continuations: [],
      ...(title ? { title } : {}),
      text: '',
      owners,
      rejected,
      leaders: cols.leader && cells[cols.leader]?.trim() ? [compact(cells[cols.leader]!)] : [],
      years: [],
      deadlines: [],
      cells: Object.fromEntries(
        [...cols.work.map((w) => w.key), ...(cols.deadline ? [cols.deadline] : [])].map((k) => [k, cells[k]?.trim() ?? '']),
      ),
    });
  }
  return drafts.map(({ cells, ...d }) => {
    const filled = cols.work.filter((w) => cells[w.key]);
    const labelled = filled.length > 1 || filled.some((w) => w.year !== undefined);
    // A table whose only text is the task name (重点任务 | 牵头单位 | 配合单位) has the name as its text.
    const text = filled.length
      ? filled.map((w) => (labelled ? `${w.year ? `${w.year}年` : w.key}：${cells[w.key]}` : cells[w.key])).join('\n')
      : (d.title ?? '');
    const named = extractYears(text);
    const due = cols.deadline && cells[cols.deadline] ? cells[cols.deadline]! : '';
    const dueYears = due ? extractYears(due).years : [];
    const years = [...new Set([...filled.flatMap((w) => (w.year ? [w.year] : [])), ...named.years, ...dueYears])].sort((a, b) => a - b);
    const deadlines = [...new Set([...(due ? [compact(due)] : []), ...named.deadlines])];
    return { ...d, text, years, deadlines };
  });
}
