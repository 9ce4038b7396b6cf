import { describe, expect, it } from 'vitest';
import {
  chineseNumeralToNumber,
  endsSentence,
  matchNumbering,
  numberToChineseNumeral,
  opensBlock,
  startsWithResponsibilityNote,
} from '../../core/patterns/numbering.js';
import { displayWidth, isCjkish } from '../../core/patterns/characters.js';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['三十四', 34], ['一百', 100], ['一百零五', 105],
    ['一百一十', 110], ['两千', 2000], ['一千零一十', 1010], ['九千九百九十九', 9999], ['二〇二三', 2023],
    ['零', 0], ['３４', 34], ['34', 34],
  ])('%s = %i', (s, n) => {
    expect(chineseNumeralToNumber(s)).toBe(n);
  });

  it.each(['', 'abc', '十十', '百十千', '一百二三', '三x'])('"%s" is not a number', (s) => {
    expect(chineseNumeralToNumber(s)).toBeNaN();
  });

  it('writes numbers the way documents number articles', () => {
    expect(numberToChineseNumeral(0)).toBe('零');
    expect(numberToChineseNumeral(10)).toBe('十');
    expect(numberToChineseNumeral(11)).toBe('十一');
    expect(numberToChineseNumeral(20)).toBe('二十');
    expect(numberToChineseNumeral(105)).toBe('一百零五');
    expect(numberToChineseNumeral(110)).toBe('一百一十');
    expect(numberToChineseNumeral(1001)).toBe('一千零一');
    expect(numberToChineseNumeral(1010)).toBe('一千零一十');
    expect(numberToChineseNumeral(9999)).toBe('九千九百九十九');
  });

  it('round-trips every number from 0 to 9999', () => {
    for (let n = 0; n <= 9999; n++) expect(chineseNumeralToNumber(numberToChineseNumeral(n))).toBe(n);
  });

  it('refuses numbers it cannot write', () => {
    expect(() => numberToChineseNumeral(10000)).toThrow(RangeError);
    expect(() => numberToChineseNumeral(-1)).toThrow(RangeError);
    expect(() => numberToChineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe('matchNumbering', () => {
  it.each([
    ['第一编 总则', '第X编', 1, '第一编'],
    ['第三章　网络运行安全', '第X章', 3, '第三章'],
    ['第二节 一般规定', '第X节', 2, '第二节'],
    ['第三十四条　网络运营者应当', '第X条', 34, '第三十四条'],
    ['第 12 条 本办法', '第X条', 12, '第12条'],
    ['一、总体思路', '一、', 1, '一、'],
    ['十一、保障措施', '一、', 11, '十一、'],
    ['（三）打造智能敏捷的物联网体系', '（一）', 3, '（三）'],
    ['(二) 优化财税支持政策', '（一）', 2, '（二）'],
    ['### （一）加强统筹协调力度', '（一）', 1, '（一）'],
    ['1. 加快建设新一代移动通信网络。', '1.', 1, '1.'],
    ['１２．推动铁路建设管理数字化', '1.', 12, '12.'],
    ['3、完善升级物联网', '1.', 3, '3、'],
    ['- 2.着力提升骨干网络层级', '1.', 2, '2.'],
    ['（1）建设一体化政务服务平台', '（1）', 1, '（1）'],
    ['③加强数据安全', '①', 3, '③'],
    ['一是打通数字基础设施大动脉', '一是', 1, '一是'],
    ['第二，在科研投入上集中力量办大事', '第一，', 2, '第二'],
    ['工程专栏 3 物联网服务体系提升工程', '专栏', 3, '工程专栏3'],
    ['专栏１　数字基础设施提升工程', '专栏', 1, '专栏1'],
    ['附件2', '附件', 2, '附件2'],
  ])('%s → %s %i', (line, style, value, label) => {
    const m = matchNumbering(line);
    expect(m?.style).toBe(style);
    expect(m?.value).toBe(value);
    expect(m?.label).toBe(label);
  });

  it('does not take decimals, leaders or words for labels', () => {
    for (const line of ['1.25亿元的投资', '1...3', '专栏中的项目', '附件中规定', '十分重要。', '二〇二三年']) {
      expect(matchNumbering(line), line).toBeUndefined();
    }
  });

  it('tells whether the label is set apart from the text', () => {
    expect(matchNumbering('第一条　为了')?.spaced).toBe(true);
    expect(matchNumbering('第一条为了')?.spaced).toBe(false);
    expect(matchNumbering('第一章')?.spaced).toBe(true);
    expect(matchNumbering('第三条 为了保障')?.rest).toBe('为了保障');
  });
});

describe('line predicates', () => {
  it('knows which lines open a block', () => {
    for (const line of ['# 标题', '- 1.积极推广', '一、总体思路', '（一）发展现状', '第一条 为了', '第一章总则', '1.发展新一代移动通信网络。',
      '——2014年2月27日在某会议上的讲话', '专栏 2 工程', '附表：政策文件清单', '任务名称\t责任部门']) {
      expect(opensBlock(line), line).toBe(true);
    }
    for (const line of ['年，培育形成产业集群', '第三十条规定的义务', '第二条至第五条', '第七条第二款', '专栏中的项目', '', '管理局）']) {
      expect(opensBlock(line), line).toBe(false);
    }
  });

  it('knows which lines end a sentence', () => {
    for (const line of ['制定本办法。', '他说：“要加快发展。”', '（责任单位：省科技厅）', '（省大数据局、各市政府分工负责）', '主要目标：',
      '取得显著成效；', '基础.', '是否可行？', '**通知。**']) {
      expect(endsSentence(line), line).toBe(true);
    }
    for (const line of ['到 2025', '（2024-2025年）', '一、总体思路', '根据《数据安全法》', '5.1.', '论述.....']) {
      expect(endsSentence(line), line).toBe(false);
    }
  });

  it('recognizes a responsibility note at a line start', () => {
    expect(startsWithResponsibilityNote('（责任单位：省农业农村厅）')).toBe(true);
    expect(startsWithResponsibilityNote('(牵头单位：省大数据局)')).toBe(true);
    expect(startsWithResponsibilityNote('（山东省大数据局代章）')).toBe(false);
  });

  it('measures printed width in full-width cells', () => {
    expect(displayWidth('数据2025年')).toBe(5);
    expect(displayWidth('ＡＢ')).toBe(2);
    expect(isCjkish('“')).toBe(true);
    expect(isCjkish('a')).toBe(false);
  });
});
