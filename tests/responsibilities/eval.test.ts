import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold, scoreOwners, type OwnerLabel } from '../eval/owners-metrics.js';
import type { Task } from '../../ingest/enrich/responsibilities/index.js';

const task = (text: string, owners: Array<[string, Task['owners'][number]['role']]>, form: Task['form'] = 'note'): Task => ({
  id: 'd--t__t1',
  docId: 'd',
  docTitle: '某省行动方案',
  clauseId: 'd--t',
  citation: '',
  text,
  owners: owners.map(([department, role]) => ({ department, role, known: true })),
  years: [],
  deadlines: [],
  form,
});
const label = (anchor: string, owners: OwnerLabel['owners']): OwnerLabel => ({ doc: '某省行动方案', where: '', form: 'note', anchor, owners });

describe('scoreOwners', () => {
  it('scores (task, department, role) triples', () => {
    const s = scoreOwners(
      [task('建设 ５G 网络。', [['省通信管理局', 'responsible'], ['省大数据局', 'cooperating']])],
      [label('建设5G网络', [['省通信管理局', 'responsible'], ['省大数据局', 'responsible'], ['各市人民政府', 'responsible']])],
    );
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.departmentPrecision).toBe(1);
    expect(s.departmentRecall).toBeCloseTo(2 / 3);
    expect(s.problems).toHaveLength(1);
  });

  it('counts a label no task matches against recall', () => {
    const s = scoreOwners([task('别的任务。', [['省水利厅', 'responsible']])], [label('建设5G网络', [['省通信管理局', 'responsible']])]);
    expect(s.matched).toBe(0);
    expect(s.recall).toBe(0);
    expect(s.problems[0]).toMatch(/not found/);
  });

  it('folds spaces, widths and punctuation', () => {
    expect(fold('到 ２０２５ 年，（责任单位）')).toBe(fold('到2025年,(责任单位)'));
  });

  it('the committed labels are well formed: 60+ tasks, every form, canonical roles', () => {
    const labels = (JSON.parse(readFileSync(new URL('../labels/tasks.json', import.meta.url), 'utf8')) as { tasks: OwnerLabel[] }).tasks;
    expect(labels.length).toBeGreaterThanOrEqual(60);
    expect(new Set(labels.map((l) => l.form))).toEqual(new Set(['note', 'table', 'section']));
    expect(new Set(labels.map((l) => l.doc)).size).toBeGreaterThanOrEqual(5);
    for (const l of labels) for (const [, r] of l.owners) expect(['lead', 'responsible', 'cooperating']).toContain(r);
  });
});
