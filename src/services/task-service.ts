import type { Segmenter } from '../../core/segment/index.js';
import type { Role, TaskDoc } from '../../core/model/task.js';
import { INDEX } from '../../core/index/index-names.js';
import { toSearchQuery } from '../../core/segment/search-field.js';
import type { TaskHit, TaskSearchQuery, TaskSearchResponse } from '../schemas/tasks.js';
import { TASK_FIELDS, toTaskHit, type DepartmentService } from './department-service.js';
import { and, eq } from './filter.js';
import { highlight } from './highlight.js';
import type { IndexReader } from './index-reader.js';

export interface TaskServiceDeps {
  reader: IndexReader;
  segmenter: Segmenter;
  departments: DepartmentService;
}

/**
 * Full-text search over tasks. Queries are segmented exactly like the indexed
 * `*Seg` fields; a department filter accepts any name of the body (404 with
 * suggestions for an unknown one, as on /v1/departments/:name/tasks).
 */
export function createTaskService(deps: TaskServiceDeps) {
  const { reader, segmenter, departments } = deps;
  return {
    async search(q: TaskSearchQuery): Promise<TaskSearchResponse> {
      const dept = q.department ? (await departments.resolve(q.department)).name : undefined;
      const filter = and(
        dept && !q.role && eq('departments', dept),
        dept && q.role && eq('departmentRoles', `${dept}:${q.role}`),
        !dept && q.role && eq('roles', q.role),
        q.docId && eq('docId', q.docId),
        q.year !== undefined && eq('years', q.year),
      );
      const words = q.q ? segmenter.queryWords(q.q) : [];
      const res = await reader.search<TaskDoc>(INDEX.tasks, toSearchQuery(words), {
        filter,
        limit: q.limit,
        offset: q.offset,
        attributesToRetrieve: TASK_FIELDS,
        // Without words, a listing in document order; with words, by relevance.
        ...(words.length ? { matchingStrategy: 'all' as const } : { sort: ['order:asc'] }),
      });
      const terms = q.q ? [...new Set([...words, ...segmenter.words(q.q)])] : [];
      const tasks = res.hits.map((h) => {
        const hit = toTaskHit(h, dept);
        return terms.length ? { ...hit, snippet: highlight(h.text, terms, { fold: segmenter.fold }).snippet } : hit;
      });
      return {
        ...(q.q ? { query: q.q } : {}),
        ...(dept ? { department: dept } : {}),
        total: res.estimatedTotalHits ?? tasks.length,
        limit: q.limit,
        offset: q.offset,
        tasks,
      };
    },
  };
}
export type TaskService = ReturnType<typeof createTaskService>;

/** How a 台账 names roles. */
export const ROLE_WORDS: Record<Role, string> = { lead: '牵头', responsible: '负责', cooperating: '配合' };

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes
 * doubled. A field a spreadsheet would run as a formula (=, +, -, @ first) gets
 * a leading apostrophe, so opening an export never executes text from a document.
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text: CRLF line ends, as RFC 4180 and Excel expect. */
export function toCsv(rows: Array<Array<string | number>>): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The 台账 columns for a department's tasks. */
export function taskLedgerRows(tasks: TaskHit[]): string[][] {
  const header = ['序号', '文件', '条款', '任务名称', '任务内容', '本单位角色', '全部责任单位', '年份', '时限'];
  return [
    header,
    ...tasks.map((t, i) => [
      String(i + 1),
      t.docTitle,
      t.citation,
      t.title ?? '',
      t.text,
      t.role ? ROLE_WORDS[t.role] : '',
      t.owners.map((o) => `${o.department}（${ROLE_WORDS[o.role]}）`).join('、'),
      t.years.join('、'),
      t.deadlines.join('；'),
    ]),
  ];
}

/** UTF-8 with a byte-order mark: Excel only reads a CSV as UTF-8 (not the local ANSI code page) when it starts with one. */
export function csvBytes(csv: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
}

/**
 * Content-Disposition for a download with a non-ASCII name: an ASCII fallback
 * `filename` and the real name as RFC 5987 `filename*` (UTF-8, percent-encoded,
 * including the characters encodeURIComponent leaves but RFC 5987 does not allow).
 */
export function attachmentDisposition(filename: string, fallback = 'download.csv'): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const ascii = fallback.replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
