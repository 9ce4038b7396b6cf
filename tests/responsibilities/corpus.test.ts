/**
 * The responsibilities enricher on the real corpus, built through the whole
 * pipeline. Expected values were found by reading corpus/ (grep and by eye),
 * not by running the extractor.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealCorpus } from '../helpers/corpus.js';
import type { BuiltCorpus } from '../../ingest/pipeline.js';
import { isBodyLike, type Task } from '../../ingest/enrich/responsibilities/index.js';
import { walk, type PolicyNode } from '../../core/model/tree.js';
import type { PolicyDocument } from '../../core/model/document.js';

let built: BuiltCorpus;
beforeAll(async () => {
  built = await loadRealCorpus();
}, 120_000);

const docOf = (title: string): PolicyDocument => {
  const doc = built.documents.find((d) => d.title.replace(/\s/g, '').startsWith(title));
  if (!doc) throw new Error(`no document ${title}`);
  return doc;
};
const tasksOf = (doc: PolicyDocument): Task[] => built.tasks.filter((t) => t.docId === doc.id);
// An owner note as the documents write it: a parenthetical naming 责任单位 or ending in 负责/配合.
const NOTE = /[（(][^（）()]{0,200}?(责任单位|负责|配合)[^（）()]{0,200}?[）)]/g;

describe('the two infrastructure plans and the three-year action plan', () => {
  const plans = ['山东省数字基础设施建设的指导意见', '山东省数字基础设施建设行动方案', '山东省新基建三年行动方案'];

  it.each(plans)('%s: one task per owner note, every numbered item outside 专栏 owned', (title) => {
    const doc = docOf(title);
    const notes = doc.text.replace(/\s+/g, '').match(NOTE) ?? [];
    const tasks = tasksOf(doc);
    expect(notes.length).toBeGreaterThan(20);
    expect(tasks).toHaveLength(notes.length);
    for (const [node, ancestors] of walk(doc.root)) {
      if (node.kind === 'task' && !ancestors.some((a) => a.kind === 'box')) expect(node.data?.taskIds, node.citation).toBeDefined();
    }
    for (const t of tasks) expect(t.owners.some((o) => o.role === 'responsible'), t.citation).toBe(true);
  });

  it('the plans that write 责任单位： give every owner the responsible role', () => {
    for (const title of plans.slice(1)) {
      expect(tasksOf(docOf(title)).flatMap((t) => t.owners.map((o) => o.role))).toEqual(expect.not.arrayContaining(['lead', 'cooperating']));
    }
  });

  it('the guidance separates who is responsible (负责) from who cooperates (配合)', () => {
    const roles = tasksOf(docOf(plans[0]!)).flatMap((t) => t.owners.map((o) => o.role));
    expect(roles.filter((r) => r === 'cooperating').length).toBeGreaterThan(30);
    expect(roles).not.toContain('lead');
  });
});

describe('the task tables of the 385 action plan', () => {
  it('yield one task per (task name, department) row, with the year columns attached', () => {
    const doc = docOf('山东省数字政府建设“385”行动计划');
    const rows: PolicyNode[] = [];
    for (const [node] of walk(doc.root)) {
      const cells = node.data?.cells as Record<string, string> | undefined;
      const dept = cells && Object.entries(cells).find(([k]) => k.includes('责任部门'))?.[1];
      if (node.kind === 'row' && dept?.trim() && dept.trim() !== '责任部门') rows.push(node);
    }
    const tableTasks = tasksOf(doc).filter((t) => t.form === 'table');
    // 198 rows of the raw file name a department (counted with awk over the tab-separated lines).
    expect(rows).toHaveLength(198);
    expect(tableTasks.map((t) => t.clauseId)).toEqual(rows.map((r) => r.id));
    for (const t of tableTasks) {
      expect(t.years.length, t.citation).toBeGreaterThan(0);
      expect(t.years.every((y) => y >= 2024 && y <= 2026)).toBe(true);
      expect(t.title).toBeTruthy();
    }
  });
});

describe('lookups the product promises', () => {
  it('省水利厅 has exactly its water-conservancy tasks across documents', () => {
    const water = built.tasks
      .filter((t) => t.owners.some((o) => o.department === '省水利厅'))
      .map((t) => `${t.docTitle}|${t.form}|${t.owners.find((o) => o.department === '省水利厅')!.role}`)
      .sort();
    // Found by grepping corpus/ for 水利厅 in owner notes, task tables and department sections.
    expect(water).toEqual(
      [
        '山东省数字基础设施建设的指导意见|note|cooperating', // 智慧港口 … 省水利厅、有关市政府配合
        '山东省数字基础设施建设的指导意见|note|responsible', // 数字水利设施 （省水利厅负责，有关市政府配合）
        '山东省数字基础设施建设行动方案|note|responsible', // 18. 水旱灾害防御
        '山东省数字基础设施建设行动方案|note|responsible', // 19. 水利工程智能化改造
        '山东省数字政府建设实施方案|note|responsible', // 推进应急管理能力现代化
        '山东省数字政府建设“385”行动计划|section|responsible', // （二十）省水利厅
        '山东省数字政府建设“385”行动计划|table|responsible', // 提升应急管理智慧化水平
        '山东省数字政府建设“385”行动计划|table|responsible', // 数据应用
      ].sort(),
    );
  });

  it('no owner is a fragment that is not a body, and every body of the corpus is in the registry', () => {
    for (const t of built.tasks) {
      for (const o of t.owners) {
        expect(isBodyLike(o.department) || o.known, `${t.id}: ${o.department}`).toBe(true);
        expect(o.department, t.id).not.toMatch(/等$|负责|配合|牵头|^按/);
      }
    }
    expect(built.messages.filter((m) => m.rule === 'owners/unknown-department').map((m) => m.message)).toEqual([]);
  });

  it('annotates each clause that carries tasks', () => {
    const byId = new Map(built.documents.flatMap((d) => [...walk(d.root)].map(([n]) => [n.id, n] as const)));
    for (const t of built.tasks) {
      const node = byId.get(t.clauseId)!;
      expect(node.data?.taskIds).toContain(t.id);
      for (const o of t.owners) expect(node.data?.owners).toContainEqual(o);
    }
    expect(new Set(built.tasks.map((t) => t.id)).size).toBe(built.tasks.length);
  });

  it('counts by document and form (a snapshot: a change here is a change in extraction)', () => {
    const counts: Record<string, number> = {};
    for (const t of built.tasks) counts[`${t.docTitle}|${t.form}`] = (counts[`${t.docTitle}|${t.form}`] ?? 0) + 1;
    expect(counts).toEqual({
      '山东省数字基础设施建设的指导意见|note': 36,
      '山东省数字基础设施建设行动方案|note': 25,
      '山东省新基建三年行动方案|note': 24,
      '山东省数字政府建设实施方案|note': 60,
      '山东省数字政府建设“385”行动计划|note': 34,
      '山东省数字政府建设“385”行动计划|section': 35,
      '山东省数字政府建设“385”行动计划|table': 198,
    });
  });
});
