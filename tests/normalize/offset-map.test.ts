import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  buildOffsetMap,
  countArtifacts,
  originalSlice,
  toNormalizedOffset,
  toOriginalOffset,
  trackText,
} from '../../ingest/normalize/offset-map.js';
import { markdownHeadingDepth, normalizeText } from '../../ingest/normalize/index.js';
import type { SourceFile } from '../../ingest/stages.js';
import { prng } from './prng.js';

const source = (text: string, format: SourceFile['format'] = 'txt'): SourceFile => ({ path: 's', format, encoding: 'utf-8', text, sha256: '' });

describe('offset map', () => {
  it('maps across dropped text, with start and end bias', () => {
    const t = applyEdits(trackText('数 控 化 率'), [
      { start: 1, end: 2, text: '' },
      { start: 3, end: 4, text: '' },
      { start: 5, end: 6, text: '' },
    ]);
    expect(t.text).toBe('数控化率');
    const map = buildOffsetMap(t);
    expect(toOriginalOffset(map, 1)).toBe(2);
    expect(toOriginalOffset(map, 1, 'end')).toBe(1);
    expect(toOriginalOffset(map, 4)).toBe(7);
    const file = { source: source('数 控 化 率'), map };
    expect(originalSlice(file, 0, 1)).toBe('数');
    expect(originalSlice(file, 1, 3)).toBe('控 化');
    expect(originalSlice(file, 0, 4)).toBe('数 控 化 率');
  });

  it('maps a shrinking replacement to the whole replaced span', () => {
    const text = '依据<<数据法>>执行';
    const t = applyEdits(trackText(text), [
      { start: 2, end: 4, text: '《' },
      { start: 7, end: 9, text: '》' },
    ]);
    expect(t.text).toBe('依据《数据法》执行');
    const file = { source: source(text), map: buildOffsetMap(t) };
    expect(originalSlice(file, 2, 7)).toBe('<<数据法>>');
    expect(originalSlice(file, 3, 6)).toBe('数据法');
    expect(originalSlice(file, 7, 9)).toBe('执行');
  });

  it('composes edits of several steps', () => {
    const text = 'Ａ\r\n  第 一 条';
    let t = trackText(text);
    t = applyEdits(t, [{ start: 1, end: 3, text: '\n' }]);
    t = applyEdits(t, [{ start: 0, end: 1, text: 'A' }]);
    t = applyEdits(t, [
      { start: 2, end: 4, text: '' },
      { start: 5, end: 6, text: '' },
      { start: 7, end: 8, text: '' },
    ]);
    expect(t.text).toBe('A\n第一条');
    const file = { source: source(text), map: buildOffsetMap(t) };
    expect(originalSlice(file, 2, 5)).toBe('第 一 条');
    expect(originalSlice(file, 0, 1)).toBe('Ａ');
    expect(toNormalizedOffset(file.map, text.indexOf('一'))).toBe(3);
    expect(toNormalizedOffset(file.map, 4)).toBe(2); // a dropped indentation space maps to where the text resumes
  });

  it('refuses overlapping edits (a programmer mistake)', () => {
    expect(() => applyEdits(trackText('abcdef'), [{ start: 1, end: 3, text: '' }, { start: 2, end: 4, text: '' }])).toThrow();
  });

  it('keeps untouched characters mapped one to one under random edits', () => {
    const rand = prng(42);
    const alphabet = '数据 管理，。\n\tAB12';
    for (let round = 0; round < 50; round++) {
      const text = Array.from({ length: 80 }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const edits = [];
      for (let at = 0; at < text.length; ) {
        const step = 1 + Math.floor(rand() * 8);
        if (rand() < 0.3 && at + step <= text.length) {
          const replacement = ['', 'X', 'YY', '。'][Math.floor(rand() * 4)]!;
          edits.push({ start: at, end: at + Math.min(step, 3), text: replacement });
        }
        at += step;
      }
      const t = applyEdits(trackText(text), edits);
      const map = buildOffsetMap(t);
      // Rebuild which normalized characters were copied unchanged, and check them.
      let norm = 0;
      let orig = 0;
      for (const e of edits) {
        for (; orig < e.start; orig++, norm++) {
          expect(toOriginalOffset(map, norm)).toBe(orig);
          expect(toOriginalOffset(map, norm + 1, 'end')).toBe(orig + 1);
        }
        norm += e.text.length;
        orig = e.end;
      }
      expect(t.text.length).toBe(norm + text.length - orig);
    }
  });

  it('counts artifacts inside a span', () => {
    const file = { artifacts: 3, artifactOffsets: [2, 10, 10] };
    expect(countArtifacts(file, 0, 100)).toBe(3);
    expect(countArtifacts(file, 3, 10)).toBe(0);
    expect(countArtifacts(file, 10, 11)).toBe(2);
    expect(countArtifacts({ artifacts: 7 }, 0, 1)).toBe(7);
  });
});

describe('normalizeText keeps the way back to the original', () => {
  const text = '# 某市行动方案\n\n　　（一）建设５Ｇ网络。到 2025\n\n— 3 —\n\n年，建成 5G 基站 1 万个.全省覆盖率达 90%.建设完成.\n';
  const file = normalizeText(source(text, 'md'));

  it('gives original words for a normalized span', () => {
    const at = file.text.indexOf('到2025年');
    expect(originalSlice(file, at, at + '到2025年'.length)).toBe('到 2025\n\n— 3 —\n\n年');
    const g = file.text.indexOf('5G网络');
    expect(originalSlice(file, g, g + 2)).toBe('５Ｇ');
  });

  it('counts artifacts and places them in the normalized text', () => {
    expect(file.artifactOffsets).toHaveLength(file.artifacts);
    expect(file.artifacts).toBeGreaterThan(0);
    expect([...(file.artifactOffsets ?? [])].sort((a, b) => a - b)).toEqual(file.artifactOffsets);
    expect(countArtifacts(file, 0, file.text.length)).toBe(file.artifacts);
  });

  it('reads the Markdown heading level from the original line', () => {
    expect(markdownHeadingDepth(file, 0)).toBe(1);
    expect(markdownHeadingDepth(file, file.text.indexOf('（一）'))).toBe(0);
  });
});
