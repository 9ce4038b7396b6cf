import { describe, expect, it } from 'vitest';
import { documentId, looseTitleKey, normalizeTitle, splitVersion } from '../../ingest/split/index.js';

describe('normalizeTitle', () => {
  it('removes 《》, spaces and quotes, folds widths and unifies brackets and dashes', () => {
    expect(normalizeTitle('《山东省 “十四五” 数字 规划》')).toBe('山东省十四五数字规划');
    expect(normalizeTitle('某某行动计划(2022—2026年)')).toBe(normalizeTitle('某某行动计划（2022-2026年）'));
    expect(normalizeTitle('５Ｇ应用指南［试行］')).toBe('5G应用指南（试行）');
    expect(normalizeTitle('〈〈某某办法〉〉')).toBe('某某办法');
  });

  it('keeps 的 and the version, which tell documents apart', () => {
    expect(normalizeTitle('某某建设的指导意见')).not.toBe(normalizeTitle('某某建设指导意见'));
    expect(normalizeTitle('某某方案（2021-2023年）')).not.toBe(normalizeTitle('某某方案（2024-2025年）'));
  });
});

describe('splitVersion', () => {
  it.each([
    ['某某行动方案（2024-2025年）', '某某行动方案', '（2024-2025年）'],
    ['某某行动计划(会签稿)', '某某行动计划', '（会签稿）'],
    ['某某管理办法（试行）', '某某管理办法', '（试行）'],
    ['某某标准体系建设指南（2022版）', '某某标准体系建设指南', '（2022版）'],
    ['某某条例（征求意见稿）', '某某条例', '（征求意见稿）'],
  ])('%s', (input, title, version) => {
    expect(splitVersion(input)).toEqual({ title, version });
  });

  it('leaves dates and scope notes in brackets alone', () => {
    expect(splitVersion('某某纲要（2015年9月）')).toEqual({ title: '某某纲要（2015年9月）' });
    expect(splitVersion('某某建设指南（智能交通相关）')).toEqual({ title: '某某建设指南（智能交通相关）' });
  });
});

describe('looseTitleKey', () => {
  it('forgives a missing 的, a version suffix and punctuation', () => {
    expect(looseTitleKey('某省数字基础设施建设的指导意见')).toBe(looseTitleKey('《某省数字基础设施建设指导意见》'));
    expect(looseTitleKey('某某行动方案（2024-2025年）')).toBe(looseTitleKey('某某行动方案'));
  });
  it('still tells different type words apart', () => {
    expect(looseTitleKey('某某数据管理办法')).not.toBe(looseTitleKey('某某数据管理条例'));
  });
});

describe('documentId', () => {
  it('is doc- plus 12 hex digits, only [A-Za-z0-9_-]', () => {
    expect(documentId({ title: '某某管理办法' })).toMatch(/^doc-[0-9a-f]{12}$/);
  });

  it('is the same for the same title however it is written, and ignores date and 文号', () => {
    const a = documentId({ title: '《中华人民共和国某某法》', date: '2016-11-07' });
    const b = documentId({ title: '中华人民共和国 某某法', date: '2021-09', docNumber: '主席令〔2016〕53号' });
    expect(a).toBe(b);
  });

  it('keys on the version, whether given apart or inside the title', () => {
    expect(documentId({ title: '某某行动方案', version: '（2024-2025年）' })).toBe(documentId({ title: '某某行动方案(2024-2025年)' }));
    expect(documentId({ title: '某某行动方案', version: '（2024-2025年）' })).not.toBe(documentId({ title: '某某行动方案' }));
    expect(documentId({ title: '某某办法（试行）', version: '（试行）' })).toBe(documentId({ title: '某某办法（试行）' }));
  });

  it('adds the date only when asked, to tell two texts with one title apart', () => {
    const plain = documentId({ title: '某某法', date: '2016-11-07' });
    const dated = documentId({ title: '某某法', date: '2016-11-07' }, { withDate: true });
    expect(dated).not.toBe(plain);
    expect(dated).toBe(documentId({ title: '某某法', date: '2016-11-07' }, { withDate: true }));
    expect(dated).not.toBe(documentId({ title: '某某法', date: '2021-06-10' }, { withDate: true }));
  });
});
