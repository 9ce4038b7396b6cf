import { beforeAll, describe, expect, it } from 'vitest';
import { loadDepartmentRegistry, type DepartmentRegistry } from '../../core/departments/index.js';
import { Task, documentLevel, extractResponsibilities, extractYears, readTaskTable } from '../../ingest/enrich/responsibilities/index.js';
import type { PolicyNode } from '../../core/model/tree.js';
import { block, heading, makeDoc, nodes, table, task } from './helpers/tree.js';

let registry: DepartmentRegistry;
beforeAll(async () => {
  registry = await loadDepartmentRegistry();
});

const triples = (tasks: Task[]) => tasks.map((t) => t.owners.map((o) => `${o.department}:${o.role}`).join(' '));

describe('extractYears', () => {
  it('finds years and the deadlines among them', () => {
    expect(extractYears('2020年新开通5G基站4万个，到2022年年底，基本实现覆盖。')).toEqual({ years: [2020, 2022], deadlines: ['到2022年年底'] });
    expect(extractYears('2023 年年底前，建成平台；2025年底前完成。').deadlines).toEqual(['2023年年底前', '2025年底前']);
    expect(extractYears('自2020年起，新建数据中心PUE值不高于1.3').deadlines).toEqual(['自2020年起']);
    expect(extractYears('落实《规划（2018-2022年）》，推进建设').years).toEqual([]);
    expect(extractYears('2024—2026年持续推进').years).toEqual([2024, 2026]);
  });
});

describe('owner notes in items', () => {
  it('one item with several notes yields several tasks, each with the sentences since the previous note', () => {
    const doc = makeDoc('某省数字基础设施指导意见', [
      heading('二、重点任务', [
        task(
          '1.发展新一代移动通信网络。高质量建设5G网络，到2022年年底实现覆盖。（省通信管理局、省工业和信息化厅分工负责）推动智慧广电网络建设。（省广电局、省通信管理局分工负责）建设天地一体化信息网络。（省科技厅、省自然资源厅分工负责，省发展改革委、有关市政府配合）',
        ),
        task('2.推进智慧交通。开展车联网示范。（省交通运输厅负责，省公安厅、有关市政府配合）'),
      ]),
    ]);
    const { tasks, messages } = extractResponsibilities([doc], registry);
    expect(tasks.map((t) => t.text)).toEqual([
      '发展新一代移动通信网络。高质量建设5G网络，到2022年年底实现覆盖。',
      '推动智慧广电网络建设。',
      '建设天地一体化信息网络。',
      '推进智慧交通。开展车联网示范。',
    ]);
    expect(triples(tasks)).toEqual([
      '省通信管理局:responsible 省工业和信息化厅:responsible',
      '省广电局:responsible 省通信管理局:responsible',
      '省科技厅:responsible 省自然资源厅:responsible 省发展改革委:cooperating 各有关市人民政府:cooperating',
      '省交通运输厅:responsible 省公安厅:cooperating 各有关市人民政府:cooperating',
    ]);
    const item = doc.root.children[0]!.children[0]!;
    expect(tasks.slice(0, 3).map((t) => t.id)).toEqual([`${item.id}__t1`, `${item.id}__t2`, `${item.id}__t3`]);
    expect(tasks[0]).toMatchObject({ clauseId: item.id, citation: item.citation, title: '发展新一代移动通信网络', years: [2022], deadlines: ['到2022年年底'] });
    expect(tasks[2]!.owners.find((o) => o.department === '各有关市人民政府')).toEqual({
      department: '各有关市人民政府',
      role: 'cooperating',
      asWritten: '有关市政府',
      known: true,
      collective: true,
    });
    expect(messages.filter((m) => m.severity !== 'info')).toEqual([]);
    for (const t of tasks) expect(Task.parse(t)).toEqual(t);
  });

  it('annotates the clause (owners deduplicated in order, task ids) and never reshapes the tree', () => {
    const doc = makeDoc('某省行动方案', [
      task('1.建设平台。建设A。（责任单位：省大数据局、省财政厅）建设B。（牵头单位：省大数据局，责任单位：省政府各部门）'),
    ]);
    const before = JSON.parse(JSON.stringify(doc.root)) as PolicyNode;
    const { tasks } = extractResponsibilities([doc], registry);
    const item = doc.root.children[0]!;
    expect(item.data?.taskIds).toEqual(tasks.map((t) => t.id));
    expect(item.data?.owners).toEqual([
      { department: '省大数据局', role: 'responsible', known: true },
      { department: '省财政厅', role: 'responsible', known: true },
      { department: '省大数据局', role: 'lead', known: true },
      { department: '省政府各部门', role: 'responsible', known: true, collective: true },
    ]);
    const strip = (n: PolicyNode): unknown => ({ ...n, data: undefined, children: n.children.map(strip) });
    expect(strip(doc.root)).toEqual(strip(before));
    expect(JSON.parse(JSON.stringify(doc.root))).toEqual(doc.root);
  });

  it('gives a note standing in its own paragraph to the item before it', () => {
    const doc = makeDoc('某省实施方案', [
      task('6.公共信用服务。优化升级公共信用信息平台。2025 年年底前，建成社会信用体系。'),
      block('（责任单位：省发展改革委）'),
      task('7.地理信息服务。提升地理信息服务水平。（牵头单位：省自然资源厅）'),
    ]);
    const { tasks } = extractResponsibilities([doc], registry);
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ clauseId: doc.root.children[0]!.id, text: '公共信用服务。优化升级公共信用信息平台。2025 年年底前，建成社会信用体系。' });
    expect(tasks[0]!.deadlines).toEqual(['2025年年底前']);
    expect(triples(tasks)).toEqual(['省发展改革委:responsible', '省自然资源厅:lead']);
    expect(doc.root.children[1]!.data?.taskIds).toBeUndefined();
  });

  it('joins a note cut by a page break between two paragraphs', () => {
    const doc = makeDoc('某省行动计划', [
      task('24.建立评估评价体系。定期组织评估评价。（牵头单位：省大数'),
      block('据局，责任单位：省纪委监委机关、省委组织部）'),
      task('25.完善法规制度体系。推动出台法规。（牵头单位：省委网信办、省司法厅）'),
    ]);
    const { tasks } = extractResponsibilities([doc], registry);
    expect(triples(tasks)).toEqual(['省大数据局:lead 省纪委监委机关:responsible 省委组织部:responsible', '省委网信办:lead 省司法厅:lead']);
    expect(tasks[0]!.text).toBe('建立评估评价体系。定期组织评估评价。');
  });

  it('reports unknown departments (kept, known: false) and fragments that are not bodies', () => {
    const doc = makeDoc('某省行动方案', [task('1.建设。推进试点。（责任单位：省未来产业局、省大数据局，按要求落实）')]);
    const { tasks, messages } = extractResponsibilities([doc], registry);
    expect(tasks[0]!.owners).toEqual([
      { department: '省未来产业局', role: 'responsible', known: false },
      { department: '省大数据局', role: 'responsible', known: true },
    ]);
    const unknown = messages.filter((m) => m.rule === 'owners/unknown-department');
    expect(unknown).toHaveLength(1);
    // The name as data (run-ingest's report lists these), not parsed back out of the message.
    expect(unknown[0]!.data).toMatchObject({ department: '省未来产业局', count: 1 });
    expect(unknown[0]!.message.endsWith('省未来产业局')).toBe(true);
    expect(messages.some((m) => m.rule === 'owners/not-a-body' && m.message.endsWith('按要求落实'))).toBe(true);
  });

  it('prefers the document’s level for shared abbreviations', () => {
    expect(documentLevel({ title: '某省数字政府建设实施方案' }, registry)).toBe('provincial');
    expect(documentLevel({ title: '关于加强数字政府建设的指导意见', issuer: '国务院' }, registry)).toBe('central');
    const national = makeDoc('全国一体化政务大数据体系建设指南', [task('1.建设。建成体系。（发改委负责，工信部配合）')]);
    const provincial = makeDoc('某省实施方案', [task('1.建设。建成体系。（发改委负责，工信厅配合）')]);
    const { tasks } = extractResponsibilities([national, provincial], registry);
    expect(triples(tasks)).toEqual(['国家发展改革委:responsible 工业和信息化部:cooperating', '省发展改革委:responsible 省工业和信息化厅:cooperating']);
  });
});

describe('task tables', () => {
  const lines = [
    '任务名称\t责任部门\t工作任务\t\t',
    '\t\t2024 年\t2025 年\t2026 年',
    '加强政务服务标准管理\t省政府办公厅\t修订完善事项目录。\t动态调整事项目录。\t建成政务服务体系。',
    '\t省大数据局\t配合开展事项标准化工作。\t推进电子证照共享。\t',
    '提供优质便利的涉企服务\t省发展改革委 省大数据局\t梳理现有数字化应用，\t完成系统升级改造。\t全面提升数字化水平。',
    '任务名称\t责任部门\t工作任务\t\t',
    '\t\t2024 年\t2025 年\t2026 年',
    '\t\t制定优化提升方案。\t\t',
    '提供优质便利的涉企服务\t省委网信办 省人大常委会 会法工委\t启动立法工作。\t出台条例。\t开展宣贯。',
  ];

  it('recognizes a task table by its departments column and reads its drafts', () => {
    const doc = makeDoc('某省行动计划', [table(lines, 2)]);
    const drafts = readTaskTable(doc.root.children[0]!, registry)!;
    expect(drafts.map((d) => d.owners.map((o) => o.asWritten))).toEqual([
      ['省政府办公厅'],
      ['省大数据局'],
      ['省发展改革委', '省大数据局'],
      ['省委网信办', '省人大常委会法工委'],
    ]);
    expect(drafts[2]!.continuations).toHaveLength(1);
    expect(readTaskTable(makeDoc('x', [table(['指标\t单位\t2025年', '5G基站\t万个\t20'])]).root.children[0]!, registry)).toBeUndefined();
  });

  it('yields tasks from rows; continuation rows extend the row above; header rows repeat', () => {
    const doc = makeDoc('某省行动计划', [heading('一、公共服务任务分工', [table(lines, 2)])]);
    const { tasks } = extractResponsibilities([doc], registry);
    expect(tasks.map((t) => [t.title, t.owners.map((o) => o.department).join(' ')])).toEqual([
      ['加强政务服务标准管理', '省政府办公厅'],
      ['加强政务服务标准管理', '省大数据局'],
      ['提供优质便利的涉企服务', '省发展改革委 省大数据局'],
      ['提供优质便利的涉企服务', '省委网信办 省人大常委会法工委'],
    ]);
    expect(tasks.every((t) => t.form === 'table' && t.owners.every((o) => o.role === 'responsible'))).toBe(true);
    expect(tasks[0]!.years).toEqual([2024, 2025, 2026]);
    expect(tasks[1]!.years).toEqual([2024, 2025]);
    expect(tasks[0]!.text).toBe('2024年：修订完善事项目录。\n2025年：动态调整事项目录。\n2026年：建成政务服务体系。');
    // The row cut by the page break continues with the text of the row that has no department.
    expect(tasks[2]!.text).toContain('2024年：梳理现有数字化应用，制定优化提升方案。');
    const tbl = doc.root.children[0]!.children[0]!;
    const continuation = tbl.children.find((r) => r.text === '制定优化提升方案。');
    expect(continuation?.data?.taskIds).toEqual([tasks[2]!.id]);
    expect(tasks[0]!.id).toBe(`${tbl.children[0]!.id}__t1`);
  });

  it('reads tables with lead and cooperating columns and a deadline column', () => {
    const doc = makeDoc('某市工作方案', [
      table([
        '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
        '1\t建设城市大脑\t市大数据局\t市公安局、市交通运输局\t2025年底前',
        '2\t推进数字乡村建设\t市农业农村局\t各区县人民政府\t长期坚持',
      ]),
    ]);
    const { tasks } = extractResponsibilities([doc], registry);
    expect(tasks.map((t) => [t.text, t.owners.map((o) => `${o.department}:${o.role}`).join(' '), t.deadlines.join(), t.years.join()])).toEqual([
      ['建设城市大脑', '市大数据局:lead 市公安局:cooperating 市交通运输局:cooperating', '2025年底前', '2025'],
      ['推进数字乡村建设', '市农业农村局:lead 各区县人民政府:cooperating', '长期坚持', ''],
    ]);
  });

  it('ignores tables without a departments column', () => {
    const doc = makeDoc('某省规划', [table(['指标\t单位\t2020年\t2025年', '5G基站\t万个\t5.1\t20'])]);
    expect(extractResponsibilities([doc], registry).tasks).toEqual([]);
  });
});

describe('sections headed by a department', () => {
  it('gives each duty paragraph to the department of its heading', () => {
    const doc = makeDoc('某省行动计划', [
      heading('省直有关部门责任分工', [
        heading('（一）省委办公厅', [block('按职责推进党政部门移动办公全覆盖。')]),
        heading('（二）省水利厅', [block('加快水利数字化转型。'), block('到2026年，建成数字孪生流域。')]),
        heading('（三）推进机制', [block('建立工作机制。')]),
      ]),
    ]);
    const { tasks } = extractResponsibilities([doc], registry);
    expect(tasks.map((t) => [t.owners[0]!.department, t.text, t.form])).toEqual([
      ['省委办公厅', '按职责推进党政部门移动办公全覆盖。', 'section'],
      ['省水利厅', '加快水利数字化转型。', 'section'],
      ['省水利厅', '到2026年，建成数字孪生流域。', 'section'],
    ]);
    expect(tasks[2]!.years).toEqual([2026]);
  });

  it('reaches duties nested under sub-headings, and lets a note inside a duty win', () => {
    const doc = makeDoc('某省行动计划', [
      heading('（一）省大数据局', [
        heading('1.平台建设', [block('建设一体化大数据平台。'), block('建设数据交易中心。（牵头单位：省大数据局，责任单位：省财政厅）')]),
      ]),
    ]);
    const { tasks } = extractResponsibilities([doc], registry);
    expect(tasks.map((t) => `${t.form}|${t.text}|${t.owners.map((o) => `${o.department}:${o.role}`).join(' ')}`)).toEqual([
      'section|建设一体化大数据平台。|省大数据局:responsible',
      'note|建设数据交易中心。|省大数据局:lead 省财政厅:responsible',
    ]);
  });

  it('reads duties that follow the heading as siblings, and headings glued to their duties', () => {
    const doc = makeDoc('某省行动计划', [
      heading('（一）省公安厅'),
      block('牵头建设人口基础信息库。'),
      task('（二）省民政厅打造帮扶救助惠民服务应用。'),
      task('（三）省司法厅深化智慧调解应用。'),
    ]);
    const { tasks } = extractResponsibilities([doc], registry);
    expect(tasks.map((t) => `${t.owners[0]!.department}|${t.text}`)).toEqual([
      '省公安厅|牵头建设人口基础信息库。',
      '省民政厅|打造帮扶救助惠民服务应用。',
      '省司法厅|深化智慧调解应用。',
    ]);
  });
});

describe('helpers', () => {
  it('the fixture builder gives unique ids', () => {
    const doc = makeDoc('x', [heading('一、a', [task('1.b。c。'), task('2.d。e。')])]);
    const ids = nodes(doc.root).map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
