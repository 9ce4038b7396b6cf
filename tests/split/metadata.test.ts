import { describe, expect, it } from 'vitest';
import { adoptionLine, dateLine, docNumberLine, findDocNumber, isOrganName, organHeader, parseDate, preciserDate } from '../../ingest/split/metadata.js';
import { issuedTitles, kindFromTitle } from '../../core/text/title.js';

describe('dates', () => {
  it.each([
    ['2023年11月14日', '2023-11-14'],
    ['2023 年 11 月 14 日', '2023-11-14'],
    ['２０２３年１１月１４日', '2023-11-14'],
    ['二〇二三年十一月十四日', '2023-11-14'],
    ['二〇二〇年三月二十三日', '2020-03-23'],
    ['2016.11.07', '2016-11-07'],
    ['2016/1/7', '2016-01-07'],
    ['（2021 年 9 月）', '2021-09'],
    ['2021', '2021'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('rejects impossible dates', () => {
    expect(parseDate('2023年13月1日')).toBeUndefined();
    expect(parseDate('第十三届')).toBeUndefined();
  });

  it('recognizes a line that is only a date', () => {
    expect(dateLine('（2022年6月）')).toBe('2022-06');
    expect(dateLine('2023年11月14日')).toBe('2023-11-14');
    expect(dateLine('2023年11月14日印发')).toBe('2023-11-14');
    expect(dateLine('到2025年，全省建成5G基站。')).toBeUndefined();
  });

  it('reads adoption lines under a law title', () => {
    expect(adoptionLine('（2021年9月30日山东省第十三届人民代表大会常务委员会第三十次会议通过）')).toEqual({
      date: '2021-09-30',
      issuer: '山东省第十三届人民代表大会常务委员会',
    });
    expect(adoptionLine('（一）建立健全制度。')).toBeUndefined();
  });

  it('keeps the more precise of two agreeing dates, else the first', () => {
    expect(preciserDate('2021-09', '2021-09-30')).toBe('2021-09-30');
    expect(preciserDate('2021-09-30', '2021-09')).toBe('2021-09-30');
    expect(preciserDate('2021-07-19', '2021-09-30')).toBe('2021-07-19');
    expect(preciserDate(undefined, '2021')).toBe('2021');
  });
});

describe('文号', () => {
  it.each([
    ['鲁政办字〔2020〕34号', '鲁政办字〔2020〕34号'],
    ['鲁政办字【2020】34号', '鲁政办字〔2020〕34号'],
    ['国办发[2022] 14号', '国办发〔2022〕14号'],
    ['国办发［2022］14号', '国办发〔2022〕14号'],
    ['某办发(2023）10号', '某办发〔2023〕10号'],
    ['某办发（２０２３）第１０号', '某办发〔2023〕10号'],
  ])('%s → %s', (text, normalized) => {
    expect(findDocNumber(text)).toBe(normalized);
  });

  it('recognizes a 文号 line, with or without 签发人, but not a sentence citing one', () => {
    expect(docNumberLine('某政发【2021】5号')).toBe('某政发〔2021〕5号');
    expect(docNumberLine('某政发〔2021〕5号        签发人：张三')).toBe('某政发〔2021〕5号');
    expect(docNumberLine('根据《某某意见》（国发〔2022〕14号）要求，制定本方案。')).toBeUndefined();
  });
});

describe('organs and titles', () => {
  it('recognizes organ names and GB/T 9704 headers', () => {
    expect(isOrganName('某某省人民政府办公厅')).toBe(true);
    expect(isOrganName('中共中央办公厅 国务院办公厅')).toBe(true);
    expect(isOrganName('加快建设数字政府')).toBe(false);
    expect(organHeader('某某领导小组办公室文件')).toBe('某某领导小组办公室');
  });

  it('reads the kind from the type word at the end of a title', () => {
    expect(kindFromTitle('中华人民共和国某某法')).toBe('law');
    expect(kindFromTitle('某某管理办法（试行）')).toBe('rules');
    expect(kindFromTitle('某某促进条例')).toBe('regulation');
    expect(kindFromTitle('某某行动方案（2024-2025年）')).toBe('plan');
    expect(kindFromTitle('某某发展行动纲要')).toBe('plan');
    expect(kindFromTitle('关于加强某某建设的指导意见')).toBe('opinion');
    expect(kindFromTitle('关于印发《某某方案》的通知')).toBe('notice');
    expect(kindFromTitle('某某重要论述摘编')).toBe('speeches');
    expect(kindFromTitle('某某政策文件清单')).toBe('catalogue');
    expect(kindFromTitle('某某文件汇编')).toBe('compilation');
    expect(kindFromTitle('关于数字经济发展情况的报告')).toBe('other');
  });

  it('reads a year\'s list of key tasks as a plan, but not a heading of that name', () => {
    expect(kindFromTitle('某市2026年生态文明建设重点任务')).toBe('plan');
    expect(kindFromTitle('某某区数字政府建设主要任务')).toBe('plan');
    expect(kindFromTitle('某县2026年优化营商环境工作任务')).toBe('plan');
    expect(kindFromTitle('重点任务')).toBe('other');
    expect(kindFromTitle('第二章　重点任务')).toBe('other');
    expect(kindFromTitle('第三节 主要任务')).toBe('other');
  });

  it('reads the titles a notice issues', () => {
    expect(issuedTitles('关于印发《某某行动方案（2024-2025年）》的通知')).toEqual(['某某行动方案（2024-2025年）']);
    expect(issuedTitles('某某办公厅关于印发《甲办法》和《乙细则》的通知')).toEqual(['甲办法', '乙细则']);
    expect(issuedTitles('关于转发某某实施方案的通知')).toEqual(['某某实施方案']);
    expect(issuedTitles('关于做好某某工作的通知')).toEqual([]);
  });
});
