import { describe, expect, it } from 'vitest';
import { parseDocument, countNodesByKind, findNodeByLabelPath } from '../../ingest/parse/index.js';
import { walk, type PolicyNode } from '../../core/model/tree.js';
import { corpusFile, documentInFile, fixture, sliceOf, textSlice, titleLineOffset } from './helpers.js';

const all = (root: PolicyNode, kind: string): PolicyNode[] => [...walk(root)].map(([n]) => n).filter((n) => n.kind === kind);

describe('plans: levels by order of appearance', () => {
  const doc = parseDocument(
    textSlice(fixture('plan-levels.txt'), { title: '示范数字经济发展行动方案', version: '（2024-2025年）', kind: 'plan' }),
    'doc-plan',
  );
  const root = doc.root;

  it('nests 1. directly under 二、 when （一） is skipped', () => {
    const two = findNodeByLabelPath(root, ['二、'])!;
    expect(two.kind).toBe('heading');
    expect(two.children.map((c) => [c.kind, c.eId])).toEqual([
      ['task', 'lvl1_2__lvl2_1'],
      ['task', 'lvl1_2__lvl2_2'],
    ]);
  });

  it('takes a task heading from its short opening sentence, and cites by the label path', () => {
    const task = findNodeByLabelPath(root, ['二、', '1.'])!;
    expect(task.heading).toBe('加快5G商用');
    expect(task.citation).toBe('《示范数字经济发展行动方案（2024-2025年）》二1');
    expect(task.text).toContain('（责任单位：省通信管理局、省工业和信息化厅）');
    // One sentence and a responsibility note: a task with no separate title.
    const task2 = findNodeByLabelPath(root, ['二、', '2.'])!;
    expect(task2.kind).toBe('task');
    expect(task2.heading).toBeUndefined();
    expect(task2.text.endsWith('（责任单位：省大数据局）')).toBe(true);
  });

  it('builds four levels 三（一）1（1）', () => {
    const deep = findNodeByLabelPath(root, ['三、', '（一）', '1.', '（2）'])!;
    expect(deep).toMatchObject({ kind: 'task', eId: 'lvl1_3__lvl2_1__lvl3_1__lvl4_2', heading: '强化考核' });
    expect(deep.citation).toBe('《示范数字经济发展行动方案（2024-2025年）》三（一）1（2）');
    expect(deep.data?.numbering).toBe('（1）');
    // A numbered line with numbered children is a heading, its text its own line only.
    const parent = findNodeByLabelPath(root, ['三、', '（一）', '1.'])!;
    expect(parent.kind).toBe('heading');
    expect(parent.text).toBe('1.建立工作机制。成立工作专班，定期调度重点任务。');
  });

  it('makes a one-sentence line followed by paragraphs a heading with blocks', () => {
    const h = findNodeByLabelPath(root, ['三、', '（二）'])!;
    expect(h).toMatchObject({ kind: 'heading', heading: '强化宣传引导，营造良好氛围' });
    expect(h.children.map((c) => c.kind)).toEqual(['block']);
  });

  it('starts attachments from the 附件 list titles and from 附件N markers', () => {
    const atts = root.children.filter((c) => c.data?.numbering === '附件');
    expect(atts.map((a) => [a.eId, a.label, a.heading])).toEqual([
      ['att_1', '附件1', '重点任务分工'],
      ['att_2', '附件2', '重点项目清单'],
    ]);
    expect(findNodeByLabelPath(atts[0]!, ['（一）'])!.citation).toBe('《示范数字经济发展行动方案（2024-2025年）》附件1（一）');
    expect(findNodeByLabelPath(atts[1]!, ['1.'])!.citation).toBe('《示范数字经济发展行动方案（2024-2025年）》附件2第1项');
    const list = root.children.find((c) => c.data?.role === 'attachments');
    expect(list?.text).toBe('附件：1.重点任务分工\n2.重点项目清单');
    expect(root.children.at(-1)).toMatchObject({ kind: 'block', data: { role: 'colophon' } });
  });
});

describe('plans: 专栏 boxes', () => {
  const root = parseDocument(textSlice(fixture('plan-boxes.txt'), { title: '示范新型基础设施行动计划', kind: 'plan' }), 'doc-box').root;

  it('puts a box with its own numbered items under the section it illustrates', () => {
    const box1 = all(root, 'box')[0]!;
    expect(box1).toMatchObject({ eId: 'lvl1_1__lvl2_1__box_1', label: '专栏1', heading: '网络提升工程' });
    expect(box1.citation).toBe('《示范新型基础设施行动计划》专栏1');
    expect(box1.children.map((c) => [c.kind, c.label])).toEqual([
      ['task', '1.'],
      ['task', '2.'],
    ]);
    expect(box1.children[1]!.citation).toBe('《示范新型基础设施行动计划》专栏1第2项');
  });

  it('ends a box at the next outer heading, or where the outer numbering resumes', () => {
    const second = findNodeByLabelPath(root, ['一、', '（二）'])!;
    expect(second.children.map((c) => [c.kind, c.label ?? ''])).toEqual([
      ['task', '3.'],
      ['box', '专栏2'],
      ['task', '4.'],
      ['box', '专栏3'],
    ]);
    const box2 = second.children[1]!;
    expect(box2.children.map((c) => c.kind)).toEqual(['block', 'block']);
    // 工程专栏三：… — a Chinese box number.
    expect(second.children[3]!.eId).toBe('lvl1_1__lvl2_2__box_3');
    expect(second.children[3]!.children.map((c) => c.kind)).toEqual(['task']);
    expect(findNodeByLabelPath(root, ['二、'])!.children.map((c) => c.kind)).toEqual(['block']);
  });
});

describe('plans: section titles whose numbering was lost', () => {
  const root = parseDocument(textSlice(fixture('plan-lost-titles.txt'), { title: '示范发展纲要', kind: 'plan' }), 'doc-lost').root;

  it('turns an unnumbered title before a restarting （一） into a heading', () => {
    const heads = root.children.filter((c) => c.kind === 'heading');
    expect(heads.map((h) => [h.eId, h.heading])).toEqual([
      ['hd_1', '发展形势和重要意义'],
      ['hd_2', '主要任务'],
      ['hd_3', '政策机制'],
    ]);
    expect(heads.map((h) => h.children.filter((c) => c.kind === 'task').length)).toEqual([2, 2, 1]);
    expect(heads[2]!.children[0]!.citation).toBe('《示范发展纲要》政策机制（一）');
    // The box between keeps only its own paragraph.
    expect(all(root, 'box')[0]!.children.map((c) => c.text)).toEqual(['推动政府数据资源共享。制定共享管理办法。']);
  });
});

describe('plans in the real corpus', () => {
  it('the action plan (md): 4 top sections, 25 numbered tasks, 9 boxes, citations by label path', () => {
    const file = corpusFile('shandong-digital-infrastructure-action-plan-2024-2025.md');
    const start = titleLineOffset(file.text, '山东省数字基础设施建设行动方案');
    expect(start).toBeGreaterThan(0);
    const doc = parseDocument(sliceOf(file, { title: '山东省数字基础设施建设行动方案', version: '（2024-2025年）', kind: 'plan' }, start), 'doc-md');
    const top = doc.root.children.filter((c) => c.kind === 'heading');
    expect(top.map((h) => h.label)).toEqual(['一、', '二、', '三、', '四、']);
    const boxes = all(doc.root, 'box');
    expect(boxes.map((b) => b.label)).toEqual(Array.from({ length: 9 }, (_, i) => `专栏${i + 1}`));
    // Tasks outside boxes are numbered 1…25 through the sections.
    const tasks = [...walk(doc.root)].filter(([n, anc]) => n.kind === 'task' && !anc.some((a) => a.kind === 'box')).map(([n]) => n);
    expect(tasks.map((t) => t.label)).toEqual(Array.from({ length: 25 }, (_, i) => `${i + 1}.`));
    const t3 = findNodeByLabelPath(doc.root, ['二、', '（一）', '3.'])!;
    expect(t3.citation).toBe('《山东省数字基础设施建设行动方案（2024-2025年）》二（一）3');
    expect(t3.heading).toBe('持续推进IPv6+网络升级演进');
    // The task that a page break split is one task ending with its responsibility note.
    expect(t3.text).toMatch(/持续提升IPv6端到端贯通能力。/);
    expect(t3.text).toMatch(/（责任单位：省委网信办、省通信管理局）$/);
    // Every box sits in the section it illustrates, and its items restart at 1.
    for (const box of boxes) {
      expect(box.eId).toMatch(/^lvl1_\d+__lvl2_\d+__box_\d+$/);
      const first = box.children.find((c) => c.kind === 'task');
      if (first) expect(first.label).toBe('1.');
    }
    expect(doc.messages.filter((m) => m.rule === 'parse/numbering-gap')).toEqual([]);
  });

  it('the three-year plan: "1.加快5G商用。…" is a task headed 加快5G商用', () => {
    const file = corpusFile('shandong-new-infrastructure-three-year-action-plan-2020-2022.txt');
    const doc = parseDocument(sliceOf(file, { title: '山东省新基建三年行动方案（2020-2022年）', kind: 'plan' }), 'doc-3y');
    const t = findNodeByLabelPath(doc.root, ['二、', '（一）', '1.'])!;
    expect(t).toMatchObject({ kind: 'task', heading: '加快5G商用' });
    // The responsibility note on its own line after a page break stays with its task.
    const farm = findNodeByLabelPath(doc.root, ['三、', '（一）', '2.'])!;
    expect(farm.text).toMatch(/（责任单位：省农业农村厅、省商务厅、省发展改革委、省委网信办，各市政府）$/);
    expect(doc.root.children.at(-1)!.data?.role).toBe('colophon');
  });

  it('the provincial plan inside the compilation: contents list skipped, 18 boxes, lost-numbering titles recovered elsewhere', () => {
    const file = corpusFile('zibo-big-data-laws-and-policies-compilation-2023.txt');
    const doc = parseDocument(documentInFile(file, '山东省“十四五”数字强省建设规划', '山东省数字政府建设实施方案', 'plan'), 'doc-14');
    expect(doc.root.children.filter((c) => c.data?.role === 'toc')).toHaveLength(1);
    const top = doc.root.children.filter((c) => c.kind === 'heading');
    expect(top.map((h) => h.label)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、']);
    expect(all(doc.root, 'box')).toHaveLength(18);
    const table = all(doc.root, 'table')[0]!;
    expect(table.heading).toMatch(/主要指标$/);
    expect(table.children.filter((r) => r.data?.group)).toHaveLength(4);

    const outline = parseDocument(documentInFile(file, '促进大数据发展行动纲要', '“十四五”数字经济发展规划', 'plan'), 'doc-gy');
    const heads = outline.root.children.filter((c) => c.kind === 'heading');
    expect(heads.map((h) => h.heading)).toEqual(['发展形势和重要意义', '指导思想和总体目标', '主要任务', '政策机制']);
    expect(all(outline.root, 'box')).toHaveLength(10);
  });

  it('the provincial plan (hard-wrapped original): list items whose dot was lost are still items', () => {
    const file = corpusFile('shandong-14th-five-year-digital-province-plan-2021.txt');
    const doc = parseDocument(sliceOf(file, { title: '山东省“十四五”数字强省建设规划', kind: 'plan' }), 'doc-003');
    const t = findNodeByLabelPath(doc.root, ['三、', '（一）', '1.'])!;
    expect(t.heading).toBe('建设泛在连接的通信基础设施');
    expect(doc.messages.some((m) => m.rule === 'parse/lost-list-dot')).toBe(true);
    expect(countNodesByKind(doc.root).box).toBe(18);
  });
});
