import { beforeAll, describe, expect, it } from 'vitest';
import { loadDepartmentRegistry, type DepartmentRegistry } from '../../core/departments/index.js';
import {
  classifyRole,
  findOwnerNotes,
  parseOwnerNote,
  splitAtNotes,
  splitCellDepartments,
  splitDepartmentList,
  isBodyLike,
} from '../../ingest/enrich/responsibilities/index.js';

let registry: DepartmentRegistry;
beforeAll(async () => {
  registry = await loadDepartmentRegistry();
});

const owners = (inner: string) => parseOwnerNote(inner, registry).owners.map((o) => `${o.asWritten}:${o.role}`);

describe('classifyRole', () => {
  it('maps labels and closing words to roles', () => {
    expect(classifyRole('牵头单位')).toBe('lead');
    expect(classifyRole('责任单位')).toBe('responsible');
    expect(classifyRole('责任部门')).toBe('responsible');
    expect(classifyRole('分工负责')).toBe('responsible');
    expect(classifyRole('配合单位')).toBe('cooperating');
    expect(classifyRole('参与')).toBe('cooperating');
    expect(classifyRole('任务名称')).toBeUndefined();
  });
});

describe('parseOwnerNote: the forms of owner notes', () => {
  it('责任单位： with a list continued after a comma', () => {
    expect(owners('责任单位：省通信管理局、省工业和信息化厅，各市人民政府')).toEqual([
      '省通信管理局:responsible',
      '省工业和信息化厅:responsible',
      '各市人民政府:responsible',
    ]);
  });

  it('…分工负责，…配合', () => {
    expect(owners('省通信管理局、省工业和信息化厅分工负责，有关市政府配合')).toEqual([
      '省通信管理局:responsible',
      '省工业和信息化厅:responsible',
      '有关市政府:cooperating',
    ]);
  });

  it('…负责，…配合', () => {
    expect(owners('省交通运输厅负责，省公安厅、有关市政府配合')).toEqual(['省交通运输厅:responsible', '省公安厅:cooperating', '有关市政府:cooperating']);
  });

  it('牵头单位：…，责任单位：…', () => {
    expect(owners('牵头单位：省发展改革委、省大数据局，责任单位：省政府有关部门')).toEqual([
      '省发展改革委:lead',
      '省大数据局:lead',
      '省政府有关部门:responsible',
    ]);
  });

  it('…牵头，…参与', () => {
    expect(owners('省大数据局牵头，省委网信办、省公安厅参与')).toEqual(['省大数据局:lead', '省委网信办:cooperating', '省公安厅:cooperating']);
  });

  it('strips 等, 按职责分工负责 and turns 等有关部门 into a generic group', () => {
    expect(owners('省大数据局、省通信管理局等分工负责')).toEqual(['省大数据局:responsible', '省通信管理局:responsible']);
    expect(owners('责任单位：省发展改革委、省统计局按职责分工负责')).toEqual(['省发展改革委:responsible', '省统计局:responsible']);
    expect(owners('责任单位：省委政法委、省民政厅等有关部门')).toEqual(['省委政法委:responsible', '省民政厅:responsible', '各有关部门:responsible']);
    expect(owners('责任单位：省药监局，省消防救援总队以及各有关监管部门')).toEqual([
      '省药监局:responsible',
      '省消防救援总队:responsible',
      '各有关监管部门:responsible',
    ]);
  });

  it('reads variants: 配合单位 labels, semicolons, 牵头负责, 负责落实, 由…牵头, ASCII colons', () => {
    expect(owners('牵头单位：省大数据局；配合单位：省财政厅、省通信管理局')).toEqual([
      '省大数据局:lead',
      '省财政厅:cooperating',
      '省通信管理局:cooperating',
    ]);
    expect(owners('省通信管理局牵头负责，省工业和信息化厅配合，各市人民政府负责落实')).toEqual([
      '省通信管理局:lead',
      '省工业和信息化厅:cooperating',
      '各市人民政府:responsible',
    ]);
    expect(owners('由省教育厅牵头，各有关部门配合')).toEqual(['省教育厅:lead', '各有关部门:cooperating']);
    expect(owners('责任单位:省大数据局、各市人民政府')).toEqual(['省大数据局:responsible', '各市人民政府:responsible']);
    expect(owners('责任主体：各县（市、区）人民政府')).toEqual(['各县（市、区）人民政府:responsible']);
  });

  it('repairs a name broken by a page break inside the note', () => {
    expect(owners('责任单位：省大数\n\n据局，省市场监管局')).toEqual(['省大数据局:responsible', '省市场监管局:responsible']);
  });

  it('never returns a fragment that is not a body', () => {
    const parsed = parseOwnerNote('责任单位：省大数据局，按要求落实', registry);
    expect(parsed.owners.map((o) => o.asWritten)).toEqual(['省大数据局']);
    expect(parsed.rejected).toEqual(['按要求落实']);
  });

  it('keeps an unknown body, by its shape', () => {
    expect(owners('责任单位：省未来产业局、省大数据局')).toEqual(['省未来产业局:responsible', '省大数据局:responsible']);
  });
});

describe('findOwnerNotes', () => {
  it('finds notes with full-width or ASCII parentheses, nested parentheses inside', () => {
    const text = '加快建设。（责任单位：省大数据局）推进试点。(省水利厅负责,有关市政府配合)完善机制。（责任单位：各县（市、区）人民政府）';
    const notes = findOwnerNotes(text, registry);
    expect(notes.map((n) => n.parsed.owners.map((o) => o.asWritten))).toEqual([
      ['省大数据局'],
      ['省水利厅', '有关市政府'],
      ['各县（市、区）人民政府'],
    ]);
    expect(text.slice(notes[1]!.start, notes[1]!.end)).toBe('(省水利厅负责,有关市政府配合)');
  });

  it('leaves prose parentheses alone', () => {
    const text = '根据《规划（2018-2022年）》（以下简称《规划》），建设国家工业和信息化部（工信部）试点（一）。（企业负责）';
    expect(findOwnerNotes(text, registry)).toEqual([]);
  });

  it('accepts a bare list of known bodies only after a sentence', () => {
    expect(findOwnerNotes('建成示范工程。（省大数据局、省财政厅）', registry)).toHaveLength(1);
    expect(findOwnerNotes('会同有关单位（省大数据局）开展', registry)).toHaveLength(0);
  });

  it('reports a note the text ends inside', () => {
    const notes = findOwnerNotes('建成平台。（牵头单位：省大数据局，责任单位：省纪委', registry);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.closed).toBe(false);
  });
});

describe('splitAtNotes', () => {
  it('gives each note the sentences since the previous one', () => {
    const text = '1.发展网络。建设5G。（省通信管理局负责）推动广电网络建设。（省广电局、省通信管理局分工负责）';
    const spans = splitAtNotes(text, findOwnerNotes(text, registry));
    expect(spans.map((s) => s.text)).toEqual(['1.发展网络。建设5G。', '推动广电网络建设。']);
    expect(text.slice(spans[1]!.start, spans[1]!.end)).toBe('推动广电网络建设。');
  });
});

describe('department lists and cells', () => {
  it('splits on 、 and spaces but keeps 和 inside names', () => {
    expect(splitDepartmentList('省工业和信息化厅、省文化和旅游厅', registry)).toEqual(['省工业和信息化厅', '省文化和旅游厅']);
    expect(splitDepartmentList('省委网信办和省公安厅', registry)).toEqual(['省委网信办', '省公安厅']);
  });

  it('splits names written together without a separator', () => {
    expect(splitDepartmentList('省财政厅省地方金融监管局', registry)).toEqual(['省财政厅', '省地方金融监管局']);
    expect(splitDepartmentList('省甲乙局省丙丁厅', registry)).toEqual(['省甲乙局', '省丙丁厅']);
  });

  it('reads a cell: several departments separated by spaces, a name cut by a column break', () => {
    expect(splitCellDepartments('省委办公厅 省大数据局', registry)).toEqual(['省委办公厅', '省大数据局']);
    expect(splitCellDepartments('省委网信办 省司法厅 省人大常委会 会法工委', registry)).toEqual(['省委网信办', '省司法厅', '省人大常委会法工委']);
    expect(splitCellDepartments('省大数 据局 省教育厅', registry)).toEqual(['省大数据局', '省教育厅']);
    expect(splitCellDepartments('省政协办公厅省大数据局', registry)).toEqual(['省政协办公厅', '省大数据局']);
  });

  it('knows what a body looks like', () => {
    expect(isBodyLike('省未来产业局')).toBe(true);
    expect(isBodyLike('国网某某公司')).toBe(true);
    expect(isBodyLike('按职责分工')).toBe(false);
    expect(isBodyLike('等')).toBe(false);
  });
});
