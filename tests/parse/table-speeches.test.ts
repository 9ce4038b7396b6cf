import { describe, expect, it } from 'vitest';
import { parseDocument, findNodeByLabelPath } from '../../ingest/parse/index.js';
import { walk, type PolicyNode } from '../../core/model/tree.js';
import { corpusFile, documentInFile, fixture, sliceOf, textSlice, titleLineOffset } from './helpers.js';

const all = (root: PolicyNode, kind: string): PolicyNode[] => [...walk(root)].map(([n]) => n).filter((n) => n.kind === kind);

describe('tables', () => {
  const root = parseDocument(textSlice(fixture('task-table.txt'), { title: '示范任务清单', kind: 'plan' }), 'doc-tbl').root;
  const [tasks, metrics] = all(root, 'table');

  it('names columns from a two-line header (merged cells) and skips the repeated header', () => {
    expect(tasks!.data?.columns).toEqual(['任务名称', '责任部门', '工作任务/2024年', '工作任务/2025年', '工作任务/2026年']);
    expect(tasks!.data?.repeatedHeaders).toBe(1);
    expect(tasks!.children).toHaveLength(5);
    expect(tasks!.children.every((r) => r.kind === 'row' && !r.text.startsWith('任务名称'))).toBe(true);
    // "附件" on the first line marks the document itself as an attachment: no attachment level inside it.
    expect(root.children[0]!.data?.role).toBe('attachment-mark');
    expect(tasks!.citation).toBe('《示范任务清单》表1');
    expect(tasks!.children[2]!.citation).toBe('《示范任务清单》表1第3行');
    expect(metrics!.citation).toBe('《示范任务清单》表2');
  });

  it('lets a continuation row inherit the task name, across the page break', () => {
    const rows = tasks!.children;
    expect(rows[1]!.data).toMatchObject({ continuation: true, cells: { 任务名称: '加强标准管理', 责任部门: '省大数据局' } });
    expect(rows[3]!.data).toMatchObject({ continuation: true, cells: { 任务名称: '提供涉企服务', 责任部门: '省法院' } });
    expect(rows[4]!.data?.continuation).toBeUndefined();
    expect(rows[4]!.data?.cells).toMatchObject({ '工作任务/2024年': '优化教育服务应用。', '工作任务/2025年': '' });
  });

  it('takes the title line above a table and keeps group lines as group rows', () => {
    expect(metrics!.heading).toBe('发展主要指标');
    const groups = metrics!.children.filter((r) => r.data?.group);
    expect(groups.map((g) => g.text)).toEqual(['数字基础设施', '数字经济']);
    const row = metrics!.children.find((r) => r.text.startsWith('5G'))!;
    expect(row.data).toMatchObject({ groupLabel: '数字基础设施', cells: { '指标名称（单位）': '5G基站数（万个）', '2020年': '5.1' } });
  });

  it('the 任务清单 of the compilation: continuation rows after repeated headers inherit their task', () => {
    const file = corpusFile('zibo-big-data-laws-and-policies-compilation-2023.txt');
    const doc = parseDocument(documentInFile(file, '山东省数字政府建设“385”行动计划', '山东省支持数字经济发展的意见', 'plan'), 'doc-385');
    const att2 = findNodeByLabelPath(doc.root, ['附件2'])!;
    const tables = all(att2, 'table');
    expect(tables).toHaveLength(9);
    const rows = tables.flatMap((t) => t.children);
    expect(rows.length).toBeGreaterThan(150);
    for (const row of rows) {
      const cells = row.data?.cells as Record<string, string>;
      expect(cells['任务名称']).not.toBe('');
      expect(cells['任务名称']).not.toBe('任务名称');
      expect(Object.keys(cells)).toContain('工作任务/2024年');
    }
    const culture = rows.find((r) => (r.data?.cells as Record<string, string>)['责任部门'] === '省文化和旅游厅')!;
    expect(culture.data).toMatchObject({ continuation: true, cells: { 任务名称: '拓展普惠智能的民生服务' } });
    // The first attachment has no 附件 marker: its title repeats the notice's 附件 list.
    expect(findNodeByLabelPath(doc.root, ['附件1'])!.heading).toBe('省直有关部门数字政府建设责任分工');
  });

  it('the appended catalogue: one row per listed document, numbered as printed', () => {
    const file = corpusFile('zibo-big-data-laws-and-policies-compilation-2023.txt');
    const start = titleLineOffset(file.text, '附表');
    const doc = parseDocument(sliceOf(file, { title: '大数据相关政策文件清单', kind: 'catalogue' }, start), 'doc-cat');
    const rows = all(doc.root, 'row');
    expect(rows.map((r) => r.label)).toEqual(Array.from({ length: 84 }, (_, i) => String(i + 1)));
    expect(rows[0]!.data?.cells).toMatchObject({ 序号: '1', 发文日期: '2016.11.07' });
  });
});

describe('speech excerpts', () => {
  const doc = parseDocument(textSlice(fixture('speeches.txt'), { title: '重要论述摘编', kind: 'speeches' }), 'doc-sp');

  it('groups excerpts under year headings, one excerpt per attribution', () => {
    const years = doc.root.children.filter((c) => c.kind === 'heading');
    expect(years.map((y) => [y.eId, y.label])).toEqual([
      ['year_2014', '2014年'],
      ['year_2015', '2015年'],
    ]);
    expect(years.map((y) => y.children.length)).toEqual([2, 1]);
  });

  it('keeps a multi-paragraph quotation together and records attribution and date', () => {
    const exc = findNodeByLabelPath(doc.root, ['2014年'])!.children[1]!;
    expect(exc.kind).toBe('excerpt');
    expect(exc.eId).toBe('year_2014__exc_2');
    expect(exc.text.split('\n')).toHaveLength(3);
    expect(exc.data).toMatchObject({ attribution: '2014年6月9日在某大会上的讲话', date: '2014-06-09' });
    expect(exc.citation).toBe('《重要论述摘编》2014年6月9日在某大会上的讲话');
    const range = findNodeByLabelPath(doc.root, ['2015年'])!.children[0]!;
    expect(range.data?.date).toBe('2015-12-16');
  });

  it('the collection in the compilation: one excerpt per attribution line, years 2014–2023', () => {
    const file = corpusFile('zibo-big-data-laws-and-policies-compilation-2023.txt');
    const slice = documentInFile(file, '习近平总书记关于大数据重要论述摘编', '国家大数据法规政策', 'speeches');
    const real = parseDocument(slice, 'doc-speech');
    const attributions = slice.text.split('\n').filter((l) => /^——\s*\d{4}\s*年/.test(l)).length;
    expect(all(real.root, 'excerpt')).toHaveLength(attributions);
    expect(real.root.children.filter((c) => c.kind === 'heading').map((h) => h.label)).toEqual(
      Array.from({ length: 10 }, (_, i) => `${2014 + i}年`),
    );
    for (const exc of all(real.root, 'excerpt')) expect(exc.data?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(real.messages).toEqual([]);
  });
});
