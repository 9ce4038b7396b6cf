import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSegmenter, foldText, findLocators, locatorSpellings, STREAM_BREAK } from '../../core/segment/index.js';
import { policyTerms } from '../../core/segment/policy-terms.js';
import { CORPUS_DIR } from '../helpers/corpus.js';

const seg = createSegmenter({ userWords: ['省工业和信息化厅', '工信厅', '省大数据局', '大数据局', ...policyTerms] });

describe('index tokens', () => {
  it('hold every dictionary word inside longer words, and every character', () => {
    const tokens = new Set(seg.indexTokens('个人信息处理者应当对省工业和信息化厅负责'));
    for (const w of ['个人信息', '个人', '信息', '处理', '信息处理', '省工业和信息化厅', '信息化', '工业', '负责', '者', '厅']) {
      expect(tokens, w).toContain(w);
    }
  });

  it('keep Latin and digit runs whole, even touching Chinese', () => {
    const tokens = seg.indexTokens('到2025年建成5G基站11.2万个，IPv6规模部署');
    for (const w of ['2025', '5G', '11.2', 'IPv6']) expect(tokens).toContain(w);
    expect(tokens).not.toContain('2');
    expect(tokens).not.toContain('G');
  });

  it('write the text first as a reader splits it, punctuation kept, then the rest after a hard break', () => {
    const tokens = seg.indexTokens('加快建设千兆光网，打造算力网络。');
    const brk = tokens.indexOf(STREAM_BREAK, tokens.indexOf('，') + 1);
    const coarse = tokens.slice(0, brk);
    expect(coarse.filter((t) => !/[，。,]/.test(t)).join('')).toBe('加快建设千兆光网打造算力网络');
    expect(coarse).toContain('千兆光网');
    expect(tokens.slice(brk + 1)).toEqual(expect.arrayContaining(['千兆', '光网', '算力']));
  });

  it('write only the first stream when asked (headings): a query word matches a heading by the heading’s own words', () => {
    const all = seg.indexTokens('（二）提升数据安全保障水平');
    const own = seg.indexTokens('（二）提升数据安全保障水平', { extra: false });
    expect(own).toEqual(all.slice(0, all.lastIndexOf(STREAM_BREAK)));
    expect(own).toContain('数据安全');
    expect(own).not.toContain('安全');
    expect(all).toContain('安全');
  });

  it('write article numbers in one canonical form, whatever the numerals', () => {
    expect(seg.indexTokens('依照本法第12条')).toContain('第十二条');
    expect(seg.indexTokens('第一百零三条')).toContain('第一百零三条');
    expect(seg.queryWords('第12条')).toEqual(['第十二条']);
    expect(seg.queryWords('第 3 章')).toEqual(['第三章']);
  });
});

describe('query words', () => {
  it('are exact-mode words, never HMM guesses, so each is always indexed', () => {
    expect(seg.queryWords('工信厅 5G')).toEqual(['工信厅', '5G']);
    expect(seg.queryWords('數據安全')).toEqual(['数据安全']);
    expect(seg.queryWords('ＩＰｖ６')).toEqual(['IPv6']);
  });

  it('every query word of any stretch of real text is among that text’s index tokens (the recall contract; Latin runs whole)', () => {
    const text = readFileSync(`${CORPUS_DIR}/shandong-digital-infrastructure-action-plan-2024-2025.md`, 'utf8').slice(0, 6000);
    const sentences = text.split(/[。；\n]/).filter((s) => s.trim().length > 8);
    let checked = 0;
    for (const sentence of sentences) {
      const tokens = new Set(seg.indexTokens(sentence).map((t) => t.toLowerCase()));
      // Every stretch of 2–8 characters starting at every 5th position: what a reader might type.
      for (let i = 0; i < sentence.length; i += 5) {
        for (const len of [2, 3, 5, 8]) {
          const typed = sentence.slice(i, i + len);
          if (/[\s\p{P}]/u.test(typed)) continue;
          // Latin and digit runs are matched whole by design (2025 must not match 20250): skip cut runs.
          const alnum = /[A-Za-z0-9]/;
          if (alnum.test(sentence[i - 1] ?? '') && alnum.test(typed[0]!)) continue;
          if (alnum.test(sentence[i + typed.length] ?? '') && alnum.test(typed.at(-1)!)) continue;
          for (const w of seg.queryWords(typed)) {
            expect(tokens.has(w.toLowerCase()), `${w} of “${typed}” in “${sentence}”`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('folding and weights', () => {
  it('folds traditional characters and full-width forms without changing length', () => {
    expect(foldText('數據安全')).toBe('数据安全');
    expect(foldText('ＩＰｖ６　網絡')).toBe('IPv6 网络');
    for (const s of ['個人信息保護法', '第十二條', '雲平臺']) expect(foldText(s)).toHaveLength(s.length);
  });

  it('ranks rare words above common ones and codes above words', () => {
    expect(seg.weight('篡改')).toBeGreaterThan(seg.weight('建设'));
    expect(seg.weight('IPv6')).toBeGreaterThan(seg.weight('篡改'));
    expect(seg.weight('第十二条')).toBeGreaterThan(seg.weight('数据'));
  });
});

describe('locators', () => {
  it('finds 第X条/章/节/编/款/项 in both numeral systems with their offsets', () => {
    const text = '违反本法第二十七条、第29条规定的，依照第三章处理';
    const found = findLocators(text);
    expect(found.map((l) => l.term)).toEqual(['第二十七条', '第二十九条', '第三章']);
    for (const l of found) expect(text.slice(l.start, l.end)).toMatch(/^第.+[条章]$/);
    expect(locatorSpellings('第二十九条')).toEqual(['第29条']);
    expect(findLocators('第0条 第一〇条')).toHaveLength(1);
  });
});
