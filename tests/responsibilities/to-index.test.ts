import { describe, expect, it } from 'vitest';
import { createDepartmentRegistry } from '../../core/departments/index.js';
import { TaskDoc, type Task } from '../../ingest/enrich/responsibilities/index.js';
import { DepartmentDoc, departmentId, toDepartmentDocs, toTaskDocs } from '../../core/index/tasks.js';
import { attachmentDisposition, csvBytes, csvField, taskLedgerRows, toCsv } from '../../src/services/task-service.js';

const registry = createDepartmentRegistry({
  departments: [
    { name: '省水利厅', level: 'provincial', abbreviations: ['水利厅'] },
    { name: '省大数据局', level: 'provincial', aliases: ['山东省大数据中心局'], abbreviations: ['大数据局'] },
    { name: '各市人民政府', level: 'municipal', aliases: ['各市政府'] },
  ],
});

const task = (id: string, owners: Task['owners'], text = '建设平台。'): Task => ({
  id,
  docId: 'doc-a',
  docTitle: '某省方案',
  clauseId: id.split('__')[0]!,
  citation: '《某省方案》一',
  title: '建设',
  text,
  owners,
  years: [2025],
  deadlines: ['到2025年'],
  form: 'note',
});

const tasks = [
  task('doc-a--t_1__t1', [
    { department: '省水利厅', role: 'lead', known: true },
    { department: '各市人民政府', role: 'cooperating', asWritten: '各市政府', known: true },
  ]),
  task('doc-a--t_2__t1', [
    { department: '省水利厅', role: 'responsible', known: true },
    { department: '省未来局', role: 'responsible', known: false },
  ]),
];

describe('toTaskDocs', () => {
  it('adds flat filter fields and segmented search fields', () => {
    const docs = toTaskDocs(tasks, (s) => [...s].join(' '));
    expect(docs[0]).toMatchObject({
      departments: ['省水利厅', '各市人民政府'],
      departmentRoles: ['省水利厅:lead', '各市人民政府:cooperating'],
      roles: ['lead', 'cooperating'],
      textSeg: '建 设 平 台 。',
      titleSeg: '建 设',
      order: 0,
    });
    for (const d of docs) expect(TaskDoc.parse(d)).toEqual(d);
    expect(toTaskDocs(tasks)[1]!.textSeg).toBe('建设平台。');
  });
});

describe('toDepartmentDocs', () => {
  it('lists every registry body with counts by role, then the unknown bodies the tasks name', () => {
    const docs = toDepartmentDocs(registry, tasks);
    expect(docs.map((d) => [d.name, d.known, d.counts.total])).toEqual([
      ['省水利厅', true, 2],
      ['省大数据局', true, 0],
      ['各市人民政府', true, 1],
      ['省未来局', false, 1],
    ]);
    expect(docs[0]!.counts).toEqual({ lead: 1, responsible: 1, cooperating: 0, total: 2 });
    expect(docs[1]!.names).toEqual(['省大数据局', '山东省大数据中心局', '大数据局']);
    expect(docs[3]!.level).toBe('provincial');
    for (const d of docs) {
      expect(DepartmentDoc.parse(d)).toEqual(d);
      expect(d.id).toMatch(/^dept-[0-9a-f]{16}$/);
    }
    expect(departmentId('省水利厅')).toBe(docs[0]!.id);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });
});

describe('the CSV 台账', () => {
  it('quotes fields per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvField('省水利厅')).toBe('省水利厅');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说“好”的"话"')).toBe('"说“好”的""话"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
  });

  it('starts with a UTF-8 byte-order mark', () => {
    const bytes = csvBytes('序号\r\n');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('序号\r\n');
  });

  it('names the file with RFC 5987', () => {
    const d = attachmentDisposition('省水利厅-任务台账(1).csv', 'tasks.csv');
    expect(d).toBe(`attachment; filename="tasks.csv"; filename*=UTF-8''${encodeURIComponent('省水利厅-任务台账').replace(/%2D/g, '-')}%281%29.csv`);
    expect(decodeURIComponent(d.split("UTF-8''")[1]!)).toBe('省水利厅-任务台账(1).csv');
  });

  it('lays out one row per task with the department’s role and every owner', () => {
    const rows = taskLedgerRows(
      tasks.map((t) => ({ ...t, role: t.owners[0]!.role, url: `/v1/clauses/${t.clauseId}` })),
    );
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(['1', '某省方案', '《某省方案》一', '建设', '建设平台。', '牵头', '省水利厅（牵头）、各市人民政府（配合）', '2025', '到2025年']);
  });
});
