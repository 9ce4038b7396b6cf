import { describe, expect, it } from 'vitest';
import { findDocNumbers, normalizeDocNumber, normalizeDocNumbersIn } from '../../core/patterns/index.js';

describe('文号 (document numbers)', () => {
  it('normalizes the brackets, digits, spaces and 第 extraction and typing produce', () => {
    for (const written of ['国发〔2022〕14号', '国发[2022]14号', '国发［２０２２］１４号', '国发【2022】14号', '国发（2022）14号', '国发(2022）第14号', '国发〔2022〕 14 号', '国发〔2022〕014号']) {
      expect(normalizeDocNumber(written), written).toBe('国发〔2022〕14号');
    }
    expect(normalizeDocNumber('2022年14号')).toBeUndefined();
  });

  it('reads the issuer code back from the bracket, leaving lead-in words out', () => {
    expect(findDocNumbers('按照鲁政办字〔2020〕34号和国办发〔2018〕45号文件要求').map((n) => n.docNumber)).toEqual(['鲁政办字〔2020〕34号', '国办发〔2018〕45号']);
  });

  it('rewrites every 文号 of a text in its normalized form and leaves the rest alone', () => {
    expect(normalizeDocNumbersIn('根据国发[2022]第14号，结合实际（2024—2025年）')).toBe('根据国发〔2022〕14号，结合实际（2024—2025年）');
    expect(normalizeDocNumbersIn('没有文号的句子。')).toBe('没有文号的句子。');
  });
});
