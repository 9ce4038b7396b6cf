/**
 * One fixture per note shape of issue 19 (and its variants: half/full width,
 * 1. / 1、 / 1﹒ / （一） numbering, a note cut by a page break), run through the
 * whole pure pipeline — normalize, split, parse, enrich — as a file would be.
 * The texts are synthetic, written in the conventions of provincial plans.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDepartmentRegistry, type DepartmentRegistry } from '../../core/departments/index.js';
import { buildCorpus } from '../../ingest/pipeline.js';
import type { Task } from '../../ingest/enrich/responsibilities/index.js';

let registry: DepartmentRegistry;
beforeAll(async () => {
  registry = await loadDepartmentRegistry();
});

function build(text: string) {
  const file = { path: 'fixture.txt', format: 'txt' as const, encoding: 'utf-8', text, sha256: createHash('sha256').update(text).digest('hex') };
  return buildCorpus([file], { registry });
}
const owners = (t: Task) => t.owners.map((o) => `${o.department}:${o.role}${o.inherited ? '*' : ''}`);
/** The owners of the task whose text holds `words`. */
function ownersOf(tasks: Task[], words: string): string[] {
  const found = tasks.filter((t) => t.text.includes(words));
  expect(found, `one task holding «${words}» among ${tasks.map((t) => t.text.slice(0, 12)).join(' | ')}`).toHaveLength(1);
  return owners(found[0]!);
}

describe('notes on their own lines', () => {
  it.each([
    ['1.', '1.'],
    ['1、', '1、'],
    ['1﹒', '1﹒'],
    ['（一）', '（一）'],
  ])('under a task numbered %s', (label) => {
    const { tasks } = build(`某省示例工作方案\n\n一、重点任务\n\n${label}建设示例平台。完善示例平台功能，到2027年接入单位200家。\n牵头单位：省大数据局\n配合单位：省财政厅、省科技厅，各市人民政府\n\n${label.replace('1', '2').replace('一', '二')}推进示例改革。开展示例改革试点。\n责任单位：省发展改革委\n`);
    expect(ownersOf(tasks, '完善示例平台功能')).toEqual(['省大数据局:lead', '省财政厅:cooperating', '省科技厅:cooperating', '各市人民政府:cooperating']);
    expect(ownersOf(tasks, '开展示例改革试点')).toEqual(['省发展改革委:responsible']);
  });

  it('reads 牵头责任单位 / 协同责任单位 and 部门分工：…牵头，…配合, and keeps a leader line apart', () => {
    const { tasks } = build(
      '某省示例实施方案\n\n一、重点任务\n\n（一）示例任务甲。建设示例园区5个。\n分管领导：王某某副省长\n牵头责任单位：省工业和信息化厅\n协同责任单位：省商务厅\n\n（二）示例任务乙。培育示例企业10家。\n部门分工：省科技厅牵头，省教育厅、省财政厅配合\n',
    );
    expect(ownersOf(tasks, '建设示例园区5个')).toEqual(['省工业和信息化厅:lead', '省商务厅:cooperating']);
    expect(tasks.find((t) => t.text.includes('建设示例园区'))!.leader).toBe('王某某副省长');
    expect(ownersOf(tasks, '培育示例企业10家')).toEqual(['省科技厅:lead', '省教育厅:cooperating', '省财政厅:cooperating']);
  });

  it('short numbered items that are tasks (targets) get the notes under them', () => {
    const { tasks, documents } = build('某市示例目标责任分解方案\n\n一、主要目标\n\n1.地区生产总值增长5%以上。\n责任单位：市发改委，市统计局\n\n2.新增示例工厂150家。\n牵头单位：市经信局；责任单位：各区县人民政府\n');
    expect(ownersOf(tasks, '地区生产总值增长5%以上')).toEqual(['市发展改革委:responsible', '市统计局:responsible']);
    expect(ownersOf(tasks, '新增示例工厂150家')).toEqual(['市经济和信息化局:lead', '各区县人民政府:responsible']);
    const kinds = documents[0]!.root.children.flatMap((c) => c.children).map((c) => c.kind);
    expect(kinds).toEqual(['task', 'task']);
  });
});

describe('label variants', () => {
  it('主要责任单位 / 具体责任单位, a 责任市领导： line, and a 关于印发… title naming the level', () => {
    const { tasks } = build('关于印发重庆市示例方案的通知\n\n一、任务\n\n1.示例一。推进示例一。\n责任市领导：分管副市长\n主要责任单位：发改委\n具体责任单位：各区县人民政府\n');
    const t = tasks.find((x) => x.text.includes('推进示例一'))!;
    expect(owners(t)).toEqual(['市发展改革委:lead', '各区县人民政府:responsible']);
    expect(t.leader).toBe('分管副市长');
  });
});

describe('other brackets', () => {
  it.each([
    ['〔', '〕'],
    ['[', ']'],
    ['［', '］'],
    ['【', '】'],
    ['(', ')'],
  ])('%s…%s', (open, close) => {
    const { tasks } = build(`某省示例方案\n\n一、重点任务\n\n1.建设示例网络。新建示例站点100个。${open}牵头单位：省通信管理局；配合单位：省工业和信息化厅${close}\n`);
    expect(ownersOf(tasks, '新建示例站点100个')).toEqual(['省通信管理局:lead', '省工业和信息化厅:cooperating']);
  });
});

describe('lists that mix separators', () => {
  it('gives the closing word’s role to the bare groups before it, across commas', () => {
    const { tasks } = build('某省示例方案\n\n一、重点任务\n\n1.示例任务。开展示例行动。（省农业农村厅牵头，省大数据局，省商务厅配合）\n\n2.示例任务二。推进示例登记。（省数据局、省财政厅牵头，省国资委、省市场监管局等部门，成都市、德阳市人民政府配合）\n\n3.示例任务三。开展示例试点。（省数据局牵头；省直有关部门，各市（州）人民政府按职责分工负责）\n');
    expect(ownersOf(tasks, '开展示例行动')).toEqual(['省农业农村厅:lead', '省大数据局:cooperating', '省商务厅:cooperating']);
    expect(ownersOf(tasks, '推进示例登记')).toEqual([
      '省数据局:lead',
      '省财政厅:lead',
      '省国资委:cooperating',
      '省市场监管局:cooperating',
      '各有关部门:cooperating',
      '成都市人民政府:cooperating',
      '德阳市人民政府:cooperating',
    ]);
    expect(ownersOf(tasks, '开展示例试点')).toEqual(['省数据局:lead', '省直各有关部门单位:responsible', '各市（州）人民政府:responsible']);
  });
});

describe('notes that hand owners down', () => {
  it('以下任务均需… holds for every later task of its section, flagged inherited; the sentence is no department', () => {
    const { tasks } = build('某省示例方案\n\n一、甲\n\n以下各项任务均需各市人民政府负责落实，不再单独列出。\n\n1.示例一。推进示例一。（省商务厅牵头，省财政厅配合）\n\n2.示例二。推进示例二。\n\n二、乙\n\n3.示例三。推进示例三。（省科技厅负责）\n');
    expect(ownersOf(tasks, '推进示例一')).toEqual(['省商务厅:lead', '省财政厅:cooperating', '各市人民政府:responsible*']);
    expect(ownersOf(tasks, '推进示例二')).toEqual(['各市人民政府:responsible*']);
    expect(ownersOf(tasks, '推进示例三')).toEqual(['省科技厅:responsible']);
    expect(tasks.flatMap((t) => t.owners).some((o) => o.department.includes('以下'))).toBe(false);
  });

  it('下同 hands a note’s owners to the later tasks without a note of their own', () => {
    const { tasks } = build('某省示例方案\n\n一、甲\n\n1.示例一。推进示例一。（省数据局牵头，省科技厅配合，各市（州）人民政府负责落实。下同）\n\n2.示例二。推进示例二。\n\n3.示例三。推进示例三。（省教育厅负责）\n');
    expect(ownersOf(tasks, '推进示例一')).toEqual(['省数据局:lead', '省科技厅:cooperating', '各市（州）人民政府:responsible']);
    expect(ownersOf(tasks, '推进示例二')).toEqual(['省数据局:lead*', '省科技厅:cooperating*', '各市（州）人民政府:responsible*']);
    expect(ownersOf(tasks, '推进示例三')).toEqual(['省教育厅:responsible']);
  });
});

describe('division-of-labour tables turned into text', () => {
  it('one cell per line: roles by the header’s column order, rows of unequal length, a leader column', () => {
    const { tasks } = build('某市示例任务分工表\n\n序号\n重点任务\n责任领导\n牵头单位\n配合单位\n1\n建设示例中心\n分管副市长\n市发展改革委\n市财政局、市科技局\n2\n培育示例企业\n分管副市长\n市经济信息委\n\n3\n开展示例评估\n常务副市长\n市统计局\n市财政局\n');
    expect(ownersOf(tasks, '建设示例中心')).toEqual(['市发展改革委:lead', '市财政局:cooperating', '市科技局:cooperating']);
    expect(ownersOf(tasks, '培育示例企业')).toEqual(['市经济信息委:lead']);
    expect(ownersOf(tasks, '开展示例评估')).toEqual(['市统计局:lead', '市财政局:cooperating']);
    expect(tasks.find((t) => t.text.includes('建设示例中心'))!.leader).toBe('分管副市长');
    expect(tasks.every((t) => t.form === 'table')).toBe(true);
  });
});

describe('several notes inside one paragraph', () => {
  it('each after its sentence; officials by post kept apart; a note stating its own rule', () => {
    const { tasks } = build('某省示例方案\n\n一、重点任务\n\n稳定示例投资，示例投资增长8%以上。（分管副省长、协管副秘书长负责，省发展改革委牵头，省财政厅配合）推动示例园区提质。（省自然资源厅、省工业和信息化厅按职责分工负责）强化示例调度。（省工业和信息化厅、省统计局、省税务局负责，列第一位的为牵头部门，其他单位按职责分工负责）\n');
    expect(ownersOf(tasks, '示例投资增长8%')).toEqual(['省发展改革委:lead', '省财政厅:cooperating']);
    expect(tasks.find((t) => t.text.includes('示例投资增长8%'))!.leader).toBe('分管副省长、协管副秘书长');
    expect(ownersOf(tasks, '推动示例园区提质')).toEqual(['省自然资源厅:responsible', '省工业和信息化厅:responsible']);
    expect(ownersOf(tasks, '强化示例调度')).toEqual(['省工业和信息化厅:lead', '省统计局:responsible', '省税务局:responsible']);
  });
});

describe('a note cut by a page break', () => {
  it('is joined and read whole', () => {
    const { tasks } = build('某省示例方案\n\n一、重点任务\n\n1.示例攻关。建设示例实验室3个。（省科技厅牵头，省教育厅、省工业和信息化厅、\n\n- 3 -\n\n省大数据局配合）\n\n2.示例二。推进示例二。（省教育厅负责）\n');
    expect(ownersOf(tasks, '建设示例实验室3个')).toEqual(['省科技厅:lead', '省教育厅:cooperating', '省工业和信息化厅:cooperating', '省大数据局:cooperating']);
  });
});

describe('collective entries and bodies of other levels', () => {
  it('keeps qualified collectives whole and typed collective', () => {
    const { tasks } = build('雁塔区示例工作要点\n\n一、重点任务\n\n1、示例一。推进示例一。\n牵头单位：区行政审批服务局\n责任单位：各街办（新区），区级相关部门\n配合单位：全区各重点项目专班\n');
    const t = tasks.find((x) => x.text.includes('推进示例一'))!;
    expect(owners(t)).toEqual(['区行政审批服务局:lead', '各街办（新区）:responsible', '区级相关部门:responsible', '全区各重点项目专班:cooperating']);
    expect(t.owners.map((o) => o.collective ?? false)).toEqual([false, true, true, true]);
  });

  it('names a bare department by the issuing body’s level: 自治区, 直辖市, city, district — never 省…', () => {
    const note = '（工业和信息化厅牵头，发展改革委、卫健委配合）';
    const region = build(`广西壮族自治区示例方案\n\n一、任务\n\n1.示例。推进示例。${note}\n`).tasks;
    expect(owners(region[0]!)).toEqual(['自治区工业和信息化厅:lead', '自治区发展改革委:cooperating', '自治区卫生健康委:cooperating']);
    const city = build('重庆市示例方案\n\n一、任务\n\n1.示例。推进示例。（市经济信息委牵头，发改委、市卫健委配合）\n').tasks;
    expect(owners(city[0]!)).toEqual(['市经济信息委:lead', '市发展改革委:cooperating', '市卫生健康委:cooperating']);
    const district = build('某市某某区示例方案\n\n一、任务\n\n1.示例。推进示例。（区发改局牵头，区卫健局、区人社局、住建局配合）\n').tasks;
    expect(owners(district[0]!)).toEqual(['区发展改革局:lead', '区卫生健康局:cooperating', '区人力资源社会保障局:cooperating', '区住房城乡建设局:cooperating']);
    const province = build('某省示例方案\n\n一、任务\n\n1.示例。推进示例。（工信厅牵头，市发改委、县卫健局配合）\n').tasks;
    expect(owners(province[0]!)).toEqual(['省工业和信息化厅:lead', '市发展改革委:cooperating', '县卫生健康局:cooperating']);
  });
});

describe('a note read in part', () => {
  it('keeps what was read and says on the document what was left', () => {
    const { tasks, messages } = build('某省示例方案\n\n一、任务\n\n1.示例。推进示例。（省科技厅牵头，省财政厅、示例专家委员会顾问团配合）\n');
    expect(ownersOf(tasks, '推进示例')).toEqual(['省科技厅:lead', '省财政厅:cooperating']);
    const partial = messages.filter((m) => m.rule === 'owners/partial-note');
    expect(partial).toHaveLength(1);
    expect(partial[0]!.message).toContain('示例专家委员会顾问团');
    expect(partial[0]!.path).toBe('fixture.txt');
  });
});

describe('division names of a provincial department (处 / 处室 / 科室)', () => {
  it.each([
    ['（', '）', '1.'],
    ['(', ')', '1、'],
    ['〔', '〕', '（一）'],
  ])('are departments in %s…%s notes under %s numbering; 好处 / 到处 are prose', (open, close, label) => {
    const { tasks } = build(`某省交通运输厅示例分工方案\n\n一、重点任务\n\n${label}完善示例路网。新改建示例公路300公里。${open}规划处牵头，建设管理处、综合运输处配合${close}\n\n${label.replace('1', '2').replace('一', '二')}提升示例服务。新增示例站点20个。${open}责任单位：运输服务科室，办公室${close}\n`);
    expect(ownersOf(tasks, '新改建示例公路300公里')).toEqual(['规划处:lead', '建设管理处:cooperating', '综合运输处:cooperating']);
    expect(ownersOf(tasks, '新增示例站点20个')).toEqual(['运输服务科室:responsible', '办公室:responsible']);
    const prose = build(`某省示例方案\n\n一、任务\n\n1.示例。推进示例。${open}让群众得到好处${close}\n`).tasks;
    expect(prose.flatMap((t) => t.owners).some((o) => o.department.endsWith('处'))).toBe(false);
  });
});

describe('a short table row whose last cell is a date', () => {
  it.each([
    ['2026年12月底'],
    ['２０２６年６月底前'],
    ['长期坚持'],
    ['三季度'],
  ])('keeps «%s» as its 完成时限, the empty cells before it', (deadline) => {
    const { tasks, messages } = build(`某市示例任务分工表\n\n序号\n工作任务\n牵头单位\n配合单位\n完成时限\n1\n建设示例中心\n市发展改革委\n市财政局、市科技局\n2026年9月底\n2\n培育示例企业\n市经济信息委\n${deadline}\n3\n开展示例评估\n市统计局\n市财政局\n2026年11月底前\n`);
    expect(ownersOf(tasks, '培育示例企业')).toEqual(['市经济信息委:lead']);
    // the date stays in its column: no owner note "read in part" with the date left over
    expect(messages.filter((m) => m.rule === 'owners/partial-note' || m.rule === 'owners/not-a-body')).toEqual([]);
    if (/年/.test(deadline)) expect(tasks.find((t) => t.text.includes('培育示例企业'))!.deadlines).toHaveLength(1);
    expect(ownersOf(tasks, '开展示例评估')).toEqual(['市统计局:lead', '市财政局:cooperating']);
    expect(tasks.flatMap((t) => t.owners).some((o) => /年|月|长期|季度/.test(o.department))).toBe(false);
  });
});

describe('hand-downs with a qualifying noun before 均', () => {
  it.each([
    ['以下民生实事项目均由各县（市、区）人民政府负责组织实施。'],
    ['以下改革事项均需各县（市、区）人民政府抓好落实，不再单独列出。'],
    ['下列重点工程任务均由各县（市、区）人民政府负责资金保障。'],
  ])('«%s» holds for the later tasks, flagged inherited', (statement) => {
    const { tasks } = build(`某市示例方案\n\n一、甲\n\n${statement}\n\n1.示例一。推进示例一。（市住房城乡建设局负责）\n\n2、示例二。推进示例二。\n`);
    expect(ownersOf(tasks, '推进示例一')).toEqual(['市住房城乡建设局:responsible', '各县（市、区）人民政府:responsible*']);
    expect(ownersOf(tasks, '推进示例二')).toEqual(['各县（市、区）人民政府:responsible*']);
    expect(tasks.flatMap((t) => t.owners).some((o) => /以下|下列|资金|实施/.test(o.department))).toBe(false);
  });
});

describe('下同 and its other spellings inside a bracket', () => {
  it.each([
    ['。下同', '﹒'],
    ['，下同', '.'],
    ['；以下同', '、'],
    ['，后同', '.'],
    ['。下同，不再列出', '﹒'],
  ])('«%s» hands the owners to the later noteless tasks, even in a run numbered on (3%s under 二、)', (mark, dot) => {
    const { tasks } = build(`某州示例方案\n\n一、甲\n\n1${dot}示例甲。推进示例甲。（州发展改革委负责）\n\n二、乙\n\n3${dot}发展示例。建设示例基地5个。（牵头单位：州卫生健康委；责任单位：各县（市）人民政府${mark}）\n\n4${dot}打造示例品牌。举办示例节2次以上。\n\n5${dot}促进示例。发放示例券。（州商务局负责）\n`);
    expect(ownersOf(tasks, '建设示例基地5个')).toEqual(['州卫生健康委:lead', '各县（市）人民政府:responsible']);
    expect(ownersOf(tasks, '举办示例节2次以上')).toEqual(['州卫生健康委:lead*', '各县（市）人民政府:responsible*']);
    expect(ownersOf(tasks, '发放示例券')).toEqual(['州商务局:responsible']);
  });
});

describe('主要责任单位 and its kin name the lead', () => {
  it.each([['主要责任单位'], ['主责单位'], ['主要牵头单位'], ['主要负责部门']])('%s：… beside 参与单位：…', (label) => {
    const { tasks } = build(`某区示例方案\n\n一、任务\n\n（一）示例。推进示例。（${label}：区发展改革委；参与单位：区财政局、区统计局）\n`);
    expect(ownersOf(tasks, '推进示例')).toEqual(['区发展改革委:lead', '区财政局:cooperating', '区统计局:cooperating']);
  });
});

describe('集体 entries sharing an opening 各, short governments, placed bodies, 按职责分工配合', () => {
  it.each([
    ['（县农业农村局牵头，各乡镇人民政府、街道办事处配合）', ['县农业农村局:lead', '各乡镇人民政府:cooperating', '各街道办事处:cooperating']],
    ['(县农业农村局负责；各镇人民政府、乡镇人民政府按职责分工配合)', ['县农业农村局:responsible', '各镇人民政府:cooperating', '各乡镇人民政府:cooperating']],
    ['〔县水利局牵头，各区政府、县政府配合〕', ['县水利局:lead', '各区人民政府:cooperating', '各县人民政府:cooperating']],
  ])('%s', (note, expected) => {
    const { tasks } = build(`某县示例方案\n\n一、任务\n\n1.示例。推进示例。${note}\n`);
    expect(ownersOf(tasks, '推进示例')).toEqual(expected);
  });

  it('a 各 cell of a table holds across its separators', () => {
    const { tasks } = build('某市某区示例任务分工表\n\n序号\n重点任务\n牵头单位\n配合单位\n1\n建设示例中心\n区投资促进办\n各镇人民政府、街道办事处，示例工业区管委会\n');
    expect(ownersOf(tasks, '建设示例中心')).toEqual(['区投资促进办:lead', '各镇人民政府:cooperating', '各街道办事处:cooperating', '示例工业区管委会:cooperating']);
  });

  it.each([['内蒙古'], ['宁夏'], ['广西']])('a body named with its place (%s…) keeps it in a 自治区 document', (place) => {
    const { tasks } = build(`${place}示例自治区示例方案\n\n一、任务\n\n1.示例。推进示例。（${place}金融监管局负责，财政厅配合）\n`);
    expect(ownersOf(tasks, '推进示例')).toEqual([`${place}金融监管局:responsible`, '自治区财政厅:cooperating']);
  });
});

describe('a note read in part, in every reader', () => {
  const partial = (messages: Array<{ rule: string; message: string }>) => messages.filter((m) => m.rule === 'owners/partial-note');
  it('a note line', () => {
    const { tasks, messages } = build('某省示例方案\n\n一、任务\n\n1.示例。推进示例。\n牵头单位：省科技厅\n配合单位：省财政厅、示例专家委员会顾问团\n');
    expect(ownersOf(tasks, '推进示例')).toEqual(['省科技厅:lead', '省财政厅:cooperating']);
    expect(partial(messages).map((m) => m.message).join()).toContain('示例专家委员会顾问团');
  });
  it('a table row', () => {
    const { tasks, messages } = build('某市示例任务分工表\n\n序号\n重点任务\n牵头单位\n配合单位\n1\n建设示例中心\n市发展改革委\n市财政局、示例专家委员会顾问团\n');
    expect(ownersOf(tasks, '建设示例中心')).toEqual(['市发展改革委:lead', '市财政局:cooperating']);
    expect(partial(messages).map((m) => m.message).join()).toContain('示例专家委员会顾问团');
  });
  it('one of several notes in a paragraph', () => {
    const { tasks, messages } = build('某省示例方案\n\n一、任务\n\n稳定示例投资。（省发展改革委牵头，省财政厅、示例专家委员会顾问团配合）推动示例提质。（省自然资源厅负责）\n');
    expect(ownersOf(tasks, '稳定示例投资')).toEqual(['省发展改革委:lead', '省财政厅:cooperating']);
    expect(ownersOf(tasks, '推动示例提质')).toEqual(['省自然资源厅:responsible']);
    expect(partial(messages)).toHaveLength(1);
  });
  it('a hand-down paragraph', () => {
    const { tasks, messages } = build('某市示例方案\n\n一、甲\n\n以下各项任务均需各区县人民政府、示例专家委员会顾问团、市财政局负责落实。\n\n1.示例一。推进示例一。\n');
    expect(ownersOf(tasks, '推进示例一')).toEqual(['各区县人民政府:responsible*', '市财政局:responsible*']);
    expect(partial(messages).map((m) => m.message).join()).toContain('示例专家委员会顾问团');
  });
});

// Shapes met in the fifth blind batch (tests/labels/shapes-blind4/, 2026-12-04), each written again here in other words.
describe('a deadline part beside the owners (完成时限：, 时间节点：)', () => {
  it('on its own line under note lines, or inside a bracket note, names no body', () => {
    const { tasks, messages } = build(
      '某市示例任务分工方案\n\n一、重点任务\n\n（一）示例任务甲。新增示例企业30家。\n牵头单位：市科技局\n配合单位：市财政局，各县（市、区）人民政府\n完成时限：2027年12月底\n\n（二）示例任务乙。建成示例平台1个。（责任单位：市民政局、市卫健委，时间节点：6月底前完成）\n',
    );
    expect(ownersOf(tasks, '新增示例企业30家')).toEqual(['市科技局:lead', '市财政局:cooperating', '各县（市、区）人民政府:cooperating']);
    expect(ownersOf(tasks, '建成示例平台1个')).toEqual(['市民政局:responsible', '市卫生健康委:responsible']);
    expect(messages.filter((m) => m.rule === 'owners/partial-note')).toEqual([]);
  });
});

describe('a labelled note that goes on with closing words', () => {
  it('责任单位：A牵头，B，C、D配合 — the bare group after a closing word waits for the next one', () => {
    const { tasks } = build('某省示例工作要点\n\n一、重点任务\n\n1、培育示例机构20家以上。〔责任单位：省科技厅牵头，省教育厅，省财政厅、省商务厅配合〕\n2、完善示例制度。（责任单位：省司法厅，省公安厅配合）\n');
    expect(ownersOf(tasks, '培育示例机构')).toEqual(['省科技厅:lead', '省教育厅:cooperating', '省财政厅:cooperating', '省商务厅:cooperating']);
    // No closing word before it: the bare name keeps the label's role.
    expect(ownersOf(tasks, '完善示例制度')).toEqual(['省司法厅:responsible', '省公安厅:cooperating']);
  });
});

describe('hand-downs in other places', () => {
  it('以下任务均涉及X，由其…抓好落实 — the owners just named, not the pronoun', () => {
    const { tasks } = build('某省示例工作要点\n\n一、重点任务\n\n以下任务均涉及各市（州）示例主管部门，由其结合实际抓好落实，不再逐项列出。\n1、示例任务甲。建成示例中心3个。（责任单位：省科技厅）\n');
    expect(ownersOf(tasks, '建成示例中心3个')).toEqual(['省科技厅:responsible', '各市（州）示例主管部门:responsible*']);
  });

  it('stated after a heading’s title, it holds for the items under that heading only', () => {
    const { tasks } = build(
      '西藏自治区示例目标任务分解方案\n\n一、重点任务\n\n（一）示例任务甲。以下政策措施均需各市人民政府配合落实，不再单独列出。\n1﹒完成示例造林50万亩。（林业和草原局牵头）\n2﹒示例水质保持Ⅱ类。（生态环境厅负责）\n（二）示例任务乙。新增示例床位500张。（民政厅负责）\n',
    );
    expect(ownersOf(tasks, '完成示例造林')).toEqual(['自治区林业和草原局:lead', '各市人民政府:cooperating*']);
    expect(ownersOf(tasks, '示例水质保持')).toEqual(['自治区生态环境厅:responsible', '各市人民政府:cooperating*']);
    expect(ownersOf(tasks, '新增示例床位')).toEqual(['自治区民政厅:responsible']);
  });

  it('（下同） after one clause of a note hands down that clause only, to the tasks without a note', () => {
    const { tasks } = build(
      '某区示例实施方案\n\n一、重点任务\n\n（一）示例任务甲。加装示例电梯100部。\n部门分工：区住建局牵头，区城管局配合；各街办（新区）负责具体实施（下同）。\n（二）示例任务乙。改造示例小巷30条。\n',
    );
    expect(ownersOf(tasks, '加装示例电梯')).toEqual(['区住房城乡建设局:lead', '区城管局:cooperating', '各街办（新区）:responsible']);
    expect(ownersOf(tasks, '改造示例小巷')).toEqual(['各街办（新区）:responsible*']);
  });
});

describe('a cell-per-line table as extraction leaves it', () => {
  it('a header name cut over two lines, a body’s name cut at a line’s end, a page number between cells, roles inside a 责任单位 cell', () => {
    const { tasks } = build(
      '某市示例任务清单\n\n序号\n重点任务\n责任单位\n完成\n时限\n1\n推进示例贸易扩面，出口额增长8%以上\n市商务局（牵头）、市市场监督\n管理局\n2027年12月\n2\n建设示例中心，新增示例主体300家\n-7-\n市商务局牵头，市发改局、市财政局配合\n2027年10月\n3\n深化示例班列运营\n市交通运输局、市国资委\n',
    );
    expect(ownersOf(tasks, '出口额增长8%以上')).toEqual(['市商务局:lead', '市市场监管局:responsible']);
    expect(ownersOf(tasks, '新增示例主体300家')).toEqual(['市商务局:lead', '市发展改革局:cooperating', '市财政局:cooperating']);
    expect(ownersOf(tasks, '深化示例班列运营')).toEqual(['市交通运输局:responsible', '市国资委:responsible']);
  });

  it('a row short of a cell whose last cell is a person keeps it under 责任领导', () => {
    const { tasks } = build('某区示例项目分解\n\n序号\n项目名称\n牵头单位\n配合单位\n责任领导\n1\n示例片区改造\n区城改办\n区财政局\n李某东\n2\n示例河道提升\n区城管局\n赵某\n');
    expect(ownersOf(tasks, '示例河道提升')).toEqual(['区城管局:lead']);
    expect(tasks.find((t) => t.text.includes('示例河道提升'))!.leader).toBe('赵某');
    expect(ownersOf(tasks, '示例片区改造')).toEqual(['区城改办:lead', '区财政局:cooperating']);
  });
});

describe('parentheses written 〈〉 inside a bracket note', () => {
  it('keep 各县〈市、区〉人民政府 whole', () => {
    const { tasks } = build('某市示例分工方案\n\n一、重点任务\n\n（一）示例任务。新增示例企业10家。（责任单位：市科技局，各县〈市、区〉人民政府）\n');
    expect(ownersOf(tasks, '新增示例企业10家')).toEqual(['市科技局:responsible', '各县（市、区）人民政府:responsible']);
  });
});

describe('a hand-down in brackets after a heading’s title', () => {
  it.each([
    ['（一）', '1.', '（', '）'],
    ['（一）', '1、', '(', ')'],
    ['二、', '（一）', '〔', '〕'],
    ['（一）', '1.', '【', '】'],
  ])('under %s, tasks numbered %s, bracket %s…%s', (heading, label, open, close) => {
    const next = label.replace('1', '2').replace('一', '二');
    const { tasks } = build(
      `某省示例工作方案\n\n一、总体要求\n\n推进示例工作。\n\n${heading}示例重点任务${open}以下各项任务均需各市人民政府负责落实，不再一一列出${close}\n\n${label}建设示例平台。完善示例平台功能。（责任单位：省大数据局）\n\n${next}推进示例改革。开展示例改革试点。\n`,
    );
    expect(ownersOf(tasks, '完善示例平台功能')).toEqual(['省大数据局:responsible', '各市人民政府:responsible*']);
    expect(ownersOf(tasks, '开展示例改革试点')).toEqual(['各市人民政府:responsible*']);
    // The statement is not a department, and the heading holding it is not a task of its own.
    expect(tasks.flatMap((t) => t.owners).some((o) => o.department.includes('以下'))).toBe(false);
    expect(tasks.some((t) => t.text.includes('示例重点任务'))).toBe(false);
  });

  it('holds for that heading’s tasks only', () => {
    const { tasks } = build(
      '某省示例工作方案\n\n一、重点任务\n\n（一）示例任务组甲（以下任务均需各市人民政府落实）\n\n1.建设示例平台。完善示例平台功能。（责任单位：省大数据局）\n\n（二）示例任务组乙\n\n2.培育示例企业。新增示例企业10家。（责任单位：省商务厅）\n',
    );
    expect(ownersOf(tasks, '完善示例平台功能')).toEqual(['省大数据局:responsible', '各市人民政府:responsible*']);
    expect(ownersOf(tasks, '新增示例企业10家')).toEqual(['省商务厅:responsible']);
  });
});

describe('a 自治区 named with a one-character stand-in (某自治区)', () => {
  it('is still a region: a bare 财政厅 is the region’s, not a district’s', () => {
    const { tasks } = build('某自治区示例工作方案\n\n一、重点任务\n\n1.推进示例改革。开展示例改革试点。（牵头单位：自治区大数据发展局；配合单位：财政厅）\n');
    expect(ownersOf(tasks, '开展示例改革试点')).toEqual(['自治区大数据发展局:lead', '自治区财政厅:cooperating']);
  });
});

// Shapes met in the sixth blind batch (tests/labels/shapes-blind5/, 2026-12-06), each written again here in other words.
describe('bodies the shape rules refused', () => {
  it('a 科技创新局 is a body (开创新局 is not), and 各镇（街道） / 各组团（直管区） stand for every such area', () => {
    const { tasks } = build(
      '某新区示例工作要点\n\n一、重点任务\n\n1．建成示例平台5个。（新区科技创新局牵头，新区财政局配合）\n2．培育示例企业10家。（新区经济局负责，各组团（直管区）、各镇（街道）配合）\n3．推动示例工作开创新局。（新区办公室负责）\n',
    );
    expect(ownersOf(tasks, '建成示例平台')).toEqual(['新区科技创新局:lead', '新区财政局:cooperating']);
    expect(ownersOf(tasks, '培育示例企业')).toEqual(['新区经济局:responsible', '各组团（直管区）:cooperating', '各镇（街道）:cooperating']);
  });
});

describe('a clause naming a body and the part it answers for', () => {
  it('X负责<duty> in a note makes X responsible; with ，下同 after it, that clause alone is handed down', () => {
    const { tasks } = build(
      '某新区示例工作要点\n\n一、重点任务\n\n1．引进示例项目8个。（新区招商局牵头，新区财政局配合；示例湖片区管委会负责用地和水电保障，下同）\n2．建设示例园区1个。\n',
    );
    expect(ownersOf(tasks, '引进示例项目')).toEqual(['新区招商局:lead', '新区财政局:cooperating', '示例湖片区管委会:responsible']);
    expect(ownersOf(tasks, '建设示例园区')).toEqual(['示例湖片区管委会:responsible*']);
  });

  it('以下任务均需X协同推进 hands X down as cooperating', () => {
    const { tasks } = build('某省示例工作要点\n\n一、重点任务\n\n以下任务均需省示例协会协同推进，不再单独列出。\n1.新建示例市场3个。（省商务厅负责）\n');
    expect(ownersOf(tasks, '新建示例市场')).toEqual(['省商务厅:responsible', '省示例协会:cooperating*']);
  });
});

describe('cell-per-line tables, more of them', () => {
  it('a 责任处室 column; a row without 配合单位 still ends with its leader and deadline; a qualifier keeps its 、', () => {
    const { tasks } = build(
      [
        '某省示例厅示例工作任务分工',
        '',
        '一、重点任务分工',
        '序号', '重点任务', '责任处室', '配合单位', '责任领导', '完成时限',
        '1', '开展示例试点，培育示例企业20家', '厅示例贸易处', '各地（州、市）示例主管部门，厅示例服务中心', '王示例', '2026年12月',
        '2', '举办示例展会2场', '厅示例服务中心', '李示例', '2026年10月',
        '',
      ].join('\n'),
    );
    expect(ownersOf(tasks, '培育示例企业20家')).toEqual(['厅示例贸易处:responsible', '各地（州、市）示例主管部门:cooperating', '厅示例服务中心:cooperating']);
    const second = tasks.find((t) => t.text.includes('举办示例展会'));
    expect(owners(second!)).toEqual(['厅示例服务中心:responsible']);
    expect(second!.leader).toBe('李示例');
  });
});
