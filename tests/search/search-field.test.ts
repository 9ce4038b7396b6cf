import { describe, expect, it } from 'vitest';
import { decodeSearchWord, encodeSearchWord, toSearchField, toSearchQuery } from '../../core/segment/index.js';

describe('search-field encoding', () => {
  it('turns any token into one lower-case Latin word and back', () => {
    for (const w of ['数据安全', '省工业和信息化厅', '5G', 'ipv6', '11.2', '第二十一条', '𠀀字']) {
      const code = encodeSearchWord(w);
      expect(code).toMatch(/^[a-z]+$/);
      expect(decodeSearchWord(code)).toBe(w.toLowerCase());
    }
  });

  it('is case-insensitive for Latin, like Meilisearch', () => {
    expect(encodeSearchWord('IPv6')).toBe(encodeSearchWord('ipv6'));
  });

  it('keeps prefixes: a word’s start encodes to the start of its code (type-ahead)', () => {
    expect(encodeSearchWord('数字政府').startsWith(encodeSearchWord('数字政'))).toBe(true);
    expect(encodeSearchWord('数字').startsWith(encodeSearchWord('字'))).toBe(false);
  });

  it('distinguishes different words of equal length', () => {
    expect(encodeSearchWord('厅')).not.toBe(encodeSearchWord('局'));
  });

  it('keeps punctuation as separators in fields and drops it from queries', () => {
    expect(toSearchField(['数据', '，', '安全', '。', '5G'])).toBe(`${encodeSearchWord('数据')} ， ${encodeSearchWord('安全')} 。 ${encodeSearchWord('5G')}`);
    expect(toSearchQuery(['数据', '，', '安全'])).toBe(`${encodeSearchWord('数据')} ${encodeSearchWord('安全')}`);
  });

  it('rejects what is not a code', () => {
    expect(() => decodeSearchWord('abc')).toThrow(TypeError);
    expect(() => decodeSearchWord('ABCD')).toThrow(TypeError);
  });
});
