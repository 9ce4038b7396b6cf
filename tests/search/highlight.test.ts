import { describe, expect, it } from 'vitest';
import { foldText } from '../../core/segment/index.js';
import { highlight } from '../../src/services/highlight.js';

describe('highlight', () => {
  it('reports JavaScript string offsets, longest term first', () => {
    const text = '建立数据安全管理制度，保障数据安全。';
    const { matches, snippet } = highlight(text, ['数据', '数据安全', '安全']);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['数据安全', '数据安全']);
    expect(snippet).toBe('建立<em>数据安全</em>管理制度，保障<em>数据安全</em>。');
  });

  it('crops long texts in characters around the densest matches', () => {
    const text = `${'甲'.repeat(300)}推进IPv6规模部署${'乙'.repeat(300)}`;
    const { snippet, matches } = highlight(text, ['IPv6', '规模部署'], { cropChars: 40 });
    expect(matches).toHaveLength(2);
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    const plain = snippet.replace(/<\/?em>/g, '').slice(1, -1);
    expect(plain).toHaveLength(40);
    const at = plain.indexOf('IPv6');
    expect(Math.abs(at - (40 - plain.indexOf('部署') - 2))).toBeLessThanOrEqual(3);
  });

  it('matches traditional text against simplified terms, offsets into the original', () => {
    const text = '保障數據安全';
    const { matches, snippet } = highlight(text, ['数据安全'], { fold: foldText });
    expect(matches).toEqual([{ start: 2, end: 6 }]);
    expect(snippet).toBe('保障<em>數據安全</em>');
  });

  it('compares terms folded too: a full-width or traditional term finds the folded text', () => {
    const text = '推进５Ｇ网络与数据安全';
    const { matches } = highlight(text, ['５Ｇ', '數據'], { fold: foldText });
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['５Ｇ', '数据']);
  });

  it('marks each occurrence once: longer terms first, a term never overlapping itself', () => {
    const text = '数据数据数据安全管理';
    const { matches } = highlight(text, ['数据数据', '数据安全', '安全管理', '管理']);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['数据数据', '数据安全', '管理']);
  });

  it('never cuts a surrogate pair at the crop edge', () => {
    const text = `${'𠀀'.repeat(100)}数据${'𠀀'.repeat(100)}`;
    const { snippet } = highlight(text, ['数据'], { cropChars: 21 });
    expect(snippet).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('returns the start of the text when nothing matches', () => {
    const text = '无'.repeat(200);
    const { snippet, matches } = highlight(text, ['数据'], { cropChars: 10 });
    expect(matches).toEqual([]);
    expect(snippet).toBe(`${'无'.repeat(10)}…`);
  });
});
